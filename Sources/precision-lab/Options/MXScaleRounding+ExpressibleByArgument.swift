import ArgumentParser
import Quantization

// An unknown rule is ArgumentParser's "value is invalid" error (exit 64), listing floor, ceil,
// even and rceil.
extension MXScaleRounding: ExpressibleByArgument {}
