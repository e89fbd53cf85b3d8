import ArgumentParser
import Quantization
import SoftFloat

extension PrecisionLab {
    /// `precision-lab matmul --a FILE --b FILE [--scheme vectorwise|tensorwise] [--bits 8]
    /// [--outlier-threshold T] [--compute F] [--convention C] [--json]`
    struct Matmul: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Multiply two matrices through int8 (LLM.int8) and compare with float64.",
            discussion: """
                A gets a row-wise absmax and B a column-wise absmax (tensorwise: one each); the \
                integer products accumulate exactly in int32 and are dequantized with the outer \
                product of the scales. With --outlier-threshold T, every column of A holding any \
                |a| ≥ T (bitsandbytes and Hugging Face use 6) is multiplied with the matching \
                rows of B in float16 instead, and the two parts are added. Inputs are read like \
                'quantize --input' and cast to the compute format.
                """)

        @Option(name: .customLong("a"), help: ArgumentHelp("The left matrix (m × k).", valueName: "file"))
        var left: String

        @Option(name: .customLong("b"), help: ArgumentHelp("The right matrix (k × n).", valueName: "file"))
        var right: String

        @Option(name: .customLong("a-tensor"), help: ArgumentHelp("The tensor of A in a .safetensors file.", valueName: "name"))
        var leftTensor: String?

        @Option(name: .customLong("b-tensor"), help: ArgumentHelp("The tensor of B in a .safetensors file.", valueName: "name"))
        var rightTensor: String?

        @Option(name: .customLong("input-format"), help: ArgumentHelp("The format of .npy inputs of raw codes (ml_dtypes' '<V2' bfloat16 or '<V1' float8 arrays, or uint8/uint16 codes).", valueName: "format"))
        var inputFormat: String?

        @Option(help: "vectorwise or tensorwise.")
        var scheme: MatmulScheme = .vectorwise

        @Option(help: ArgumentHelp("Signed integer width, 2 through 16.", valueName: "N"))
        var bits = 8

        @Option(name: .customLong("outlier-threshold"), help: ArgumentHelp("Send columns of A with any |a| ≥ T through float16.", valueName: "T"))
        var outlierThreshold: Double?

        @Option(help: ArgumentHelp("The format of every floating-point step.", valueName: "format"))
        var compute = "float32"

        @Option(help: ArgumentHelp("textbook, or bitsandbytes (0.50's CPU LLM.int8: float32 scale steps, C in the input format).", valueName: "textbook|bitsandbytes"))
        var convention = "textbook"

        @Flag(help: "Print JSON: c, outlier_columns, metrics.")
        var json = false

        @Flag(help: "Text output: print C and the reference whole (by default more than 12 rows or 10 columns are elided in the middle).")
        var full = false

        func validate() throws {
            _ = try makeConfiguration()
        }

        func makeConfiguration() throws -> MatmulConfiguration {
            guard let convention = QuantizationConvention(rawValue: convention), convention != .torch else {
                throw ValidationError("--convention must be textbook or bitsandbytes, got '\(convention)'")
            }
            let configuration = MatmulConfiguration(
                scheme: scheme, bits: bits, outlierThreshold: outlierThreshold, compute: try parseFormat(compute),
                convention: convention)
            return try validated(configuration) { configuration throws(QuantizationError) in try configuration.validate() }
        }

        func run() throws {
            let configuration = try makeConfiguration()
            let codesOf = try inputFormat.map(parseFormat)
            let files = [MatrixInputs.File(path: left, tensor: leftTensor, codesOf: codesOf), MatrixInputs.File(path: right, tensor: rightTensor, codesOf: codesOf)]
            try reportingFailure {
                let result = try MatrixInputs.run(reading: files, format: configuration.compute) { matrices throws(QuantizationError) in
                    try matmul(matrices[0], matrices[1], configuration)
                }
                print(json ? result.json : result.text(full: full))
                if let warning = result.overflowWarning { printToStandardError(warning) }
            }
        }
    }
}
