import ArgumentParser
import LabCommands
import SoftFloat

extension PrecisionLab {
    /// `precision-lab convert --to F [--from F] [--rounding R] [--overflow P] [--subnormals P] [--seed N] [--output O]`
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Round one value per line of standard input to a format (a streaming filter).",
            discussion: """
                Each input line holds one value: decimal, rational (1/3), hex-float (0x1.8p-3), \
                inf or nan; with --from F, a hex code of F (0x optional). Surrounding \
                spaces, tabs and a trailing carriage return are ignored. Each output line is the \
                result for the matching input line: bits (0x plus lowercase hex, zero-padded to \
                the format's width), value (the shortest decimal that rounds back) or exact \
                (the exact decimal expansion).

                An empty line is an error. On the first line that cannot be parsed, convert \
                prints 'line N: cannot parse 'TEXT': reason' on standard error and exits with \
                status 1; the output for the lines before it has already been written (this is \
                a stream). Memory use does not grow with the number of lines.

                Stochastic rounding draws once per line from a generator seeded with --seed, \
                so a run is reproducible.
                """)

        @Option(help: ArgumentHelp("The format to round to.", valueName: "format"))
        var to: String

        @Option(help: ArgumentHelp("Read each line as a hex code of this format.", valueName: "format"))
        var from: String?

        @OptionGroup var rounding: RoundingArguments

        @Option(help: "What to print per line: bits, value or exact.")
        var output: ConvertOutput = .bits

        func validate() throws {
            _ = try parseFormat(to)
            if let from { _ = try parseFormat(from) }
        }

        func run() throws {
            let configuration = ConvertConfiguration(
                target: try parseFormat(to), source: try from.map(parseFormat), options: rounding.options,
                seed: rounding.seed, output: output)
            var input = FileDescriptorInput.standardInput
            let writer = BufferedWriter(FileDescriptorOutput.standardOutput)
            try reportingFailure(cleanup: { try? writer.flush() }) {
                try ConvertStream.run(configuration, input: &input, output: writer)
            }
        }
    }
}
