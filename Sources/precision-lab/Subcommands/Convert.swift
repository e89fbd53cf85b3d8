import ArgumentParser
import LabCommands
import SoftFloat

extension PrecisionLab {
    /// `precision-lab convert --to F [--from F] [--container] [--column N] [--skip-header] [--rounding R] [--overflow P] [--subnormals P] [--seed N] [--output O] [--json]`
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Round one value per line of standard input to a format (a streaming filter).",
            discussion: """
                Each input line holds one value: decimal, rational (1/3), hex-float (0x1.8p-3), \
                inf or nan; with --from F, a hex code of F (0x optional). Surrounding \
                spaces, tabs and a trailing carriage return are ignored. Each output line is the \
                result for the matching input line: bits (0x plus lowercase hex, zero-padded to \
                the format's width), value (the stored value: exact for formats of fewer than \
                32 bits, tf32 included; the shortest round-trip decimal for wider ones) or exact (the exact \
                decimal expansion). --json prints one JSON object per line instead (JSON Lines: \
                {"bits": "0x2e66", "value": 0.0999755859375, "class": "normal", "flags": \
                ["inexact"]}). With --container, tf32 and bfloat16 codes are read and \
                written in their float32 container (tf32 1/3: 0x3eaaa000, not 0x1f555).

                An empty line is an error. On the first line that cannot be parsed, convert \
                prints 'error: line N: cannot parse 'TEXT': reason' on standard error and exits with \
                status 1; the output for the lines before it has already been written (this is \
                a stream). Memory use does not grow with the number of lines.

                Stochastic rounding draws once per line from a generator seeded with --seed, \
                so a run is reproducible.
                """)

        @Option(help: ArgumentHelp("The format to round to, or an integer type (int8, uint8, int4, …: rounded with the mode, saturated).", valueName: "format"))
        var to: String

        @Option(help: ArgumentHelp("Read each line as a hex code of this format.", valueName: "format"))
        var from: String?

        @OptionGroup var rounding: RoundingArguments

        @Option(help: "What to print per line: bits, value or exact.")
        var output: ConvertOutput = .bits

        @Flag(help: "Read (--from) and write (bits) tf32 and bfloat16 codes in their float32 container: tf32 0x3eaaa000.")
        var container = false

        @Option(help: ArgumentHelp("Read the value from this comma-separated field of each line (1-based).", valueName: "N"))
        var column: Int?

        @Flag(name: .customLong("skip-header"), help: "Skip the first line (a CSV header).")
        var skipsHeader = false

        @Flag(help: "Print one JSON object per line (JSON Lines): bits, value (NaN null, ±inf as \"inf\"), class, flags; with --output exact also exact.")
        var json = false

        /// `--to int8` and the other integer types of `formats`.
        var integerTarget: IntegerFormat? { IntegerFormat.builtIn.first { $0.name == to } }

        func validate() throws {
            try rounding.requireOneMode()
            if integerTarget != nil {
                if container || from != nil { throw ValidationError("--to \(to) reads numbers; --from and --container apply to float targets") }
                if let column, column < 1 { throw ValidationError("--column counts fields from 1, got \(column)") }
                return
            }
            let target = try parseFormat(to)
            let source = try from.map(parseFormat)
            if let column, column < 1 { throw ValidationError("--column counts fields from 1, got \(column)") }
            if container && target.float32ContainerShift == nil && source?.float32ContainerShift == nil {
                throw ValidationError("--container applies to tf32 and bfloat16 (codes inside a float32 bit pattern); neither --to \(target.name) nor --from \(source?.name ?? "(none)") is one")
            }
        }

        func run() throws {
            let configuration = ConvertConfiguration(
                target: integerTarget == nil ? try parseFormat(to) : .float64, source: try from.map(parseFormat), options: rounding.options,
                seed: rounding.seed, output: output, container: container, column: column, skipsHeader: skipsHeader, integerTarget: integerTarget, json: json)
            var input = FileDescriptorInput.standardInput
            let writer = BufferedWriter(FileDescriptorOutput.standardOutput)
            try reportingFailure(cleanup: { try? writer.flush() }) {
                try ConvertStream.run(configuration, input: &input, output: writer)
            }
        }
    }
}
