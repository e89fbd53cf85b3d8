import ArgumentParser
import LabCommands
import SoftFloat

extension PrecisionLab {
    /// `precision-lab arith OP --format F [--input codes|value] [--output bits|value|exact] [--rounding R] [--overflow P] [--subnormals P] [--seed N] [--flags]`
    struct Arith: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correctly rounded soft-float arithmetic, one operation per line of standard input.",
            discussion: """
                OP is one of add sub mul div sqrt fma rem min max (also min-number, max-number). \
                Each input line holds the operands' hex codes of the format (0x optional), \
                separated by spaces: two for most operations, one for sqrt, three for fma (a·b + c); \
                with --input value, numbers instead (decimal, rational 1/3, hex-float 0x1.8p-3, inf, \
                nan), each rounded once into the format with the same rounding options. \
                Each output line is the result's code, zero-padded to the format's width like \
                'convert' prints it (--output value: the stored value, exact for formats of 16 bits \
                or fewer; --output exact: the exact decimal); with --flags, the raised flags follow after a space \
                (e.g. '0x7c00 overflow,inexact', or 'none'). The operation is computed exactly \
                and rounded once. Example: printf '0x70e2 0x70e2\\n' | precision-lab arith mul \
                --format float16 prints 0x7c00 (10000 × 10000 overflows).

                An empty or malformed line stops the run with 'error: line N: …' on standard error and \
                exit status 1; results for earlier lines have already been written (a stream).
                """)

        @Argument(help: "The operation: add sub mul div sqrt fma rem min max min-number max-number.")
        var operation: String

        @Option(help: ArgumentHelp("The format of operands and result.", valueName: "format"))
        var format: String

        @Option(help: ArgumentHelp("codes (hex codes of the format) or value (numbers rounded into it).", valueName: "codes|value"))
        var input = "codes"

        @Option(help: "bits (the code), value (the stored value) or exact (its exact decimal).")
        var output: ConvertOutput = .bits

        @OptionGroup var rounding: RoundingArguments

        @Flag(help: "Print the raised flags after each result.")
        var flags = false

        func validate() throws {
            _ = try parseFormat(format)
            guard input == "codes" || input == "value" else {
                throw ValidationError("--input must be codes or value, got '\(input)'")
            }
            guard ArithmeticOperation(rawValue: operation) != nil else {
                throw ValidationError("unknown operation '\(operation)'; expected one of \(ArithmeticOperation.allCases.map(\.rawValue).joined(separator: " "))")
            }
        }

        func run() throws {
            var evaluator = ArithmeticLineEvaluator(
                operation: ArithmeticOperation(rawValue: operation)!, format: try parseFormat(format),
                options: rounding.options, seed: rounding.seed, includeFlags: flags,
                readsValues: input == "value", output: output)
            let writer = BufferedWriter(FileDescriptorOutput.standardOutput)
            try reportingFailure { try ArithmeticStream.run(&evaluator, input: FileDescriptorInput.standardInput, output: writer) }
        }
    }
}
