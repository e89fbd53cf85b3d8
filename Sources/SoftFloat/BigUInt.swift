/// A minimal arbitrary-precision unsigned integer (little-endian 64-bit limbs), just enough to
/// hold decimal and rational inputs exactly and to print exact decimal expansions.
///
/// The soft-float module has no dependencies, so it carries its own; it is internal.
struct BigUInt: Sendable, Hashable, Comparable {
    /// Little-endian limbs with no trailing zero limbs (zero is the empty array).
    private(set) var limbs: [UInt64]

    init() { limbs = [] }

    static let one = BigUInt(UInt64(1))

    init(_ value: UInt64) { limbs = value == 0 ? [] : [value] }

    init(limbs: [UInt64]) {
        self.limbs = limbs
        normalize()
    }

    init(_ value: UInt128) {
        limbs = [UInt64(truncatingIfNeeded: value), UInt64(truncatingIfNeeded: value >> 64)]
        normalize()
    }

    var isZero: Bool { limbs.isEmpty }

    /// Number of significant bits: 0 for zero, 1 for one.
    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 64 - top.leadingZeroBitCount
    }

    private mutating func normalize() {
        while let top = limbs.last, top == 0 { limbs.removeLast() }
    }

    /// self = self × factor + addend.
    mutating func multiply(by factor: UInt64, adding addend: UInt64 = 0) {
        var carry = addend
        for index in limbs.indices {
            let (high, low) = limbs[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
        normalize()
    }

    /// self × 5^count, in chunks of 5^27 (the largest power of five below 2^64).
    mutating func multiply(byPowerOfFive count: Int) {
        var remaining = count
        while remaining > 0 {
            let step = min(remaining, 27)
            var power: UInt64 = 1
            for _ in 0..<step { power &*= 5 }
            multiply(by: power)
            remaining -= step
        }
    }

    static func << (value: BigUInt, shift: Int) -> BigUInt {
        guard !value.isZero, shift > 0 else { return value }
        let limbShift = shift / 64
        let bitShift = UInt64(shift % 64)
        var result = [UInt64](repeating: 0, count: limbShift)
        result.reserveCapacity(limbShift + value.limbs.count + 1)
        var carry: UInt64 = 0
        for limb in value.limbs {
            result.append(bitShift == 0 ? limb : (limb << bitShift) | carry)
            carry = bitShift == 0 ? 0 : limb >> (64 - bitShift)
        }
        if carry != 0 { result.append(carry) }
        var shifted = BigUInt()
        shifted.limbs = result
        shifted.normalize()
        return shifted
    }

    /// self >> shift, and whether any nonzero bit was shifted out.
    func shiftedRight(by shift: Int) -> (BigUInt, Bool) {
        guard shift > 0 else { return (self, false) }
        let limbShift = shift / 64
        let bitShift = UInt64(shift % 64)
        guard limbShift < limbs.count else { return (BigUInt(), !isZero) }
        var lost = limbs[0..<limbShift].contains { $0 != 0 }
        if bitShift != 0 { lost = lost || limbs[limbShift] & ((1 << bitShift) - 1) != 0 }
        var result = [UInt64]()
        result.reserveCapacity(limbs.count - limbShift)
        for index in limbShift..<limbs.count {
            let low = limbs[index] >> bitShift
            let high = bitShift != 0 && index + 1 < limbs.count ? limbs[index + 1] << (64 - bitShift) : 0
            result.append(low | high)
        }
        var shifted = BigUInt()
        shifted.limbs = result
        shifted.normalize()
        return (shifted, lost)
    }

    /// The low 128 bits.
    var low128: UInt128 {
        let low = limbs.count > 0 ? UInt128(limbs[0]) : 0
        let high = limbs.count > 1 ? UInt128(limbs[1]) << 64 : 0
        return low | high
    }

    static func < (lhs: BigUInt, rhs: BigUInt) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    /// self −= other; requires other ≤ self.
    mutating func subtract(_ other: BigUInt) {
        var borrow = false
        for index in limbs.indices {
            let subtrahend = index < other.limbs.count ? other.limbs[index] : 0
            let (first, overflow1) = limbs[index].subtractingReportingOverflow(subtrahend)
            let (second, overflow2) = first.subtractingReportingOverflow(borrow ? 1 : 0)
            limbs[index] = second
            borrow = overflow1 || overflow2
        }
        normalize()
    }

    /// Divides by a nonzero divisor with a quotient known to have at most `quotientBits` bits.
    ///
    /// Shift-and-subtract long division: `quotientBits` steps of compare and subtract. The
    /// callers need only ~70 quotient bits, so this is cheap even for long inputs.
    func divided(by divisor: BigUInt, quotientBits: Int) -> (quotient: UInt128, remainderIsZero: Bool) {
        var remainder = self
        var quotient: UInt128 = 0
        var shiftedDivisor = divisor << (quotientBits - 1)
        for bit in stride(from: quotientBits - 1, through: 0, by: -1) {
            if !(remainder < shiftedDivisor) {
                remainder.subtract(shiftedDivisor)
                quotient |= UInt128(1) << UInt128(bit)
            }
            shiftedDivisor = shiftedDivisor.shiftedRight(by: 1).0
        }
        return (quotient, remainder.isZero)
    }

    /// Divides in place by a small divisor and returns the remainder.
    mutating func divide(bySmall divisor: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let (quotient, rest) = divisor.dividingFullWidth((remainder, limbs[index]))
            limbs[index] = quotient
            remainder = rest
        }
        normalize()
        return remainder
    }

    /// Decimal digits, most significant first ("0" for zero).
    var decimalString: String {
        guard !isZero else { return "0" }
        var value = self
        var chunks: [UInt64] = []
        while !value.isZero { chunks.append(value.divide(bySmall: 10_000_000_000_000_000_000)) }
        var text = String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }
}
