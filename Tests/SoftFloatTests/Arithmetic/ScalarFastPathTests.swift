import Testing
@testable import SoftFloat

/// The scalar fast path (``ScalarFastPath``, which the public operations take for float16,
/// float32, bfloat16, float8_e5m2 and float8_e4m3fn under the standard options) must give
/// exactly the general engine's bits and flags. These tests call both — the public operation
/// and the engine's own entry (`addSigned`, `engineMultiply`, …) — on every special and edge
/// code against a sample, on random encodings and on operand pairs biased towards close
/// exponents (cancellation), overflow and underflow; the 8-bit layouts exhaustively for the
/// two-operand operations. The engine is checked independently by the MPFR suites.
@Suite struct ScalarFastPathTests {
    static let formats: [FloatFormat] = [.float16, .float32, .bfloat16, .float8_e5m2, .float8_e4m3fn]

    @Test func theTagNamesTheFastLayouts() throws {
        #expect(FloatFormat.float16.scalarLayout == .float16)
        #expect(try FloatFormat.named("e5m10").scalarLayout == .float16)
        #expect(FloatFormat.float8_e4m3fn.scalarLayout == .float8_e4m3fn)
        #expect(FloatFormat.float8_e4m3fnuz.scalarLayout == ScalarLayoutTag.none)
        #expect(FloatFormat.float64.scalarLayout == ScalarLayoutTag.none)
        #expect(try FloatFormat.named("e5m2:bias=16").scalarLayout == ScalarLayoutTag.none)
    }

    /// Worked values from the operations' documentation, through the fast path.
    @Test func documentedValues() {
        let f16 = FloatFormat.float16
        #expect(f16.add(0x3c00, 0x1400) == Rounded(bits: 0x3c01))
        #expect(f16.add(0x7bff, 0x7bff) == Rounded(bits: 0x7c00, flags: [.overflow, .inexact]))
        #expect(f16.add(0x3c00, 0xbc00) == Rounded(bits: 0x0000))
        #expect(f16.multiply(0x70e2, 0x70e2) == Rounded(bits: 0x7c00, flags: [.overflow, .inexact]))
        #expect(f16.divide(0x3c00, 0x4200) == Rounded(bits: 0x3555, flags: .inexact))
        #expect(f16.divide(0x3c00, 0x0000) == Rounded(bits: 0x7c00, flags: .divideByZero))
        #expect(f16.squareRoot(0x4000) == Rounded(bits: 0x3da8, flags: .inexact))
        #expect(f16.squareRoot(0x8000) == Rounded(bits: 0x8000))
        #expect(f16.fusedMultiplyAdd(0x3c03, 0x3c03, 0xbc00) == Rounded(bits: 0x1e02, flags: .inexact))
        #expect(f16.add(0x7d01, 0x7e55) == Rounded(bits: 0x7f01, flags: .invalid))
        #expect(FloatFormat.float32.multiply(0x461c4000, 0x461c4000) == Rounded(bits: 0x4cbebc20))
    }

    /// Zero, subnormal, infinity and NaN codes (both signs, quiet and signaling, the smallest
    /// and largest subnormal, payload extremes) and the normal edges: the smallest normal, 1,
    /// the largest finite and its neighbour.
    static func edgeCodes(_ format: FloatFormat) -> [UInt64] {
        let m = UInt64(format.mantissaBits)
        var magnitudes: [UInt64] = [0, 1, 2, 3, format.mantissaMask, format.mantissaMask - 1, format.mantissaMask >> 1,
                                    1 << m, (1 << m) + 1, UInt64(format.bias) << m, (UInt64(format.bias) << m) | 1,
                                    format.maxFiniteBits, format.maxFiniteBits - 1, format.magnitudeMask,
                                    format.magnitudeMask - 1]
        if let infinity = format.infinityBits {
            magnitudes += [infinity, infinity + 1, infinity | (1 << (m - 1)), infinity | ((1 << (m - 1)) + 1)]
        }
        let unique = Set(magnitudes.filter { $0 <= format.magnitudeMask })
        return unique.sorted().flatMap { [$0, $0 | format.signMask] }
    }

