import Foundation

/// The text clean-up of Hugging Face's `BertNormalizer` (tokenizers' `normalizers/bert.rs`), in
/// its order: drop NUL, U+FFFD and other-category scalars (Cc, Cf, Cn, Co, Cs, except tab, line
/// feed and carriage return), turn whitespace into a space, put spaces around CJK ideographs,
/// strip accents (NFD, then drop nonspacing marks, Mn), lower-case scalar by scalar.
///
///     BertNormalizer().normalize("Crème Brûlée\tau 東京")   // "creme brulee au  東  京 "
///
/// all-MiniLM-L6-v2's tokenizer.json: `clean_text`, `handle_chinese_chars` and `lowercase`
/// true, `strip_accents` null, which means "as lowercase": accents are stripped.
public struct BertNormalizer: Sendable, Hashable {
    public var lowercase: Bool
    public var stripAccents: Bool

    public init(lowercase: Bool = true, stripAccents: Bool? = nil) {
        self.lowercase = lowercase
        self.stripAccents = stripAccents ?? lowercase
    }

    public func normalize(_ text: String) -> String {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xfffd || Self.isControl(scalar) { continue }
            if Self.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if Self.isChineseCharacter(scalar) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        var result = String(cleaned)
        if stripAccents {
            var stripped = String.UnicodeScalarView()
            for scalar in result.decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.properties.generalCategory != .nonspacingMark {
                stripped.append(scalar)
            }
            result = String(stripped)
        }
        if lowercase {
            var lowered = ""
            for scalar in result.unicodeScalars { lowered += scalar.properties.lowercaseMapping }
            result = lowered
        }
        return result
    }

    /// Tab, line feed and carriage return, and every White_Space scalar.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }

    /// Other-category scalars (Cc, Cf, Cn, Co, Cs) except tab, line feed and carriage return.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate: return true
        default: return false
        }
    }

    /// The CJK Unified Ideographs blocks BERT splits one by one (U+4E00–9FFF, extensions A–E,
    /// compatibility ideographs): 東 U+6771 is one, the kana あ U+3042 is not.
    public static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
