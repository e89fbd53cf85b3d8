import ArgumentParser
import Quantization

/// `--scale-format float32|ue8m0`.
extension BlockScaleFormat: ExpressibleByArgument {}
