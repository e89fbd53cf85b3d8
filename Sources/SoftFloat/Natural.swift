/// A non-negative integer of any size (little-endian 64-bit limbs): the lab's one exact big
/// integer. SoftFloat uses it to hold decimal and rational inputs exactly and to print exact
/// decimal expansions; LabCommands (`inspect`) and the experiment reports use it for
/// exact rounding errors.
///
///     Natural.powerOfFive(3)                                                          // 125
///     (Natural(1) << 70).quotientAndRemainder(dividingBy: Natural(1) << 10).quotient  // 2^60
///     (Natural(1) << 70).decimalString                                                // "1180591620717411303424"
public struct Natural: Sendable, Hashable, Comparable {
    /// Little-endian limbs with no trailing zero limb (zero is the empty array).
    public private(set) var limbs: [UInt64]

    public init() { limbs = [] }

    public static let one = Natural(UInt64(1))

    public init(_ value: UInt64) { limbs = value == 0 ? [] : [value] }

    public init(wide value: UInt128) {
        limbs = [UInt64(truncatingIfNeeded: value), UInt64(truncatingIfNeeded: value >> 64)]
        normalize()
    }

    init(limbs: [UInt64]) {
        self.limbs = limbs
        normalize()
    }

    public var isZero: Bool { limbs.isEmpty }

