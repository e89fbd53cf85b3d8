/// A small arbitrary-precision natural number (little-endian 32-bit limbs) for the exact
/// error arithmetic of the reports. SoftFloat keeps its own big integer internal, and the
/// experiments need only +, −, ×, shifts, comparison and decimal text.
///
///     let x = ExactInteger(decimal: "123456789012345678901234567890")!
///     (x * x).decimal   // "15241578753238836750495351562536198787501905199875019052100"
///     (ExactInteger(1) << 70).decimal   // "1180591620717411303424"
struct ExactInteger: Sendable, Hashable, Comparable {
    /// No trailing zero limbs; zero is empty.
    private(set) var limbs: [UInt32]

    init() { limbs = [] }

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalize()
    }

    init(wide value: UInt128) {
        limbs = (0..<4).map { UInt32(truncatingIfNeeded: value >> (32 * UInt128($0))) }
        normalize()
    }

    /// Parses decimal digits (no sign, no point); nil for anything else.
    init?(decimal text: some StringProtocol) {
        guard !text.isEmpty else { return nil }
        self.init()
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            multiplySmall(10, adding: UInt32(byte - UInt8(ascii: "0")))
        }
    }

    var isZero: Bool { limbs.isEmpty }

    private mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    mutating func multiplySmall(_ factor: UInt32, adding addend: UInt32 = 0) {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        normalize()
    }

    /// Divides in place by a small divisor, returning the remainder.
    mutating func divideSmall(_ divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let current = remainder << 32 | UInt64(limbs[index])
            limbs[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        normalize()
        return UInt32(remainder)
    }

    /// 10^exponent.
    static func powerOfTen(_ exponent: Int) -> ExactInteger {
        var result = ExactInteger(1)
        for _ in 0..<exponent { result.multiplySmall(10) }
        return result
    }

    /// Decimal digits ("0" for zero).
    var decimal: String {
        guard !isZero else { return "0" }
        var value = self
        var chunks: [UInt32] = []
        while !value.isZero { chunks.append(value.divideSmall(1_000_000_000)) }
        var text = String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    static func + (a: ExactInteger, b: ExactInteger) -> ExactInteger {
        var result = ExactInteger()
        result.limbs.reserveCapacity(max(a.limbs.count, b.limbs.count) + 1)
        var carry: UInt64 = 0
        for index in 0..<max(a.limbs.count, b.limbs.count) {
            let sum = UInt64(index < a.limbs.count ? a.limbs[index] : 0) + UInt64(index < b.limbs.count ? b.limbs[index] : 0) + carry
            result.limbs.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry != 0 { result.limbs.append(UInt32(carry)) }
        result.normalize()
        return result
    }

    /// a − b; requires b ≤ a.
    static func - (a: ExactInteger, b: ExactInteger) -> ExactInteger {
        precondition(!(a < b), "ExactInteger subtraction would be negative")
        var result = a
        var borrow: Int64 = 0
        for index in result.limbs.indices {
            var difference = Int64(result.limbs[index]) - Int64(index < b.limbs.count ? b.limbs[index] : 0) - borrow
            borrow = 0
            if difference < 0 { difference += 1 << 32; borrow = 1 }
            result.limbs[index] = UInt32(difference)
        }
        result.normalize()
        return result
    }

    static func * (a: ExactInteger, b: ExactInteger) -> ExactInteger {
        guard !a.isZero, !b.isZero else { return ExactInteger() }
        var product = [UInt32](repeating: 0, count: a.limbs.count + b.limbs.count)
        for (i, x) in a.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, y) in b.limbs.enumerated() {
                let current = UInt64(x) * UInt64(y) + UInt64(product[i + j]) + carry
                product[i + j] = UInt32(truncatingIfNeeded: current)
                carry = current >> 32
            }
            var position = i + b.limbs.count
            while carry != 0 {
                let current = UInt64(product[position]) + carry
                product[position] = UInt32(truncatingIfNeeded: current)
                carry = current >> 32
                position += 1
            }
        }
        var result = ExactInteger()
        result.limbs = product
        result.normalize()
        return result
    }

    static func << (value: ExactInteger, shift: Int) -> ExactInteger {
        guard shift > 0, !value.isZero else { return value }
        let limbShift = shift / 32
        let bitShift = UInt32(shift % 32)
        var result = [UInt32](repeating: 0, count: limbShift)
        var carry: UInt32 = 0
        for limb in value.limbs {
            result.append(bitShift == 0 ? limb : (limb << bitShift) | carry)
            carry = bitShift == 0 ? 0 : limb >> (32 - bitShift)
        }
        if carry != 0 { result.append(carry) }
        var shifted = ExactInteger()
        shifted.limbs = result
        shifted.normalize()
        return shifted
    }

    static func < (a: ExactInteger, b: ExactInteger) -> Bool {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count }
        for index in a.limbs.indices.reversed() where a.limbs[index] != b.limbs[index] {
            return a.limbs[index] < b.limbs[index]
        }
        return false
    }
}
