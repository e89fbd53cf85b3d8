/// Finds a character TOML does not allow where it stands, before the text reaches TOMLKit.
///
/// TOML 1.0 allows non-ASCII characters only inside strings and comments; bare keys, table
/// headers and values are printable ASCII (plus tab, CR and LF). TOMLKit's parser (toml++)
/// stops on an assertion, not an error, for some of these (table headers `[�parameters]` and
/// `[\u{19}parameters]`, found by `Scripts/fuzz spec`), so specs are screened here first. The scanner knows the four string kinds (an escaped
/// quote does not end a basic string; up to two quotes next to a closing `"""` or `'''`
/// belong to the string) and `#` comments; everything else is left to TOMLKit.
///
///     TOMLCharacterCheck.firstMisplaced(in: "title = \"1.75 × 2^8\"  # ≈ 448\n")  // nil
///     TOMLCharacterCheck.firstMisplaced(in: "[\u{FFFD}parameters]\n")             // (1, U+FFFD, .headerKey)
///     TOMLCharacterCheck.firstMisplaced(in: "a = 1 ×\n")                        // (1, U+00D7, .notPrintableASCII)
enum TOMLCharacterCheck {
    /// Why a character is refused.
    enum Problem: Sendable, Equatable {
        /// Not printable ASCII, tab, CR or LF, outside strings and comments.
        case notPrintableASCII
        /// A table header (`[`, `[[` or a `.` in one) not followed by a bare key character
        /// (A–Z a–z 0–9 _ -) or a quote: toml++ asserts on these (`[# `, found by the fuzzer).
        case headerKey
    }

    /// A–Z, a–z, 0–9, '_' and '-': TOML 1.0's bare key characters.
    static func isBareKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    /// The first character outside strings and comments that is not printable ASCII, tab, CR
    /// or LF, or a table header without a key where one must start, with its 1-based line.
    static func firstMisplaced(in text: String) -> (line: Int, scalar: Unicode.Scalar, problem: Problem)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        @inline(__always) func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        /// Skips a string whose opening delimiter starts at `index`.
        func skipString(_ quote: Unicode.Scalar) {
            let multiLine = at(1) == quote && at(2) == quote
            index += multiLine ? 3 : 1
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\n" {
                    line += 1
                    if !multiLine { index += 1; return }  // unterminated: TOMLKit reports it
                }
                if scalar == "\\" && quote == "\"" {
                    index += 2
                    if index - 1 < scalars.count && scalars[index - 1] == "\n" { line += 1 }
                    continue
                }
                if scalar == quote {
                    if !multiLine { index += 1; return }
                    if at(1) == quote && at(2) == quote {
                        index += 3
                        // `""""` or `"""""`: one or two quotes of content before the delimiter.
                        var extra = 0
                        while extra < 2 && at(0) == quote { index += 1; extra += 1 }
                        return
                    }
                }
                index += 1
            }
        }
        var atLineStart = true     // only spaces and tabs so far on this line
        var arrayDepth = 0         // inside a value's brackets, '[' opens an array, not a header
        var headerLine: Int?       // inside a `[table]` or `[[array]]` header
        var expectingKey = false   // after '[', '[[' or '.' in a header
        while index < scalars.count {
            let scalar = scalars[index]
            if headerLine != nil && expectingKey {
                if scalar == " " || scalar == "\t" { index += 1; continue }
                guard isBareKeyCharacter(scalar) || scalar == "\"" || scalar == "'" else {
                    return (line, scalar, .headerKey)
                }
                expectingKey = false
            }
            switch scalar {
            case "\n":
                line += 1
                index += 1
                atLineStart = true
                continue
            case " ", "\t":
                index += 1
                continue
            case "#":
                while index < scalars.count && scalars[index] != "\n" { index += 1 }
                continue
            case "\"", "'":
                skipString(scalar)
            case "[" where headerLine == nil && arrayDepth == 0 && atLineStart:
                headerLine = line
                expectingKey = true
                index += at(1) == "[" ? 2 : 1
            case "[" where headerLine == nil:
                arrayDepth += 1
                index += 1
            case "]" where headerLine != nil:
                headerLine = nil
                index += at(1) == "]" ? 2 : 1
            case "]":
                arrayDepth = max(0, arrayDepth - 1)
                index += 1
            case "." where headerLine != nil:
                expectingKey = true
                index += 1
            default:
                let printable = scalar.value >= 0x20 && scalar.value < 0x7F
                if !printable && scalar != "\r" { return (line, scalar, .notPrintableASCII) }
                index += 1
            }
            atLineStart = false
        }
        return nil
    }
}