    /// Number of significant bits: 0 for zero, 1 for one.
    public var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 64 - top.leadingZeroBitCount
    }

    /// The low 128 bits.
    public var low128: UInt128 {
        let low = limbs.count > 0 ? UInt128(limbs[0]) : 0
        let high = limbs.count > 1 ? UInt128(limbs[1]) << 64 : 0
        return low | high
    }

    private mutating func normalize() {
        while let top = limbs.last, top == 0 { limbs.removeLast() }
    }

    // MARK: - Comparison

    public static func < (lhs: Natural, rhs: Natural) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    // MARK: - Addition and subtraction

    public static func + (lhs: Natural, rhs: Natural) -> Natural {
        let count = Swift.max(lhs.limbs.count, rhs.limbs.count)
        var sum = [UInt64]()
        sum.reserveCapacity(count + 1)
        var carry: UInt64 = 0
        for index in 0..<count {
            let a = index < lhs.limbs.count ? lhs.limbs[index] : 0
            let b = index < rhs.limbs.count ? rhs.limbs[index] : 0
            let (partial, overflow1) = a.addingReportingOverflow(b)
            let (total, overflow2) = partial.addingReportingOverflow(carry)
            sum.append(total)
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        if carry != 0 { sum.append(carry) }
        return Natural(limbs: sum)
    }

    /// lhs − rhs; requires rhs ≤ lhs.
    public static func - (lhs: Natural, rhs: Natural) -> Natural {
        precondition(!(lhs < rhs), "Natural subtraction would be negative")
        var difference = lhs
        difference.subtract(rhs)
        return difference
    }

    /// self −= other; requires other ≤ self (unchecked: the callers compare first).
    public mutating func subtract(_ other: Natural) {
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

    // MARK: - Multiplication

    /// self = self × factor + addend.
    public mutating func multiply(by factor: UInt64, adding addend: UInt64 = 0) {
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
    public mutating func multiply(byPowerOfFive count: Int) {
        var remaining = count
        while remaining > 0 {
            let step = min(remaining, 27)
            var power: UInt64 = 1
            for _ in 0..<step { power &*= 5 }
            multiply(by: power)
            remaining -= step
        }
    }

    /// Schoolbook product.
    public static func * (lhs: Natural, rhs: Natural) -> Natural {
        guard !lhs.isZero, !rhs.isZero else { return Natural() }
        var product = [UInt64](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        for (i, a) in lhs.limbs.enumerated() where a != 0 {
            var carry: UInt64 = 0
            for (j, b) in rhs.limbs.enumerated() {
                let (high, low) = a.multipliedFullWidth(by: b)
                let (sum1, overflow1) = product[i + j].addingReportingOverflow(low)
                let (sum2, overflow2) = sum1.addingReportingOverflow(carry)
                product[i + j] = sum2
                carry = high &+ (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0)
            }
            product[i + rhs.limbs.count] = carry
        }
        return Natural(limbs: product)
    }

    /// 5^exponent, by repeated squaring.
    public static func powerOfFive(_ exponent: Int) -> Natural {
        precondition(exponent >= 0)
        var result = Natural(1)
        var base = Natural(5)
        var rest = exponent
        while rest > 0 {
            if rest & 1 == 1 { result = result * base }
            rest >>= 1
            if rest > 0 { base = base * base }
        }
        return result
    }

    /// 10^exponent.
    public static func powerOfTen(_ exponent: Int) -> Natural { powerOfFive(exponent) << exponent }

    // MARK: - Shifts

    /// value × 2^shift (a negative shift shifts right).
    public static func << (value: Natural, shift: Int) -> Natural {
        guard !value.isZero, shift > 0 else { return shift < 0 ? value >> -shift : value }
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
        return Natural(limbs: result)
    }

    /// ⌊value / 2^shift⌋ (a negative shift shifts left).
    public static func >> (value: Natural, shift: Int) -> Natural {
        guard shift >= 0 else { return value << -shift }
        return value.shiftedRight(by: shift).0
    }

    /// self >> shift, and whether any nonzero bit was shifted out.
    public func shiftedRight(by shift: Int) -> (Natural, Bool) {
        guard shift > 0 else { return (self, false) }
        let limbShift = shift / 64
        let bitShift = UInt64(shift % 64)
        guard limbShift < limbs.count else { return (Natural(), !isZero) }
        var lost = limbs[0..<limbShift].contains { $0 != 0 }
        if bitShift != 0 { lost = lost || limbs[limbShift] & ((1 << bitShift) - 1) != 0 }
        var result = [UInt64]()
        result.reserveCapacity(limbs.count - limbShift)
        for index in limbShift..<limbs.count {
            let low = limbs[index] >> bitShift
            let high = bitShift != 0 && index + 1 < limbs.count ? limbs[index + 1] << (64 - bitShift) : 0
            result.append(low | high)
        }
        return (Natural(limbs: result), lost)
    }

    // MARK: - Division

    /// Divides by a nonzero divisor with a quotient known to have at most `quotientBits` bits.
    ///
    /// Shift-and-subtract long division: `quotientBits` steps of compare and subtract. The
    /// callers need only ~70 quotient bits, so this is cheap even for long inputs.
    public func divided(by divisor: Natural, quotientBits: Int) -> (quotient: UInt128, remainderIsZero: Bool) {
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

    /// Division whose quotient is known to fit in 64 bits (shift and subtract).
    public func quotientAndRemainder(dividingBy divisor: Natural) -> (quotient: UInt64, remainder: Natural) {
        precondition(!divisor.isZero, "division by zero")
        guard !(self < divisor) else { return (0, self) }
        let topBit = bitWidth - divisor.bitWidth
        precondition(topBit < 64, "quotient does not fit in 64 bits")
        var remainder = self
        var quotient: UInt64 = 0
        var shifted = divisor << topBit
        for bit in stride(from: topBit, through: 0, by: -1) {
            if !(remainder < shifted) {
                remainder = remainder - shifted
                quotient |= 1 << UInt64(bit)
            }
            if bit > 0 { shifted = shifted >> 1 }
        }
        return (quotient, remainder)
    }

    /// Divides in place by a small divisor and returns the remainder.
    public mutating func divide(bySmall divisor: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let (quotient, rest) = divisor.dividingFullWidth((remainder, limbs[index]))
            limbs[index] = quotient
            remainder = rest
        }
        normalize()
        return remainder
    }

    // MARK: - Digits

    /// Decimal digits, most significant first ("0" for zero).
    public var decimalString: String {
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

    /// The integer written by ASCII decimal digits (other bytes must not occur).
    public init(decimalDigits digits: some Collection<UInt8>) {
        self.init()
        var pending: UInt64 = 0
        var pendingCount = 0
        var power: UInt64 = 1
        for digit in digits {
            pending = pending * 10 + UInt64(digit &- UInt8(ascii: "0"))
            power *= 10
            pendingCount += 1
            if pendingCount == 19 {
                multiply(by: power, adding: pending)
                pending = 0
                pendingCount = 0
                power = 1
            }
        }
        if pendingCount > 0 { multiply(by: power, adding: pending) }
    }

    /// The integer written by ASCII hex digits, most significant first (lowercase or upper).
    public init(hexDigits digits: some BidirectionalCollection<UInt8>) {
        var limbs: [UInt64] = []
        var limb: UInt64 = 0
        var filled: UInt64 = 0
        for digit in digits.reversed() {
            limb |= UInt64(Self.hexValue(digit)) << filled
            filled += 4
            if filled == 64 {
                limbs.append(limb)
                limb = 0
                filled = 0
            }
        }
        if filled > 0 { limbs.append(limb) }
        self.init(limbs: limbs)
    }

    /// The value of an ASCII hex digit (0 for any other byte).
    public static func hexValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return 0
        }
    }
}
