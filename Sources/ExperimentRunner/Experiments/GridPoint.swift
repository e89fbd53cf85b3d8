import SoftFloat

/// A point m × 10^k of the overflow-underflow sweep grid, kept as its two integers so that
/// the decimal text (the table's `x`), the exact value the engine rounds into each format, and
/// the float64 of the plot all come from them, never one from another through text.
///
///     let point = GridPoint(mantissa: 5, decade: -8)
///     point.text      // "5e-8"
///     point.value     // 5e-08, the float64 nearest to 5 × 10^-8
///     GridPoint(text: "5e-8") == point   // true
struct GridPoint: Sendable, Hashable {
    var mantissa: Int
    var decade: Int

    init(mantissa: Int, decade: Int) {
        self.mantissa = mantissa
        self.decade = decade
    }

    /// Reads the `x` cell of a sweep row: `MeK` with integers M and K.
    init?(text: String) {
        let parts = text.split(separator: "e", omittingEmptySubsequences: false)
        guard parts.count == 2, let mantissa = parts.first.flatMap({ Int($0) }), let decade = parts.last.flatMap({ Int($0) }) else {
            return nil
        }
        self.init(mantissa: mantissa, decade: decade)
    }

    /// The decimal text of the table's `x` column.
    var text: String { "\(mantissa)e\(decade)" }

    /// The exact value m × 10^k.
    var exact: ExactNumber {
        ExactNumber(negative: mantissa < 0, numerator: Natural(UInt64(mantissa.magnitude)), decimalExponent: decade)
    }

    /// The nearest float64 (rounded once).
    var value: Double { Double(bitPattern: exact.rounded(to: .float64).bits) }
}
