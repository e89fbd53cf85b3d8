/// Hugging Face's `BertPreTokenizer`: splits normalized text into words at whitespace (dropped)
/// and around every punctuation scalar (kept as a word of its own). Punctuation is ASCII
/// punctuation (which includes `$ + < = > ^ \` | ~`) or a Unicode P* category.
///
///     BertPreTokenizer.words("it's 3.5$!")   // ["it", "'", "s", "3", ".", "5", "$", "!"]
public enum BertPreTokenizer {
    public static func words(_ text: String) -> [[Unicode.Scalar]] {
        var words = [[Unicode.Scalar]]()
        var current = [Unicode.Scalar]()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { words.append(current); current = [] }
            } else if isPunctuation(scalar) {
                if !current.isEmpty { words.append(current); current = [] }
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    public static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
