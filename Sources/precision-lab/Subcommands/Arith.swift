import ArgumentParser
import LabCommands
import SoftFloat

extension PrecisionLab {
    /// `precision-lab arith OP --format F [--input codes|value] [--output bits|value|exact] [--to INT] [--rounding R] [--overflow P] [--subnormals P] [--seed N] [--flags]`
    struct Arith: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correctly rounded soft-float arithmetic, one operation per line of standard input.",
            discussion: """
                OP is one of add sub mul div sqrt fma rem min max min-number max-number neg abs \
                round-to-integral compare convert-to-int. \
                Each input line holds the operands' hex codes of the format (0x optional), \
                separated by spaces: two for most operations, one for sqrt, neg, abs, \
                round-to-integral and convert-to-int, three for fma (a·b + c); \
                with --input value, numbers instead (decimal, rational 1/3, hex-float 0x1.8p-3, inf, \
                nan), each rounded once into the format with the same rounding options. \
                Each output line is the result's code, zero-padded to the format's width like \
                'convert' prints it (--output value: the stored value, exact for formats of fewer \
                than 32 bits; --output exact: the exact decimal); with --flags, the flags the operation raised follow after a space \
                (e.g. '0x7c00 overflow,inexact', or 'none'; with --input value, rounding an operand \
                into the format is a step of its own whose flags are not included: 'convert --json' \
                shows them). The operation is computed exactly \
                and rounded once. Example: printf '0x70e2 0x70e2\\n' | precision-lab arith mul \
                --format float16 prints 0x7c00 (10000 × 10000 overflows).

                compare prints less, equal, greater or unordered (IEEE compareQuiet: −0 equals +0, \
                a NaN is unordered, invalid only for a signaling NaN). convert-to-int prints the \
                decimal integer: rounded with --rounding (round-to-integral too), saturated to \
                --to (default int64; NaN gives 0, both flagged invalid), as 'convert --to int8' does.

                An empty or malformed line stops the run with 'error: line N: …' on standard error and \
                exit status 1; results for earlier lines have already been written (a stream).
                """)

        @Argument(help: "The operation: add sub mul div sqrt fma rem min max min-number max-number neg abs round-to-integral compare convert-to-int.")
        var operation: String

        @Option(help: ArgumentHelp("The format of operands and result.", valueName: "format"))
        var format: String

        @Option(help: ArgumentHelp("codes (hex codes of the format) or value (numbers rounded into it).", valueName: "codes|value"))
        var input = "codes"

        @Option(help: "bits (the code), value (the stored value) or exact (its exact decimal).")
        var output: ConvertOutput = .bits

        @Option(help: ArgumentHelp("convert-to-int's integer type: int2 int4 uint4 int8 uint8 int16 int32 int64.", valueName: "type"))
        var to = "int64"

        @OptionGroup var rounding: RoundingArguments

        @Flag(help: "Print the raised flags after each result.")
        var flags = false

        func validate() throws {
            try rounding.requireOneMode()
            _ = try parseFormat(format)
            guard input == "codes" || input == "value" else {
                throw ValidationError("--input must be codes or value, got '\(input)'")
            }
            guard ArithmeticRequest(name: operation) != nil else {
                throw ValidationError("unknown operation '\(operation)'; expected one of \(ArithmeticRequest.names.joined(separator: " "))")
            }
            guard integerType != nil else {
                throw ValidationError("--to must be an integer type (\(IntegerFormat.builtIn.map(\.name).joined(separator: " "))), got '\(to)'")
            }
        }

        var integerType: IntegerFormat? { IntegerFormat.builtIn.first { $0.name == to } }

        func run() throws {
            var evaluator = ArithmeticLineEvaluator(
                request: ArithmeticRequest(name: operation, integer: integerType!)!, format: try parseFormat(format),
                options: rounding.options, seed: rounding.seed, includeFlags: flags,
                readsValues: input == "value", output: output)
            let writer = BufferedWriter(FileDescriptorOutput.standardOutput)
            try reportingFailure { try ArithmeticStream.run(&evaluator, input: FileDescriptorInput.standardInput, output: writer) }
        }
    }
}
