import SoftFloat

/// The format a kernel does every arithmetic step in, as a thin adapter over the SoftFloat
/// engine: each method is one engine operation, rounded once, nearest-even, with the format's
/// own overflow behaviour.
///
///     let half = ComputeFormat(.float16)
///     half.divide(0x4566, half.integer(127))   // 5.3984375 / 127 → 0x2971 = 0.042510986328125
///
/// Kernels never compute through `Double` where the issue says "in the compute format"; they
/// call these methods, so a bfloat16 or float8 compute format is honoured bit for bit.
/// `Double` appears only for exact comparisons (every code of a format of at most 53 bits of
/// precision is exactly a `Double`) and for the float64 error metrics.
struct ComputeFormat: Sendable, Hashable {
    let format: FloatFormat

    init(_ format: FloatFormat) {
        self.format = format
    }

    func add(_ a: UInt64, _ b: UInt64) -> UInt64 { format.add(a, b).bits }
    func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 { format.subtract(a, b).bits }
    func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 { format.multiply(a, b).bits }
    func divide(_ a: UInt64, _ b: UInt64) -> UInt64 { format.divide(a, b).bits }

    /// Round half to even to an integral value of this format (torch.round, C nearbyint).
    func roundToIntegral(_ a: UInt64) -> UInt64 { format.roundToIntegral(a).bits }

    /// The code nearest an integer (exact for |n| ≤ 2^precision).
    func integer(_ value: Int64) -> UInt64 { format.convert(fromInt64: value).bits }

    /// The code of an exact decimal or rational constant, rounded once: `constant("1/127")`.
    func constant(_ text: String) -> UInt64 {
        // The literals passed here are the lab's own and always parse.
        (try? format.round(text).bits) ?? format.nanBits ?? 0
    }

    /// An integral code as an integer; ±∞ saturates to `Int64.min`/`Int64.max`, NaN is nil.
    func integerValue(_ a: UInt64) -> Int64? {
        if format.isNaN(a) { return nil }
        return format.convertToInt64(a).value
    }

    /// |a|: the sign bit cleared (no rounding).
    func magnitude(_ a: UInt64) -> UInt64 { a & format.magnitudeMask }

    /// The exact value as a `Double` (every built-in compute format fits).
    func double(_ a: UInt64) -> Double { format.doubleValue(a) }

    func isNaN(_ a: UInt64) -> Bool { format.isNaN(a) }

    func isFinite(_ a: UInt64) -> Bool {
        switch format.classify(a) {
        case .nan, .infinity: return false
        default: return true
        }
    }

    func isZero(_ a: UInt64) -> Bool { format.classify(a) == .zero }

    /// a < b numerically (quiet: NaN compares false).
    func isLess(_ a: UInt64, _ b: UInt64) -> Bool { format.compare(a, b).result == .less }

    /// The larger of two numbers (IEEE maximumNumber: a number beats NaN).
    func maximum(_ a: UInt64, _ b: UInt64) -> UInt64 { format.maximumNumber(a, b).bits }

    /// The smaller of two numbers (IEEE minimumNumber).
    func minimum(_ a: UInt64, _ b: UInt64) -> UInt64 { format.minimumNumber(a, b).bits }

    /// Converts a code of this format to `target`, nearest-even, saturating when asked.
    func convert(_ a: UInt64, to target: FloatFormat, saturate: Bool = false) -> Rounded {
        format.convert(a, to: target, options: RoundingOptions(overflow: saturate ? .saturate : .default))
    }

    /// Converts a code of `source` into this format, nearest-even.
    func converting(_ a: UInt64, from source: FloatFormat) -> UInt64 {
        source == format ? a : source.convert(a, to: format).bits
    }

    var zero: UInt64 { 0 }
    var one: UInt64 { integer(1) }
}
