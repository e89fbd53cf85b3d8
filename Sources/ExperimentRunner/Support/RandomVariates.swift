import ReportKit
import SoftFloat

/// Uniform, normal and Laplace variates from SplitMix64 that are the same bits on every
/// machine.
///
/// libm's `log`, `exp` and `cos` may differ in the last ulp between glibc, musl and Darwin,
/// and one flipped bit of one input changes a report. So every variate here is built only from
/// IEEE 754 `+ − × ÷` and `squareRoot()` (correctly rounded, hence identical everywhere) and
/// the natural logarithm ``naturalLog(_:)``, which is itself made of `+ − × ÷`
/// (``DeterministicMath/log2(_:)``: argument reduction to [√½, √2) and an atanh series).
/// Swift never contracts `a * b + c` into a fused multiply-add on its own, so the roundings
/// are the written ones.
///
/// - ``uniform()``: k = SplitMix64 >> 11, u = k × 2^-53, exactly uniform on the 2^53 grid of [0, 1).
/// - ``normal()``: Marsaglia's polar method. u, v = 2·U − 1 (exact); s = u² + v², rejected
///   unless 0 < s < 1; f = √(−2·ln s / s); the pair is (u·f, v·f), the second kept for the
///   next call. About 1.27 pairs of draws per pair of variates.
/// - ``laplace()``: unit variance (b = 1/√2). U = k × 2^-53 with k ≠ 0; x = b·ln(2U) for
///   U < ½, else −b·ln(2(1 − U)) (2U and 1 − U are exact).
///
///     var random = RandomVariates(seed: 1)
///     random.normal()   // the same Double on every machine
struct RandomVariates {
    private var generator: StochasticRandom
    private var spare: Double?

    init(seed: UInt64) {
        generator = StochasticRandom(seed: seed)
    }

    /// ln 2 rounded to a Double.
    static let ln2 = 0.6931471805599453
    /// 1/√2 rounded to a Double (the Laplace scale of unit variance).
    static let laplaceScale = 0.7071067811865476

    /// ln x from + − × ÷ only: log2(x) × ln 2. About 1 ulp from the true value; the same
    /// bits everywhere.
    static func naturalLog(_ x: Double) -> Double {
        DeterministicMath.log2(x) * ln2
    }

    /// The next raw 64-bit output.
    mutating func next() -> UInt64 { generator.next() }

    /// Uniform on [0, 1): (SplitMix64 >> 11) × 2^-53.
    mutating func uniform() -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// Uniform on (0, 1): as ``uniform()``, redrawing 0.
    mutating func positiveUniform() -> Double {
        while true {
            let k = generator.next() >> 11
            if k != 0 { return Double(k) * 0x1p-53 }
        }
    }

    /// An integer uniform on 0..<bound (Lemire's multiply-high; the bias is below 2^-40 for
    /// the bounds used here and, being deterministic, the same everywhere).
    mutating func index(below bound: Int) -> Int {
        Int(generator.next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A standard normal variate (mean 0, variance 1), Marsaglia's polar method.
    mutating func normal() -> Double {
        if let value = spare {
            spare = nil
            return value
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let factor = (-2 * Self.naturalLog(s) / s).squareRoot()
            spare = v * factor
            return u * factor
        }
    }

    /// A Laplace variate with mean 0 and variance 1.
    mutating func laplace() -> Double {
        let u = positiveUniform()
        if u < 0.5 { return Self.laplaceScale * Self.naturalLog(2 * u) }
        return -Self.laplaceScale * Self.naturalLog(2 * (1 - u))
    }

    /// `count` distinct indices in 0..<bound, in the order drawn.
    mutating func distinctIndices(_ count: Int, below bound: Int) -> [Int] {
        precondition(count <= bound, "cannot draw \(count) distinct indices below \(bound)")
        var chosen = Set<Int>()
        var order: [Int] = []
        while order.count < count {
            let candidate = index(below: bound)
            if chosen.insert(candidate).inserted { order.append(candidate) }
        }
        return order
    }
}
