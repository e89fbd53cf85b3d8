import ArgumentParser
import Quantization

extension QuantizationConvention: ExpressibleByArgument {}
