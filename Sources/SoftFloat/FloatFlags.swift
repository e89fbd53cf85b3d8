/// IEEE 754 exception flags, returned as values by every operation.
///
/// Tininess is detected after rounding (as on x86 SSE and in IEEE 754's preferred mode): a
/// result is tiny when, rounded to full precision with an unbounded exponent, its magnitude
/// is below the smallest normal. `underflow` is raised when the result is tiny and inexact.
public struct FloatFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    // The flags are computed properties, not `static let`s: a static stored property is a
    // lazily initialised global, and every read in the rounding core would pay its once-check.

    @inlinable public static var invalid: FloatFlags { FloatFlags(rawValue: 1 << 0) }
    @inlinable public static var divideByZero: FloatFlags { FloatFlags(rawValue: 1 << 1) }
    @inlinable public static var overflow: FloatFlags { FloatFlags(rawValue: 1 << 2) }
    @inlinable public static var underflow: FloatFlags { FloatFlags(rawValue: 1 << 3) }
    @inlinable public static var inexact: FloatFlags { FloatFlags(rawValue: 1 << 4) }

    /// Flag names in a fixed order, as the CLI prints them: `overflow,inexact`.
    public static let names: [(FloatFlags, String)] = [
        (.invalid, "invalid"), (.divideByZero, "divide-by-zero"), (.overflow, "overflow"),
        (.underflow, "underflow"), (.inexact, "inexact"),
    ]
}

extension FloatFlags: CustomStringConvertible {
    /// Comma-separated names (`overflow,inexact`), or `none`.
    public var description: String {
        let raised = Self.names.filter { contains($0.0) }.map(\.1)
        return raised.isEmpty ? "none" : raised.joined(separator: ",")
    }
}
