import ReportKit
import SoftFloat

/// Number text of the model report, the same digits on every machine (SoftFloat, never the C
/// library): the shortest round-trip decimal for CSV and JSON, rounded forms for reading.
///
///     ReportNumber.exact(0.1)                   // "0.1"
///     ReportNumber.fixed(38.2468, decimals: 2)  // "38.25"
///     ReportNumber.significant(0.000123456)     // "1.235e-04"
public enum ReportNumber {
    public static func exact(_ value: Double) -> String { FloatFormat.float64.shortestDecimal(value.bitPattern) }

    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return exact(value) }
        if decimals <= 0 { return String(Int64(max(-1e15, min(1e15, value)).rounded(.toNearestOrEven))) }
        let text = SVGNumber.format(value, decimals: decimals)
        // SVGNumber drops trailing zeros; tables read better aligned.
        guard decimals > 0 else { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return String(parts[0]) + "." + fraction + String(repeating: "0", count: decimals - fraction.count)
    }

    public static func significant(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return exact(value) }
        if value == 0 { return "0" }
        return ExactNumber(value).scientific(digits: digits)
    }
}
