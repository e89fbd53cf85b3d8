import SoftFloat

/// `convert --to int8` (any of ``SoftFloat/IntegerFormat/builtIn``): a number rounded to an
/// integer with the rounding mode, then saturated to the type's range, as a quantizer's
/// `clamp(round(x))` does. NaN gives 0 (torch's `.to(torch.int8)` on CPU; numpy leaves it
/// undefined), ±inf the range's ends; the flags say what happened.
///
///     IntegerRounding(.int8).round("-300.5")                  // (-128, invalid): saturated, not inexact
///     IntegerRounding(.int8).round("2.5")                     // (2, inexact): half to even
///     IntegerRounding(.uint4, rounding: .up).round("0.01")    // (1, inexact)
///
/// The value is first rounded to float64 with round-to-odd (two extra bits), then to an
/// integer with the mode: one correct rounding for every |x| < 2^51 and every integer literal
/// (parsed exactly); beyond 2^51 a fraction in the text is below float64's resolution.
public struct IntegerRounding: Sendable {
    public let type: IntegerFormat
    public let rounding: RoundingMode

    public init(_ type: IntegerFormat, rounding: RoundingMode = .nearestEven) {
        self.type = type
        self.rounding = rounding
    }

    public func round(_ text: String, random: UInt64 = 0) throws(NumberSyntaxError) -> (value: Int64, flags: FloatFlags) {
        var (value, flags): (Int64, FloatFlags)
        if let exact = Int64(text.trimmingPrefix("+")) {
            (value, flags) = (exact, [])
        } else {
            let odd = try FloatFormat.float64.round(text, options: RoundingOptions(rounding: .odd))
            (value, flags) = FloatFormat.float64.convertToInt64(odd.bits, rounding: rounding, random: random)
            if odd.flags.contains(.inexact) { flags.insert(.inexact) }
            if FloatFormat.float64.isNaN(odd.bits) { return (0, .invalid) }
        }
        return saturated(value, flags)
    }

    /// The value clamped to the type's range; out of range, `invalid` alone (IEEE 754: an
    /// integer conversion that cannot be represented signals invalid, not inexact).
    /// A value already flagged invalid (beyond Int64, ±∞) is clamped and keeps `invalid` alone.
    func saturated(_ value: Int64, _ flags: FloatFlags) -> (value: Int64, flags: FloatFlags) {
        if value < type.min { return (type.min, .invalid) }
        if value > type.max { return (type.max, .invalid) }
        return (value, flags.contains(.invalid) ? .invalid : flags)
    }

    /// A code of `format` rounded to an integer with the mode and saturated (IEEE
    /// convertToIntegerExact, then the type's range): float16 0x4100 (2.5) → (2, inexact) in
    /// nearest-even, 0xd800 (−128) → (−128, []) for int8, 0xd808 (−129) → (−128, invalid);
    /// NaN → (0, invalid).
    public func round(code: UInt64, format: FloatFormat, random: UInt64 = 0) -> (value: Int64, flags: FloatFlags) {
        if format.isNaN(code) { return (0, .invalid) }
        let (value, flags) = format.convertToInt64(code, rounding: rounding, random: random)
        return saturated(value, flags)
    }

    /// The two's complement code in hex, zero-padded to the type's width: int8 −1 → `0xff`.
    public func hex(_ value: Int64) -> String {
        let digits = (type.bits + 3) / 4
        let mask: UInt64 = type.bits == 64 ? .max : (1 << UInt64(type.bits)) - 1
        let text = String(UInt64(bitPattern: value) & mask, radix: 16)
        return "0x" + String(repeating: "0", count: digits - text.count) + text
    }
}
