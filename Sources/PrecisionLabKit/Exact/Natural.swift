/// A non-negative integer of any size (little-endian 64-bit limbs), just enough for the exact
/// error arithmetic of `inspect`: add, subtract, multiply, shift, compare, powers of five and
/// division with a small quotient.
///
///     Natural.powerOfFive(3)                             // 125
///     (Natural(1) << 70).quotientAndRemainder(dividingBy: Natural(1) << 10).quotient  // 2^60
///
/// Internal: PrecisionLabKit's public API deals in formatted text, not in big integers.
struct Natural: Sendable, Hashable, Comparable {
    /// Little-endian limbs with no trailing zero limb (zero is empty).
    private(set) var limbs: [UInt64]

    init() { limbs = [] }

    init(_ value: UInt64) { limbs = value == 0 ? [] : [value] }

    private init(limbs: [UInt64]) {
        self.limbs = limbs
        normalize()
    }

    var isZero: Bool { limbs.isEmpty }

    /// Number of significant bits (0 for zero).
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

    static func + (lhs: Natural, rhs: Natural) -> Natural {
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
    static func - (lhs: Natural, rhs: Natural) -> Natural {
        precondition(!(lhs < rhs), "Natural subtraction would be negative")
        var difference = lhs.limbs
        var borrow: UInt64 = 0
        for index in difference.indices {
            let subtrahend = index < rhs.limbs.count ? rhs.limbs[index] : 0
            let (first, overflow1) = difference[index].subtractingReportingOverflow(subtrahend)
            let (second, overflow2) = first.subtractingReportingOverflow(borrow)
            difference[index] = second
            borrow = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        return Natural(limbs: difference)
    }

    /// Schoolbook product.
    static func * (lhs: Natural, rhs: Natural) -> Natural {
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

    static func << (value: Natural, shift: Int) -> Natural {
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

    /// ⌊value / 2^shift⌋.
    static func >> (value: Natural, shift: Int) -> Natural {
        guard shift > 0 else { return shift < 0 ? value << -shift : value }
        let limbShift = shift / 64
        let bitShift = UInt64(shift % 64)
        guard limbShift < value.limbs.count else { return Natural() }
        var result = [UInt64]()
        result.reserveCapacity(value.limbs.count - limbShift)
        for index in limbShift..<value.limbs.count {
            let low = value.limbs[index] >> bitShift
            let high = bitShift != 0 && index + 1 < value.limbs.count ? value.limbs[index + 1] << (64 - bitShift) : 0
            result.append(low | high)
        }
        return Natural(limbs: result)
    }

    static func < (lhs: Natural, rhs: Natural) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    /// 5^exponent, by repeated squaring.
    static func powerOfFive(_ exponent: Int) -> Natural {
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
    static func powerOfTen(_ exponent: Int) -> Natural { powerOfFive(exponent) << exponent }

    /// Division whose quotient is known to fit in 64 bits (shift and subtract).
    func quotientAndRemainder(dividingBy divisor: Natural) -> (quotient: UInt64, remainder: Natural) {
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

    /// The integer written by ASCII decimal digits (other bytes must not occur).
    init(decimalDigits digits: some Collection<UInt8>) {
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
    init(hexDigits digits: some BidirectionalCollection<UInt8>) {
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

    static func hexValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return 0
        }
    }
}
