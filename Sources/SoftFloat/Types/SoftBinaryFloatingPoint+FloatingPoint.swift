extension SoftBinaryFloatingPoint {
    // FloatingPoint's requirements, delegated to the engine. Where the standard library also
    // has a default, this more specific implementation is the one used.

    @inlinable public init(_ value: Int) { self = Self.converting(value, options: .standard).result }
    @inlinable public init<Source: BinaryInteger>(_ value: Source) { self = Self.converting(value, options: .standard).result }
    @inlinable public init(_ value: Double) { self = Self.converting(value, options: .standard).result }
    @inlinable public init(_ value: Float) { self = Self.converting(value, options: .standard).result }
    #if arch(x86_64) || arch(i386)
    @inlinable public init(_ value: Float80) { self = Self.converting(value, options: .standard).result }
    #endif
    @inlinable public init<Source: BinaryFloatingPoint>(_ value: Source) { self = Self.converting(value, options: .standard).result }

    /// nil unless `value` converts exactly (NaN gives nil, as for the standard types).
    @inlinable public init?<Source: BinaryFloatingPoint>(exactly value: Source) {
        let (result, flags) = Self.converting(value, options: .standard)
        guard !value.isNaN, !flags.contains(.inexact), !flags.contains(.invalid) else { return nil }
        self = result
    }

    @inlinable public init?<Source: BinaryInteger>(exactly value: Source) {
        let (result, flags) = Self.converting(value, options: .standard)
        guard flags.isEmpty else { return nil }
        self = result
    }

    @inlinable public static var nan: Self { Self(code: format.nanBits!) }
    /// A signaling NaN: the quiet bit clear and the next payload bit set (float16 0x7d00).
    @inlinable public static var signalingNaN: Self {
        Self(code: format.infinityBits! | 1 << UInt64(format.mantissaBits - 2 < 0 ? 0 : format.mantissaBits - 2))
    }
    @inlinable public static var infinity: Self { Self(code: format.infinityBits!) }
    /// π rounded toward zero, as the standard library's `Float.pi` is.
    public static var pi: Self {
        Self(code: try! format.round("3.14159265358979323846264338327950288419716939937510582097494459",
                                     options: RoundingOptions(rounding: .towardZero)).bits)
    }

    @inlinable public var sign: FloatingPointSign { code & Self.format.signMask != 0 ? .minus : .plus }

    @inlinable public var isCanonical: Bool { true }
    @inlinable public var isNaN: Bool { Self.format.isNaN(code) }
    @inlinable public var isSignalingNaN: Bool { NaNPropagation.isSignaling(code, format: Self.format) }
    @inlinable public var isInfinite: Bool { Self.format.classify(code) == .infinity }
    @inlinable public var isFinite: Bool { let kind = Self.format.classify(code); return kind != .infinity && kind != .nan }
    @inlinable public var isZero: Bool { Self.format.classify(code) == .zero }
    @inlinable public var isSubnormal: Bool { Self.format.classify(code) == .subnormal }
    @inlinable public var isNormal: Bool { Self.format.classify(code) == .normal }
    @inlinable public var magnitude: Self { Self(code: code & Self.format.magnitudeMask) }
    @inlinable public var nextUp: Self { Self(code: Self.format.nextUp(code)) }
    @inlinable public var nextDown: Self { Self(code: Self.format.nextDown(code)) }
    @inlinable public static var greatestFiniteMagnitude: Self { Self(code: format.maxFiniteBits) }
    @inlinable public static var leastNormalMagnitude: Self { Self(code: UInt64(1) << UInt64(format.mantissaBits)) }
    @inlinable public static var leastNonzeroMagnitude: Self { Self(code: 1) }

    /// The unit in the last place: 2^-10 for float16's 1.0, the spacing of subnormals below the
    /// normal range, NaN for infinity and NaN.
    public var ulp: Self {
        guard let exponent = Self.format.ulpExponent(code) else { return .nan }
        return Self(code: RoundingCore.roundPack(
            negative: false, exponent: exponent, significand: UInt64(1), sticky: false,
            format: Self.format, options: .standard).bits)
    }

    /// The exponent of the leading bit: 0 for 1.5, −24 for float16's least subnormal;
    /// `Int.min` for zero and `Int.max` for infinity and NaN, as for the standard types.
    public var exponent: Int {
        switch Self.format.decode(code) {
        case .zero: return .min
        case .infinity, .nan: return .max
        case .finite(_, let significand, let exponent): return exponent + 63 - significand.leadingZeroBitCount
        }
    }

    /// The value scaled into [1, 2) (NaN, infinity and zero are returned as their magnitude).
    public var significand: Self {
        switch Self.format.decode(code) {
        case .nan: return .nan
        case .infinity: return .infinity
        case .zero: return 0
        case .finite(_, let significand, _):
            let leading = 63 - significand.leadingZeroBitCount
            return Self(code: RoundingCore.roundPack(
                negative: false, exponent: -leading, significand: UInt128(significand), sticky: false,
                format: Self.format, options: .standard).bits)
        }
    }

    /// (−1)^sign × significand × 2^exponent, rounded once (the sign of `significand` flips it).
    public init(sign: FloatingPointSign, exponent: Int, significand: Self) {
        let negative = (sign == .minus) != (significand.sign == .minus)
        switch Self.format.decode(significand.code) {
        case .nan: self = significand
        case .infinity: self = negative ? -Self.infinity : Self.infinity
        case .zero: self = Self(code: RoundingCore.packZero(negative: negative, format: Self.format).bits)
        case .finite(_, let bits, let scale):
            // Clamp so that Int.max and friends cannot overflow; the result is 0 or ∞ long before.
            let clamped = Swift.min(Swift.max(exponent, -1 << 20), 1 << 20)
            self = Self(code: RoundingCore.roundPack(
                negative: negative, exponent: scale + clamped, significand: UInt128(bits), sticky: false,
                format: Self.format, options: .standard).bits)
        }
    }

    // The operators (+ − × ÷ and their compound forms) are SoftFloatingPoint's, in
    // SoftFloatingPoint+Operators.swift. Unary minus is SoftFloatingPoint's too, named here
    // only because SignedNumeric's default would otherwise be an equal candidate.
    @inlinable public mutating func negate() { self = negated }
    @inlinable public static prefix func - (operand: Self) -> Self { operand.negated }

    @inlinable public mutating func formRemainder(dividingBy other: Self) {
        self = Self(code: Self.format.remainder(code, other.code).bits)
    }
    @inlinable public func remainder(dividingBy other: Self) -> Self {
        Self(code: Self.format.remainder(code, other.code).bits)
    }
    @inlinable public mutating func formTruncatingRemainder(dividingBy other: Self) {
        self = Self(code: Self.format.truncatingRemainder(code, other.code).bits)
    }
    @inlinable public func truncatingRemainder(dividingBy other: Self) -> Self {
        Self(code: Self.format.truncatingRemainder(code, other.code).bits)
    }
    @inlinable public mutating func formSquareRoot() { self = Self(code: Self.format.squareRoot(code).bits) }
    @inlinable public func squareRoot() -> Self { Self(code: Self.format.squareRoot(code).bits) }
    @inlinable public mutating func addProduct(_ lhs: Self, _ rhs: Self) {
        self = Self(code: Self.format.fusedMultiplyAdd(lhs.code, rhs.code, code).bits)
    }
    @inlinable public mutating func formAddingProduct(_ lhs: Self, _ rhs: Self) { addProduct(lhs, rhs) }
    @inlinable public func addingProduct(_ lhs: Self, _ rhs: Self) -> Self {
        Self(code: Self.format.fusedMultiplyAdd(lhs.code, rhs.code, code).bits)
    }

    /// Rounds to an integral value by a standard-library rule, without flags.
    @inlinable public func rounded(_ rule: FloatingPointRoundingRule) -> Self {
        let mode: RoundingMode
        switch rule {
        case .toNearestOrAwayFromZero: mode = .nearestAway
        case .toNearestOrEven: mode = .nearestEven
        case .up: mode = .up
        case .down: mode = .down
        case .towardZero: mode = .towardZero
        case .awayFromZero: mode = sign == .minus ? .down : .up
        @unknown default: mode = .nearestAway
        }
        return Self(code: Self.format.roundToIntegral(code, options: RoundingOptions(rounding: mode), exact: false).bits)
    }
    @inlinable public mutating func round(_ rule: FloatingPointRoundingRule) { self = rounded(rule) }

    @inlinable public func isEqual(to other: Self) -> Bool { Self.format.compare(code, other.code).result == .equal }
    @inlinable public func isLess(than other: Self) -> Bool { Self.format.compare(code, other.code).result == .less }
    @inlinable public func isLessThanOrEqualTo(_ other: Self) -> Bool {
        let result = Self.format.compare(code, other.code).result
        return result == .less || result == .equal
    }
    @inlinable public func isTotallyOrdered(belowOrEqualTo other: Self) -> Bool { Self.format.totalOrder(code, other.code) }

    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool { lhs.isEqual(to: rhs) }
    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool { lhs.isLess(than: rhs) }
    @inlinable public static func <= (lhs: Self, rhs: Self) -> Bool { lhs.isLessThanOrEqualTo(rhs) }
    @inlinable public static func > (lhs: Self, rhs: Self) -> Bool { rhs.isLess(than: lhs) }
    @inlinable public static func >= (lhs: Self, rhs: Self) -> Bool { rhs.isLessThanOrEqualTo(lhs) }

    @inlinable public init(integerLiteral value: Int64) { self.init(code: Self.format.convert(fromInt64: value).bits) }
    @inlinable public init(floatLiteral value: Double) { self.init(value) }
}