    /// A random code: a random encoding, or with probability 1/2 one whose exponent lies within
    /// ±(precision + 2) of `near`'s (cancellation and alignment edges), or an edge code.
    static func code(_ format: FloatFormat, near: UInt64?, edges: [UInt64], random: inout SplitMix64) -> UInt64 {
        let draw = random.next()
        switch draw & 7 {
        case 0: return edges[Int((draw >> 8) % UInt64(edges.count))]
        case 1, 2, 3:
            guard let near else { fallthrough }
            let m = UInt64(format.mantissaBits)
            let span = UInt64(format.mantissaBits + 3)
            let exponent = Int64((near & format.magnitudeMask) >> m) + Int64((draw >> 8) % (2 * span + 1)) - Int64(span)
            let clamped = UInt64(max(0, min(Int64(format.exponentFieldMask), exponent)))
            let sign = (draw >> 40) & 1 == 0 ? 0 : format.signMask
            return sign | clamped << m | (random.next() & format.mantissaMask)
        default:
            return draw & format.codeMask
        }
    }

    /// ``check(_:_:_:_:_:)`` counted: a disagreement adds one to `mismatches`, and the first
    /// five are recorded as issues with their operands and both results.
    static func compare(_ format: FloatFormat, _ operation: ArithmeticOperation, _ x: UInt64, _ y: UInt64, _ z: UInt64,
                        mismatches: inout Int) {
        guard let failure = check(format, operation, x, y, z) else { return }
        mismatches += 1
        if mismatches <= 5 { Issue.record(Comment(rawValue: failure)) }
    }

    static func check(_ format: FloatFormat, _ operation: ArithmeticOperation, _ x: UInt64, _ y: UInt64, _ z: UInt64) -> String? {
        let fast: Rounded
        let engine: Rounded
        switch operation {
        case .add:
            fast = format.add(x, y)
            engine = format.addSigned(x, y, negateB: false, options: .standard, random: 0)
        case .subtract:
            fast = format.subtract(x, y)
            engine = format.addSigned(x, y, negateB: true, options: .standard, random: 0)
        case .multiply:
            fast = format.multiply(x, y)
            engine = format.engineMultiply(x, y, options: .standard, random: 0)
        case .divide:
            fast = format.divide(x, y)
            engine = format.engineDivide(x, y, options: .standard, random: 0)
        case .squareRoot:
            fast = format.squareRoot(x)
            engine = format.engineSquareRoot(x, options: .standard, random: 0)
        default:
            fast = format.fusedMultiplyAdd(x, y, z)
            engine = format.engineFusedMultiplyAdd(x, y, z, options: .standard, random: 0)
        }
        guard fast != engine else { return nil }
        let operands = (operation == .fusedMultiplyAdd ? [x, y, z] : operation == .squareRoot ? [x] : [x, y])
            .map { format.hexString($0) }.joined(separator: " ")
        return "\(format.name) \(operation.rawValue) \(operands): fast \(format.hexString(fast.bits)) \(fast.flags), engine \(format.hexString(engine.bits)) \(engine.flags)"
    }

