/// A value type whose storage is one code of a ``FloatFormat`` and whose arithmetic is the
/// engine's: every operation is correctly rounded once and can report its IEEE flags.
///
/// Conforming types are tiny — a format and a stored bit pattern — and get everything else
/// from protocol extensions:
///
///     public struct Float8E4M3FN: SoftFloatingPoint {
///         public static var format: FloatFormat { .float8_e4m3fn }
///         public var bitPattern: UInt8
///         public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
///     }
///
///     let x: Float8E4M3FN = 448                        // the largest value, 1.75 × 2^8
///     (x + 32).isNaN                                   // true: 480 overflows to NaN (fn)
///     x.adding(32, rounding: .towardZero)              // (result: 448, flags: [overflow, inexact])
///
/// Every format gets this protocol: bit pattern, fields, classification, ordering, hashing,
/// text and `Codable`, conversions, and the explicit-rounding operations
/// (`adding(_:rounding:)` → (result, flags)). Operators round to nearest, ties to even.
/// Formats that follow IEEE 754's encoding (with infinities) also adopt
/// ``SoftBinaryFloatingPoint`` and so `BinaryFloatingPoint`; formats without infinity must not,
/// because the standard library's generic conversions assume one.
public protocol SoftFloatingPoint: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, AdditiveArithmetic
{
    /// The unsigned integer type holding a code (UInt16 for bfloat16, UInt32 for tf32's 19 bits).
    associatedtype BitPattern: FixedWidthInteger & UnsignedInteger & Sendable

    /// The format every value of this type is a code of.
    static var format: FloatFormat { get }

    /// The code, in the low ``FloatFormat/bitWidth`` bits.
    var bitPattern: BitPattern { get }

    /// The value with the given code; bits above the format's width are ignored by every operation.
    init(bitPattern: BitPattern)
}

extension SoftFloatingPoint {
    /// The code widened to 64 bits, as the engine takes it.
    @inlinable public var code: UInt64 { UInt64(truncatingIfNeeded: bitPattern) & Self.format.codeMask }

    /// The value whose code is the low bits of `code`.
    @inlinable public init(code: UInt64) { self.init(bitPattern: BitPattern(truncatingIfNeeded: code)) }

    /// Wraps an engine result as a value and its flags.
    @inlinable static func wrap(_ rounded: Rounded) -> (result: Self, flags: FloatFlags) {
        (Self(code: rounded.bits), rounded.flags)
    }
}
