import SoftFloat

/// The exact value of `c + Σ a_i·b_i` over finite codes of formats of at most 32 bits: a
/// fixed-point two's-complement accumulator of 768 bits whose lowest bit is 2^-400 (a long
/// accumulator in Kulisch's sense), so no product of two float32 values and no sum of up to
/// 2^60 of them is ever rounded.
///
///     var exact = ExactDotProduct()
///     exact.addProduct(0x3c01, .float16, 0x3c01, .float16)   // (1 + 2^-10)² = 1 + 2^-9 + 2^-20
///     exact.add(0xbc00, .float16)                             // − 1
///     exact.double                                            // 0.001954078674316406 = 2^-9 + 2^-20
///
/// The experiments measure a unit's relative error against it
/// (``relativeError(of:in:)``); `ExactDotProductTests` checks it against MPFR.
public struct ExactDotProduct: Sendable, Hashable {
    static let limbCount = 12
    /// The weight of bit 0 of limb 0.
    static let lowestExponent = -400

    /// Little-endian 64-bit limbs, two's complement.
    var limbs: [UInt64]

    /// Zero.
    public init() {
        limbs = [UInt64](repeating: 0, count: Self.limbCount)
    }

    /// Adds `(−1)^negative × magnitude × 2^exponent`.
    public mutating func add(magnitude: UInt64, exponent: Int, negative: Bool) {
        guard magnitude != 0 else { return }
        let position = exponent - Self.lowestExponent
        precondition(position >= 0 && position + 64 < 64 * (Self.limbCount - 1), "exponent \(exponent) outside the accumulator")
        let limb = position / 64, offset = position % 64
        let low = magnitude << UInt64(offset)
        let high = offset == 0 ? 0 : magnitude >> UInt64(64 - offset)
        // One carry chain for both signs: `carry` is the carry when adding, the borrow when
        // subtracting; the operand is `low` at the first limb, `high` at the next, then 0.
        var operand = low
        var carry = false
        for index in limb..<Self.limbCount {
            let (first, overflowA) = negative ? limbs[index].subtractingReportingOverflow(operand) : limbs[index].addingReportingOverflow(operand)
            let (value, overflowB) = negative ? first.subtractingReportingOverflow(carry ? 1 : 0) : first.addingReportingOverflow(carry ? 1 : 0)
            limbs[index] = value
            carry = overflowA || overflowB
            operand = index == limb ? high : 0
            if !carry && operand == 0 { break }
        }
    }

    /// Adds a finite code's value (`−0` and `+0` add nothing).
    public mutating func add(_ code: UInt64, _ format: FloatFormat) {
        guard case .finite(let negative, let significand, let exponent) = format.decode(code) else {
            precondition(format.classify(code) == .zero, "ExactDotProduct takes finite values")
            return
        }
        add(magnitude: significand, exponent: exponent, negative: negative)
    }

    /// Adds the exact product of two finite codes.
    public mutating func addProduct(_ a: UInt64, _ aFormat: FloatFormat, _ b: UInt64, _ bFormat: FloatFormat) {
        guard case .finite(let aNegative, let aSignificand, let aExponent) = aFormat.decode(a),
              case .finite(let bNegative, let bSignificand, let bExponent) = bFormat.decode(b) else { return }
        let (high, low) = aSignificand.multipliedFullWidth(by: bSignificand)
        precondition(high == 0, "significand product wider than 64 bits")
        add(magnitude: low, exponent: aExponent + bExponent, negative: aNegative != bNegative)
    }

    /// True when the sum is exactly zero.
    public var isZero: Bool { limbs.allSatisfy { $0 == 0 } }

    /// The sum rounded to the nearest float64 (ties to even).
    public var double: Double {
        let negative = limbs[Self.limbCount - 1] >> 63 == 1
        var magnitude = limbs
        if negative {
            // Two's complement negation.
            var carry = true
            for index in 0..<magnitude.count {
                magnitude[index] = ~magnitude[index]
                if carry {
                    (magnitude[index], carry) = magnitude[index].addingReportingOverflow(1)
                }
            }
        }
        guard let top = magnitude.lastIndex(where: { $0 != 0 }) else { return 0 }
        // The 64 bits below the leading one (two limbs' worth), with everything lower as a sticky bit.
        let leading = 63 - magnitude[top].leadingZeroBitCount
        let topBits = UInt128(magnitude[top]) << 64 | UInt128(top > 0 ? magnitude[top - 1] : 0)
        let shift = leading + 64 - 63   // keep 64 bits: the leading one and 63 below it
        var window = UInt64(truncatingIfNeeded: topBits >> UInt128(shift))
        let droppedBits = shift > 0 ? topBits & ((UInt128(1) << UInt128(shift)) - 1) : 0
        let lowerLimbs = top > 1 ? magnitude[0..<(top - 1)].contains { $0 != 0 } : false
        if droppedBits != 0 || lowerLimbs { window |= 1 }   // 64 > 53 + 2: the sticky bit decides ties
        let exponent = (top - 1) * 64 + shift + Self.lowestExponent
        let value = Double(window) * Double(sign: .plus, exponent: exponent, significand: 1)
        return negative ? -value : value
    }

    /// `(computed − exact) / exact` for a finite result code (infinity and NaN give ±inf / NaN;
    /// NaN when the exact sum is 0).
    public func relativeError(of code: UInt64, in format: FloatFormat) -> Double {
        if format.isNaN(code) { return .nan }
        if format.classify(code) == .infinity { return code & format.signMask != 0 ? -.infinity : .infinity }
        if isZero { return .nan }
        var difference = self
        if case .finite(let negative, let significand, let exponent) = format.decode(code) {
            difference.add(magnitude: significand, exponent: exponent, negative: !negative)
        }
        return -difference.double / double
    }
}
