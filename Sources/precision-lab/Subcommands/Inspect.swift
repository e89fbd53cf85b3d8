import ArgumentParser
import LabCommands
import SoftFloat

extension PrecisionLab {
    /// `precision-lab inspect VALUE [--format F]... [--rounding R] [--from F]`
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how one value is stored in several formats, and the error of each.",
            usage: """
                precision-lab inspect <value> [--format <format> ...] [--from <format>] [--rounding <rounding>]
                                      [--overflow <overflow>] [--subnormals <subnormals>] [--seed <seed>]
                """,
            discussion: """
                For each format: the bits in hex and as sign | exponent | mantissa, the class, \
                the exact decimal expansion of the stored value, the shortest decimal that \
                rounds back to it, the absolute, relative and ulp errors against the exact \
                input (stored − exact, computed exactly, printed with 6 significant digits), \
                and the flags raised.

                VALUE may start with '-' (precision-lab inspect -1e8). Default formats: \
                float64 float32 tf32 float16 bfloat16 float8_e4m3fn float8_e5m2.
                """)

        @Argument(
            parsing: .allUnrecognized,
            help: ArgumentHelp(
                "Decimal (0.1, -1e8), rational (1/3), hex-float (0x1.8p-3), inf, -inf or nan; with --from, a hex code.",
                valueName: "value"))
        var values: [String] = []

        /// The one VALUE (a `--` terminator before it is allowed and dropped).
        var value: String { values.first(where: { $0 != "--" }) ?? "" }

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "A format to show; repeat it, or separate names with commas.", valueName: "format"))
        var formatNames: [String] = []

        @Option(help: ArgumentHelp("Read VALUE as a hex code of this format.", valueName: "format"))
        var from: String?

        @OptionGroup var rounding: RoundingArguments

        /// VALUE as read by `validate()`: it is parsed once, there.
        var input: InspectReport.Input? = nil

        enum CodingKeys: CodingKey { case values, formatNames, from, rounding }

        mutating func validate() throws {
            let given = values.filter { $0 != "--" }
            if let unknown = given.first(where: { $0.hasPrefix("--") }) {
                throw ValidationError("unknown option '\(unknown)'")
            }
            guard given.count == 1 else {
                throw ValidationError(given.isEmpty ? "missing VALUE" : "expected one VALUE, got \(given.count): \(given.joined(separator: " "))")
            }
            _ = try formats()
            input = try validating { try InspectReport.Input(value, source: from.map(parseFormat)) }
        }

        func formats() throws -> [FloatFormat] {
            let names = formatNames.flatMap { $0.split(separator: ",").map(String.init) }
            guard !names.isEmpty else { return InspectReport.defaultFormats }
            return try names.map { name throws(ValidationError) in try parseFormat(name) }
        }

        func run() throws {
            guard let input else { throw ValidationError("missing VALUE") }
            let report = InspectReport(value: value, input: input, formats: try formats(), options: rounding.options, seed: rounding.seed)
            print(report.render(), terminator: "")
        }
    }
}