    /// Every edge code in every operand position, against 300 sampled codes in the others.
    @Test(arguments: formats, ArithmeticOperation.correctlyRounded)
    func edgeCodesAgainstASample(format: FloatFormat, operation: ArithmeticOperation) {
        let edges = Self.edgeCodes(format)
        var random = SplitMix64(seed: 0x5ca1a4)
        var mismatches = 0
        for edge in edges {
            for _ in 0..<300 {
                let other = Self.code(format, near: edge, edges: edges, random: &random)
                let third = Self.code(format, near: edge, edges: edges, random: &random)
                for (x, y, z) in [(edge, other, third), (other, edge, third), (other, third, edge)] {
                    Self.compare(format, operation, x, y, z, mismatches: &mismatches)
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// 2^20 random operand tuples per format and operation (2^18 for fused multiply-add),
    /// half of them with exponents close together.
    @Test(arguments: formats, ArithmeticOperation.correctlyRounded)
    func randomOperands(format: FloatFormat, operation: ArithmeticOperation) {
        let edges = Self.edgeCodes(format)
        var random = SplitMix64(seed: 0xfa57 &+ UInt64(format.mantissaBits))
        var mismatches = 0
        for _ in 0..<(operation == .fusedMultiplyAdd ? 1 << 18 : 1 << 20) {
            let x = Self.code(format, near: nil, edges: edges, random: &random)
            let y = Self.code(format, near: x, edges: edges, random: &random)
            // fma: c near the product's exponent, so that the terms cancel.
            let product = format.multiply(x, y).bits
            let z = Self.code(format, near: product, edges: edges, random: &random)
            Self.compare(format, operation, x, y, z, mismatches: &mismatches)
        }
        #expect(mismatches == 0)
    }

    /// Sums and differences around the exponent difference m + 3 at which the fast path stops
    /// adding (the smaller operand is then below a quarter of the larger one's ulp): every
    /// difference from m to m + 5 and the largest, with the larger operand a power of two (its
    /// predecessor lies half an ulp below), its successor or the top of its binade, and the
    /// smaller one's fraction 0, 1, half or all ones, in both sign combinations, normal and
    /// subnormal smaller operands included.
    @Test(arguments: formats)
    func alignmentDistances(format: FloatFormat) {
        let m = format.mantissaBits
        let mask = format.mantissaMask
        let top = Int(format.maxFiniteBits >> UInt64(m))
        var mismatches = 0
        for bigExponent in [m + 6, top / 2, top] where bigExponent <= top {
            for distance in Array(m...(m + 5)) + [bigExponent] where distance <= bigExponent {
                for bigFraction: UInt64 in [0, 1, mask] {
                    for smallFraction: UInt64 in [0, 1, 1 << UInt64(m - 1), mask] {
                        let big = UInt64(bigExponent) << UInt64(m) | bigFraction
                        let small = UInt64(bigExponent - distance) << UInt64(m) | smallFraction
                        guard small != 0 else { continue }
                        for (x, y) in [(big, small), (small, big), (big, small | format.signMask), (small | format.signMask, big)] {
                            for operation in [ArithmeticOperation.add, .subtract] {
                                Self.compare(format, operation, x, y, 0, mismatches: &mismatches)
                            }
                        }
                    }
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// Products and quotients across the whole result range, so that the rounding edge
    /// (``ScalarFastPath/roundPackEdge(_:sign:exponent:significand:)``) sees every kind of
    /// result: the first operand a subnormal (the fraction set below) or a normal at the
    /// exponents 1, 2, bias and the largest, the second one every biased exponent with the same
    /// fractions, in both orders and with both signs. The result exponents then sweep from far
    /// below the smallest subnormal (±0, underflow) through the subnormals, the boundary 2^emin
    /// (tiny or not after rounding) and the top binade to overflow; products of a subnormal
    /// operand take it unnormalised. The engine is the oracle.
    @Test(arguments: formats, [ArithmeticOperation.multiply, .divide])
    func resultsAcrossTheRange(format: FloatFormat, operation: ArithmeticOperation) {
        let m = UInt64(format.mantissaBits)
        let mask = format.mantissaMask
        let top = format.maxFiniteBits >> m
        var random = SplitMix64(seed: 0xed9e)
        let fractions = Array(Set([0, 1, 2, 3, 1 << (m - 1), (1 << (m - 1)) + 1, mask - 1, mask]
            + (0..<4).map { _ in random.next() & mask })).sorted()
        let firstOperands = fractions.filter { $0 != 0 }
            + fractions.flatMap { fraction in [1, 2, UInt64(format.bias), top].map { $0 << m | fraction } }
        var mismatches = 0
        for x in firstOperands {
            for exponent in 0...top {
                for fraction in fractions where exponent != 0 || fraction != 0 {
                    let y = exponent << m | fraction
                    for (a, b) in [(x, y), (y, x), (x | format.signMask, y)] {
                        Self.compare(format, operation, a, b, 0, mismatches: &mismatches)
                    }
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// bfloat16 quotients of every pair of fractions (2^14 pairs), with exponents that put the
    /// quotient in the normal range (both orders of magnitude of the significands), at 2^emin
    /// and just below it, and deep among the subnormals, a subnormal dividend or divisor
    /// included: bfloat16 (m = 7) is the widest layout whose division needs no remainder (the
    /// quotient's extra bits decide every rounding, see ``ScalarFastPath/divideFinite(_:sign:exponentA:significandA:exponentB:significandB:)``),
    /// so this is where a missing sticky bit would show first. The engine is the oracle.
    @Test func everyBFloat16FractionPairDivides() {
        let format = FloatFormat.bfloat16
        let exponentPairs: [(UInt64, UInt64)] = [(127, 127), (127, 126), (200, 90), (1, 127), (1, 128), (2, 127),
                                                 (1, 130), (3, 140), (0, 127), (0, 100), (127, 0), (120, 0), (0, 0)]
        var mismatches = 0
        for (exponentA, exponentB) in exponentPairs {
            for fractionA in UInt64(0)..<128 {
                for fractionB in UInt64(0)..<128 {
                    let a = exponentA << 7 | fractionA
                    let b = exponentB << 7 | fractionB
                    Self.compare(format, .divide, a, b, 0, mismatches: &mismatches)
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// Fused multiply-adds with at least one subnormal operand, the path that bfloat16 and
    /// float32 take out of line (``ScalarFastPath/fusedMultiplyAddSubnormal(_:signProduct:signC:magnitudeA:magnitudeB:magnitudeC:)``):
    /// every triple of subnormals (fractions 1, 2, 3, half, all ones and one below), zeros and
    /// normals (exponents 1, bias − m, bias, bias + m and the largest; fractions 0, 1 and all
    /// ones) with a subnormal among them, with random signs. The engine is the oracle.
    @Test(arguments: formats)
    func fusedMultiplyAddWithSubnormalOperands(format: FloatFormat) {
        let m = UInt64(format.mantissaBits)
        let mask = format.mantissaMask
        let top = format.maxFiniteBits >> m
        let subnormals = Set<UInt64>([1, 2, 3, 1 << (m - 1), mask - 1, mask]).filter { $0 != 0 }.sorted()
        let exponents = [1, UInt64(format.bias) - m, UInt64(format.bias), UInt64(format.bias) + m, top]
        let normals = exponents.flatMap { exponent in [0, 1, mask].map { exponent << m | $0 } }
        let operands = subnormals + [0] + normals
        var random = SplitMix64(seed: 0xf3a)
        var mismatches = 0
        for a in operands {
            for b in operands {
                for c in operands where subnormals.contains(a) || subnormals.contains(b) || subnormals.contains(c) {
                    let signs = random.next()
                    let (x, y, z) = (a | (signs & 1 == 0 ? 0 : format.signMask), b | (signs & 2 == 0 ? 0 : format.signMask),
                                     c | (signs & 4 == 0 ? 0 : format.signMask))
                    Self.compare(format, .fusedMultiplyAdd, x, y, z, mismatches: &mismatches)
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// Every pair of codes of the 8-bit layouts (fma: every pair with 64 sampled addends).
    @Test(arguments: [FloatFormat.float8_e5m2, .float8_e4m3fn], ArithmeticOperation.correctlyRounded)
    func everyEightBitPair(format: FloatFormat, operation: ArithmeticOperation) {
        var random = SplitMix64(seed: 8)
        var mismatches = 0
        for x in UInt64(0)..<256 {
            for y in UInt64(0)..<(operation == .squareRoot ? 1 : 256) {
                for _ in 0..<(operation == .fusedMultiplyAdd ? 64 : 1) {
                    Self.compare(format, operation, x, y, random.next() & 0xff, mismatches: &mismatches)
                }
            }
        }
        #expect(mismatches == 0)
    }
}
