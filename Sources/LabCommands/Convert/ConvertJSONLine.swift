import ReportKit
import SoftFloat

/// One line of `convert --json`: a JSON object per input line (JSON Lines, so the command stays
/// a stream and every line parses on its own), members in a fixed order:
///
///     echo 0.1 | precision-lab convert --to float16 --json
///     {"bits": "0x2e66", "value": 0.0999755859375, "class": "normal", "flags": ["inexact"]}
///
/// `value` is the printed decimal of `--output value` (exact for formats of fewer than 32 bits, so a
/// float64 reader gets the stored value); NaN is `null`, ±∞ the strings `"inf"` and `"-inf"`
/// (JSON spells neither). `--output exact` adds `"exact"`, the exact decimal expansion as a
/// string. An integer target (`--to int8`) gives `{"bits": "0x7f", "value": 127, "flags": […]}`.
public enum ConvertJSONLine {
    /// The object for a float target's code (no trailing newline).
    ///
    ///     ConvertJSONLine.text(0x7c00, in: .float16, flags: [.overflow, .inexact], exact: false)
    ///     // {"bits": "0x7c00", "value": "inf", "class": "infinity", "flags": ["overflow", "inexact"]}
    ///
    /// - Parameter code: the code as `bits` prints it, when that is not `format.hexString(bits)`
    ///   (`--container`: tf32 1/3 as `0x3eaaa000`).
    public static func text(_ bits: UInt64, in format: FloatFormat, flags: FloatFlags, exact: Bool, code: String? = nil) -> String {
        let floatClass = format.classify(bits)
        var text = "{\"bits\": \"" + (code ?? format.hexString(bits)) + "\", \"value\": " + value(bits, in: format, floatClass)
        text += ", \"class\": \"" + floatClass.rawValue + "\""
        if exact { text += ", \"exact\": " + JSONText.string(format.exactDecimal(bits)) }
        return text + ", \"flags\": " + names(flags) + "}"
    }

    /// The object for an integer target: its two's-complement code, its value, its flags.
    public static func integerText(_ value: Int64, hex: String, flags: FloatFlags) -> String {
        "{\"bits\": \"" + hex + "\", \"value\": " + String(value) + ", \"flags\": " + names(flags) + "}"
    }

    private static func value(_ bits: UInt64, in format: FloatFormat, _ floatClass: FloatClass) -> String {
        switch floatClass {
        case .nan: return "null"
        case .infinity: return bits & format.signMask != 0 ? "\"-inf\"" : "\"inf\""
        default: return format.printedDecimal(bits)
        }
    }

    /// `["overflow", "inexact"]`, in ``SoftFloat/FloatFlags/names``' order; `[]` for none.
    private static func names(_ flags: FloatFlags) -> String {
        "[" + FloatFlags.names.filter { flags.contains($0.0) }.map { "\"" + $0.1 + "\"" }.joined(separator: ", ") + "]"
    }
}
