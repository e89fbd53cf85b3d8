import ArgumentParser
import LabCommands
import SoftFloat

extension PrecisionLab {
    /// `precision-lab arith OP --format F [--rounding R] [--overflow P] [--subnormals P] [--seed N] [--flags]`
    struct Arith: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correctly rounded soft-float arithmetic on hex codes, one operation per line of standard input.",
            discussion: """
                OP is one of add sub mul div sqrt fma rem min max (also min-number, max-number). \
                Each input line holds the operands' hex codes of the format (0x optional), \
                separated by spaces: two for most operations, one for sqrt, three for fma (a·b + c). \
                Each output line is the result's code, zero-padded to the format's width like \
                'convert' prints it; with --flags, the raised flags follow after a space \
                (e.g. '0x7c00 overflow,inexact', or 'none'). The operation is computed exactly \
                and rounded once. Example: printf '0x70e2 0x70e2\\n' | precision-lab arith mul \
                --format float16 prints 0x7c00 (10000 × 10000 overflows).

                An empty or malformed line stops the run with 'line N: …' on standard error and \
                exit status 1; results for earlier lines have already been written (a stream).
                """)

        @Argument(help: "The operation: add sub mul div sqrt fma rem min max.")
        var operation: String

        @Option(help: ArgumentHelp("The format of operands and result.", valueName: "format"))
        var format: String

        @OptionGroup var rounding: RoundingArguments

        @Flag(help: "Print the raised flags after each result.")
        var flags = false

        func validate() throws {
            _ = try parseFormat(format)
            guard ArithmeticOperation(rawValue: operation) != nil else {
                throw ValidationError("unknown operation '\(operation)'; expected one of \(ArithmeticOperation.allCases.map(\.rawValue).joined(separator: " "))")
            }
        }

        func run() throws {
            var evaluator = ArithmeticLineEvaluator(
                operation: ArithmeticOperation(rawValue: operation)!, format: try parseFormat(format),
                options: rounding.options, seed: rounding.seed, includeFlags: flags)
            let writer = BufferedWriter(FileDescriptorOutput.standardOutput)
            try reportingFailure { try ArithmeticStream.run(&evaluator, input: FileDescriptorInput.standardInput, output: writer) }
        }
    }
}
