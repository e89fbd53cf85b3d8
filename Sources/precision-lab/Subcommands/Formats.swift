import ArgumentParser
import LabCommands

extension PrecisionLab {
    /// `precision-lab formats [FORMAT...] [--format FORMAT]... [--csv | --markdown | --json] | --codes FORMAT`
    struct Formats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the properties of formats (every built-in and integer type by default), or every code of one.",
            discussion: """
                Columns: name, bits, exponent_bits, mantissa_bits, bias, eps (2^-mantissa_bits), \
                max, lowest, smallest_normal, smallest_subnormal, resolution (10^-decimal_digits), \
                decimal_digits, min_exponent, max_exponent, inf_encoding, nan_encoding; integer \
                types have bits, min and max. Numbers are the shortest decimal that round-trips \
                through float64. The CSV and JSON add numpy/ml_dtypes finfo's columns (precision, \
                epsneg, machep, negep, minexp, maxexp, nexp, nmant, iexp, tiny, min), valued as \
                finfo computes them.
                """)

        @Argument(help: ArgumentHelp("Formats to show, built-in or user-defined (e3m4:bias=5); default: every built-in and the integer types.", valueName: "format"))
        var names: [String] = []

        @Option(name: .customLong("format"), help: ArgumentHelp("A format to show, as the format arguments; repeat it for several (formats --format float16 --format e3m4:bias=5). The arguments come first, then these, in order.", valueName: "format"))
        var formatOptions: [String] = []

        /// Every requested format name: the arguments, then each `--format`.
        private var requested: [String] { names + formatOptions }

        @Option(help: ArgumentHelp("Print every code of this format (at most 16 bits) as CSV: code, class, exact value.", valueName: "format"))
        var codes: String?

        @Flag var style: TableStyle = .plain

        func validate() throws {
            for name in requested { _ = try parseFormat(name) }
            if let codes {
                let format = try parseFormat(codes)
                try validating { _ = try FormatTable.codes(format) }
                if !requested.isEmpty || style != .plain { throw ValidationError("--codes prints one CSV table; it takes no format names and no style flag") }
            }
        }

        func run() throws {
            if let codes {
                print(try FormatTable.codes(try parseFormat(codes)), terminator: "")
                return
            }
            let formats = requested.isEmpty ? nil : try requested.map { (name) throws(ValidationError) in try parseFormat(name) }
            print(FormatTable.render(style: style, formats: formats), terminator: "")
        }
    }
}
