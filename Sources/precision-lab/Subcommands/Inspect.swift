import ArgumentParser
import LabCommands
import Quantization
import SoftFloat

extension PrecisionLab {
    /// `precision-lab inspect VALUE... [--format F|all]... [--rounding R] [--from F] [--json]`
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how values are stored in several formats, and the error of each.",
            usage: """
                precision-lab inspect <value> ... [--format <format> ...] [--from <format>] [--rounding <rounding>]
                                      [--overflow <overflow>] [--subnormals <subnormals>] [--seed <seed>] [--json]
                """,
            discussion: """
                For each format: the bits in hex and as sign | exponent | mantissa, the class, \
                the exact decimal expansion of the stored value, the shortest decimal that \
                rounds back to it, the absolute, relative and ulp errors against the exact \
                input (stored − exact, computed exactly, printed with 6 significant digits), \
                the flags raised, the stored value's next up and next down (numpy's \
                nextafter(v, ±inf)) and spacing (numpy's spacing(v): the signed gap to the next \
                value away from zero), and the largest value below and smallest above the input.

                --rounding all shows every rounding mode but stochastic at once, one row each \
                (bits, exact value, errors, flags) per format.

                VALUE may start with '-' (precision-lab inspect -1e8); give several values to \
                inspect each. Default formats: float64 float32 tf32 float16 bfloat16 \
                float8_e4m3fn float8_e5m2; --format all shows every built-in. --json prints the \
                document the explorer's /api/inspect answers (an array for several values), with \
                next_up, next_down and the neighbouring values of each result.
                """)

        @Argument(
            parsing: .allUnrecognized,
            help: ArgumentHelp(
                "Decimal (0.1, -1e8), rational (1/3), hex-float (0x1.8p-3), inf, -inf or nan; with --from, a hex code.",
                valueName: "value"))
        var values: [String] = []

        /// The VALUEs (a `--` terminator before them is allowed and dropped).
        var givenValues: [String] { values.filter { $0 != "--" && $0 != "--json" } }

        @Option(name: .customLong("format"), help: ArgumentHelp(
            "A format to show; repeat it, or separate names with commas.", valueName: "format"))
        var formatNames: [String] = []

        @Option(help: ArgumentHelp("Read VALUE as a hex code of this format.", valueName: "format"))
        var from: String?

        @OptionGroup var rounding: RoundingArguments

        @Flag(help: "Print JSON (the explorer's /api/inspect document; an array for several values).")
        var json = false

        /// The VALUEs as read by `validate()`: each is parsed once, there.
        var inputs: [InspectReport.Input] = []

        enum CodingKeys: CodingKey { case values, formatNames, from, rounding, json }

        mutating func validate() throws {
            // `--json` after a value lands in `values` (they capture unrecognized words).
            if values.contains("--json") { json = true }
            let given = givenValues
            if let unknown = given.first(where: { $0.hasPrefix("--") }) {
                throw ValidationError("unknown option '\(unknown)'")
            }
            guard !given.isEmpty else { throw ValidationError("missing VALUE") }
            _ = try formats()
            let source = try from.map(parseFormat)
            inputs = try given.map { value in try validating { try InspectReport.Input(value, source: source) } }
        }

        func formats() throws -> [FloatFormat] {
            let names = formatNames.flatMap { $0.split(separator: ",").map(String.init) }
            guard !names.isEmpty else { return InspectReport.defaultFormats }
            if names == ["all"] { return FloatFormat.builtIn }
            return try names.map { name throws(ValidationError) in try parseFormat(name) }
        }

        func run() throws {
            guard !inputs.isEmpty else { throw ValidationError("missing VALUE") }
            let formats = try formats()
            if rounding.rounding == .all {
                let reports = zip(givenValues, inputs).map { value, input in
                    RoundingModesReport(value: value, input: input, formats: formats, options: rounding.options)
                }
                if json {
                    print((reports.count == 1 ? reports[0].json : .array(reports.map(\.json))).rendered())
                } else {
                    print(reports.map { $0.render() }.joined(separator: "\n"), terminator: "")
                }
                return
            }
            let reports = zip(givenValues, inputs).map { value, input in
                InspectReport(value: value, input: input, formats: formats, options: rounding.options, seed: rounding.seed)
            }
            if json {
                let document = reports.count == 1 ? reports[0].json : .array(reports.map(\.json))
                print(document.rendered())
            } else {
                print(reports.map { $0.render() }.joined(separator: "\n"), terminator: "")
            }
        }
    }
}
