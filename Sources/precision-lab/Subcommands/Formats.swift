import ArgumentParser
import LabCommands

extension PrecisionLab {
    /// `precision-lab formats [--csv | --markdown]`
    struct Formats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the properties of every built-in format and integer type.",
            discussion: """
                Columns: name, bits, exponent_bits, mantissa_bits, bias, eps (2^-mantissa_bits), \
                max, lowest, smallest_normal, smallest_subnormal, resolution (10^-decimal_digits), \
                decimal_digits, min_exponent, max_exponent, inf_encoding, nan_encoding; integer \
                types have bits, min and max. Numbers are the shortest decimal that round-trips \
                through float64.
                """)

        @Flag var style: TableStyle = .plain

        func run() {
            print(FormatTable.render(style: style), terminator: "")
        }
    }
}
