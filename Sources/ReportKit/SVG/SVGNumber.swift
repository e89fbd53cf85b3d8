/// Fixed-point number text for SVG attributes: rounded to `decimals` places by integer
/// arithmetic (never `String(format:)`), trailing zeros and a bare point dropped.
///
///     SVGNumber.format(12.3456)      // "12.35"
///     SVGNumber.format(-0.001)       // "0"
///     SVGNumber.format(400)          // "400"
public enum SVGNumber {
    public static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let clamped = max(-1e12, min(1e12, value))
        let scaled = Int64((clamped * scale).rounded(.toNearestOrEven))
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = magnitude / divisor
        var fraction = String(magnitude % divisor)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
