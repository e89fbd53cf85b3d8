import ArgumentParser
import Quantization

extension MatmulScheme: ExpressibleByArgument {}
