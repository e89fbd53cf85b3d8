#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Uniform, normal and Laplace variates from a seeded 64-bit generator (the lab uses
/// SoftFloat's SplitMix64), the lab's one home for random variates.
///
/// Every variate but one is built only from IEEE 754 `+ − × ÷` and `squareRoot()` (correctly
/// rounded, hence identical everywhere) and ``DeterministicMath/naturalLog(_:)``, itself made
/// of `+ − × ÷`, so it is the same bits on every machine: libm's `log`, `exp` and `cos` may
/// differ in the last ulp between glibc, musl and Darwin, and one flipped bit of one input
/// changes a report. Swift never contracts `a * b + c` into a fused multiply-add on its own,
/// so the roundings are the written ones.
///
/// - ``uniform()``: k = next() >> 11, u = k × 2^-53, exactly uniform on the 2^53 grid of [0, 1).
/// - ``normal()``: Marsaglia's polar method. u, v = 2·U − 1 (exact); s = u² + v², rejected
///   unless 0 < s < 1; f = √(−2·ln s / s); the pair is (u·f, v·f), the second kept for the
///   next call. About 1.27 pairs of draws per pair of variates. Reports use this one.
/// - ``boxMullerNormal()``: the Box–Muller transform with the C library's `log` and `cos`.
///   It is the one variate that is *not* portable bit for bit: it exists because the `bench`
///   operand streams (N(0,1)·100 from SplitMix64 seeded 3) are reproduced by a C harness that
///   makes the same libm calls, so Swift and C time the same operands. Nothing in Reports/
///   uses it.
/// - ``laplace()``: unit variance (b = 1/√2). U = k × 2^-53 with k ≠ 0; x = b·ln(2U) for
///   U < ½, else −b·ln(2(1 − U)) (2U and 1 − U are exact).
///
///     var random = RandomVariates(SplitMix64(seed: 1))
///     random.normal()   // 0x3fdb7c251a5470cc = 0.4294525017744727 on every machine
public struct RandomVariates<Generator: RandomNumberGenerator> {
    @usableFromInline var generator: Generator
    @usableFromInline var spare: Double?

    /// Variates drawn from `generator`, which the value owns from now on.
    @inlinable public init(_ generator: Generator) {
        self.generator = generator
    }

    /// 1/√2 rounded to a Double (the Laplace scale of unit variance).
    @usableFromInline static var laplaceScale: Double { 0.7071067811865476 }

    /// The next raw 64-bit output of the generator.
    @inlinable public mutating func next() -> UInt64 { generator.next() }

    /// Uniform on [0, 1): (next() >> 11) × 2^-53.
    @inlinable public mutating func uniform() -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// Uniform on (0, 1): as ``uniform()``, redrawing 0.
    @inlinable public mutating func positiveUniform() -> Double {
        while true {
            let k = generator.next() >> 11
            if k != 0 { return Double(k) * 0x1p-53 }
        }
    }

    /// An integer uniform on 0..<bound (Lemire's multiply-high; the bias is below 2^-40 for
    /// the bounds the lab uses and, being deterministic, the same everywhere).
    @inlinable public mutating func index(below bound: Int) -> Int {
        Int(generator.next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A standard normal variate (mean 0, variance 1), Marsaglia's polar method; the same bits
    /// on every machine.
    @inlinable public mutating func normal() -> Double {
        if let value = spare {
            spare = nil
            return value
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let factor = (-2 * DeterministicMath.naturalLog(s) / s).squareRoot()
            spare = v * factor
            return u * factor
        }
    }

    /// A standard normal variate by the Box–Muller transform from two 53-bit uniforms,
    /// u1 = (k1 + 1) × 2^-53 in (0, 1] and u2 = k2 × 2^-53 in [0, 1):
    /// √(−2·log u1) · cos(2π·u2), with the C library's `log` and `cos` (see the type's notes:
    /// only for the `bench` operand streams, never for reports). Uses exactly two draws and
    /// keeps no spare, so raw ``next()`` draws can be interleaved freely.
    @inlinable public mutating func boxMullerNormal() -> Double {
        let u1 = (Double(generator.next() >> 11) + 1) * 0x1p-53
        let u2 = Double(generator.next() >> 11) * 0x1p-53
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A Laplace variate with mean 0 and variance 1.
    @inlinable public mutating func laplace() -> Double {
        let u = positiveUniform()
        if u < 0.5 { return Self.laplaceScale * DeterministicMath.naturalLog(2 * u) }
        return -Self.laplaceScale * DeterministicMath.naturalLog(2 * (1 - u))
    }

    /// `count` distinct indices in 0..<bound, in the order drawn.
    @inlinable public mutating func distinctIndices(_ count: Int, below bound: Int) -> [Int] {
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

extension RandomVariates: Sendable where Generator: Sendable {}
