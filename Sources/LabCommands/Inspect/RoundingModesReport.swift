import Quantization
import ReportKit
import SoftFloat

/// `inspect --rounding all`: one value rounded into each format under every deterministic
/// rounding mode at once, one row per mode (stochastic rounding depends on its seed: ask for
/// it alone). Each row is the ``InspectReport`` row of that mode.
///
///     // inspect 0.1 --format float8_e4m3fn --rounding all
///     // float8_e4m3fn
///     // rounding      bits  exact      abs error     ulp error     flags
///     // nearest-even  0x1d  0.1015625  1.56250e-03   2.00000e-01   inexact
///     // nearest-away  0x1d  0.1015625  1.56250e-03   2.00000e-01   inexact
///     // toward-zero   0x1c  0.09375    -6.25000e-03  -1.00000e+00  inexact
///     // …
public struct RoundingModesReport: Sendable {
    /// Every mode but stochastic, in the order `--help` lists them.
    public static let modes: [RoundingMode] = RoundingMode.allCases.filter { $0 != .stochastic }

    /// One report per mode, in ``modes`` order.
    public var reports: [InspectReport]

    /// Rounds `input` into each format under each mode, with `options`' overflow and
    /// subnormal policies.
    public init(value: String, input: InspectReport.Input, formats: [FloatFormat], options: RoundingOptions) {
        reports = Self.modes.map { mode in
            var modeOptions = options
            modeOptions.rounding = mode
            return InspectReport(value: value, input: input, formats: formats, options: modeOptions)
        }
    }

    /// A header, then per format a table of the modes.
    public func render() -> String {
        let first = reports[0]
        var text = first.value
        if let source = first.source, let sourceValue = first.sourceValue { text += " as \(source.name) bits = \(sourceValue)" }
        text += "  (every rounding mode, overflow \(first.options.overflow.rawValue), subnormals \(first.options.subnormals.rawValue))\n"
        text += "errors are stored − exact; ulp errors count ulps of the stored value\n"
        for (index, format) in first.formats.enumerated() {
            var table = DataTable(columns: [
                DataColumn("rounding"), DataColumn("bits"), DataColumn("exact", alignment: .right),
                DataColumn("abs error", alignment: .right), DataColumn("ulp error", alignment: .right), DataColumn("flags"),
            ])
            for report in reports {
                let row = report.rows[index]
                table.append([report.options.rounding.rawValue, row.hex, row.exactDecimal, row.error.absolute, row.error.ulps, row.flags])
            }
            text += "\n\(format.name)\n" + table.plainText().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// `{"value", "from", "source_exact", "rounding": "all", "overflow", "subnormals",
    /// "results": [{"format", "modes": [{"rounding", …one inspect result…}]}]}`.
    package var json: JSONValue {
        let first = reports[0]
        return .object([
            ("value", .string(first.value)),
            ("from", first.source.map { .string($0.name) } ?? .null),
            ("source_exact", first.sourceValue.map(JSONValue.string) ?? .null),
            ("rounding", .string("all")),
            ("overflow", .string(first.options.overflow.rawValue)),
            ("subnormals", .string(first.options.subnormals.rawValue)),
            ("results", .array(first.formats.indices.map { index in
                .object([
                    ("format", .string(first.formats[index].name)),
                    ("modes", .array(reports.map { report in
                        var result = InspectReport.result(report.rows[index], report.formats[index])
                        if case .object(let members) = result {
                            result = .object([("rounding", .string(report.options.rounding.rawValue))] + members)
                        }
                        return result
                    })),
                ])
            })),
        ])
    }
}
