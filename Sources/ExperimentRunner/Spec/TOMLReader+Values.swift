extension TOMLReader {
    /// One value at the current position; `depth` is the nesting it would have as a table or
    /// an array (checked against ``maximumDepth``).
    ///
    ///     "a\tb"  'C:\x'  """…"""  '''…'''  42  0xff  1_000  6.02e23  -inf  nan  true  [1, 2]  {x = 1}
    mutating func readValue(depth: Int) throws(SpecError) -> TOMLDraftValue {
        switch peek() {
        case UInt8(ascii: "\"")?:
            let startLine = line
            let multiline = peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"")
            index += multiline ? 3 : 1
            return .scalar(.string(Self.name(try readBasicString(multiline: multiline, startLine: startLine))))
        case UInt8(ascii: "'")?:
            let startLine = line
            let multiline = peek(1) == UInt8(ascii: "'") && peek(2) == UInt8(ascii: "'")
            index += multiline ? 3 : 1
            return .scalar(.string(Self.name(try readLiteralString(multiline: multiline, startLine: startLine))))
        case UInt8(ascii: "t")? where looksAt("true"):
            index += 4
            return .scalar(.bool(true))
        case UInt8(ascii: "f")? where looksAt("false"):
            index += 5
            return .scalar(.bool(false))
        case UInt8(ascii: "[")?:
            return try readArray(depth: depth)
        case UInt8(ascii: "{")?:
            return try readInlineTable(depth: depth)
        default:
            if looksAtDateOrTime() {
                throw SpecError(file: file, key: valuePath.isEmpty ? nil : Self.dotted(valuePath), line: line,
                                message: "dates and times are not used by any experiment; write a string or a number")
            }
            if let number = try readNumber() { return .scalar(number) }
            throw failure("expected a value (a string, number, boolean, array or inline table), found \(found)")
        }
    }

    // MARK: Strings

    /// The rest of a basic string `"…"` or `"""…"""` (the opening quotes are read), escapes
    /// resolved, as UTF-8. In a multi-line one a line feed right after the opening quotes is
    /// dropped, a backslash at the end of a line drops the line break and the blanks after it,
    /// and one or two quotes just before the closing three belong to the string.
    ///
    ///     "tab\there \u00D7 \U0001F600"   →  tab<TAB>here × 😀
    ///     """\n  one \\n  two"""          →  "  one two"  (with the line break after `\`)
    mutating func readBasicString(multiline: Bool, startLine: Int) throws(SpecError) -> [UInt8] {
        var result: [UInt8] = []
        if multiline && peek() == Self.lineFeed { advanceLine() }
        while true {
            guard let byte = peek() else { throw failure("the string has no closing quote", line: startLine) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                if !multiline { return result }
                if peek() == byte && peek(1) == byte {
                    index += 2
                    for _ in 0..<2 where peek() == byte {
                        result.append(byte)
                        index += 1
                    }
                    return result
                }
                result.append(byte)
            case UInt8(ascii: "\\"):
                try readEscape(into: &result, multiline: multiline, startLine: startLine)
            case Self.lineFeed where multiline:
                result.append(byte)
                advanceLine()
            case Self.lineFeed:
                throw failure("the string has no closing quote on its line", line: startLine)
            default:
                if Self.isControl(byte) { throw failure("\(found) in a string; write it as an escape (\\t, \\n, \\u0001, …)") }
                result.append(byte)
                index += 1
            }
        }
    }

    /// An escape after `\`: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`, and in multi-line strings
    /// a line-ending backslash.
    private mutating func readEscape(into result: inout [UInt8], multiline: Bool, startLine: Int) throws(SpecError) {
        index += 1
        guard let byte = peek() else { throw failure("the string has no closing quote", line: startLine) }
        index += 1
        switch byte {
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "t"): result.append(Self.tab)
        case UInt8(ascii: "n"): result.append(Self.lineFeed)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "r"): result.append(Self.carriageReturn)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): result.append(byte)
        case UInt8(ascii: "u"): try readHexScalar(digits: 4, into: &result)
        case UInt8(ascii: "U"): try readHexScalar(digits: 8, into: &result)
        case Self.space where multiline, Self.tab where multiline, Self.lineFeed where multiline:
            if byte == Self.lineFeed {
                line += 1
            } else {
                skipSpaces()
                guard peek() == Self.lineFeed else {
                    guard peek() != nil else { throw failure("the string has no closing quote", line: startLine) }
                    throw failure("a backslash followed by a space must end the line (a line-ending backslash), found \(found)")
                }
                advanceLine()
            }
            while let next = peek(), next == Self.space || next == Self.tab || next == Self.lineFeed {
                if next == Self.lineFeed { advanceLine() } else { index += 1 }
            }
        default:
            index -= 1
            throw failure("unknown escape: a backslash followed by \(found) (write \\\\ for a backslash)")
        }
    }

    /// `digits` hex digits naming a Unicode scalar value, appended as UTF-8.
    private mutating func readHexScalar(digits: Int, into result: inout [UInt8]) throws(SpecError) {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = peek(), let digit = Self.digitValue(byte), digit < 16 else {
                throw failure("\\u needs 4 hex digits and \\U 8, found \(found)")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw failure("the escape names U+\(String(value, radix: 16, uppercase: true)), which is not a Unicode scalar value")
        }
        UTF8.encode(scalar) { result.append($0) }
    }

    /// The rest of a literal string `'…'` or `'''…'''` (the opening quotes are read): the text
    /// as written, no escapes; the multi-line rules of ``readBasicString(multiline:startLine:)``
    /// for the first line feed and the closing quotes.
    mutating func readLiteralString(multiline: Bool, startLine: Int) throws(SpecError) -> [UInt8] {
        if multiline && peek() == Self.lineFeed { advanceLine() }
        let start = index
        while true {
            guard let byte = peek() else { throw failure("the string has no closing quote", line: startLine) }
            if byte == UInt8(ascii: "'") {
                if !multiline {
                    index += 1
                    return Array(bytes[start..<index - 1])
                }
                if peek(1) == byte && peek(2) == byte {
                    var end = index
                    index += 3
                    for _ in 0..<2 where peek() == byte {
                        end += 1
                        index += 1
                    }
                    return Array(bytes[start..<end])
                }
            } else if byte == Self.lineFeed {
                guard multiline else { throw failure("the string has no closing quote on its line", line: startLine) }
                line += 1
            } else if Self.isControl(byte) {
                throw failure("\(found) in a literal string (control characters other than tab are not allowed)")
            }
            index += 1
        }
    }

    // MARK: Numbers

    /// Whether the text here starts like a date (`1979-`) or a time (`07:`).
    private func looksAtDateOrTime() -> Bool {
        let digits = (0..<4).prefix { offset in peek(offset).flatMap(Self.digitValue).map { $0 < 10 } ?? false }.count
        return (digits == 4 && peek(4) == UInt8(ascii: "-")) || (digits >= 2 && peek(2) == UInt8(ascii: ":"))
    }

    /// An integer or a float, or nil when the text here does not start like one. Whatever
    /// follows the number is the caller's to check (`1_` and `1.e5` are errors there).
    ///
    ///     +42  0  -17  1_000  0xDEAD_beef  0o755  0b1101  3.14  -0.0  5e+22  1E06  6.626e-34  inf  -inf  +nan
    ///     9223372036854775808   → an error (TOML integers are 64-bit)
    private mutating func readNumber() throws(SpecError) -> SpecValue? {
        var text: [UInt8] = []
        if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            text.append(sign)
            index += 1
        }
        let negative = text.first == UInt8(ascii: "-")
        if looksAt("inf") || looksAt("nan") {
            let isInfinity = looksAt("inf")
            index += 3
            let magnitude = isInfinity ? Double.infinity : Double.nan
            return .float(negative ? -magnitude : magnitude)
        }
        guard let first = peek(), let firstDigit = Self.digitValue(first), firstDigit < 10 else {
            index -= text.count
            return nil
        }
        if text.isEmpty, first == UInt8(ascii: "0"), let prefix = peek(1),
           let radix = [UInt8(ascii: "x"): 16, UInt8(ascii: "o"): 8, UInt8(ascii: "b"): 2][prefix] {
            index += 2
            let digits = try readDigits(radix: radix)
            guard let value = Int(Self.name(digits), radix: radix) else {
                throw failure("the integer 0\(Character(Unicode.Scalar(prefix)))\(Self.name(digits)) does not fit in 64 bits")
            }
            return .integer(value)
        }
        if first == UInt8(ascii: "0") {
            text.append(first)
            index += 1
        } else {
            text += try readDigits(radix: 10)
        }
        var isFloat = false
        if peek() == UInt8(ascii: "."), let next = peek(1), Self.digitValue(next).map({ $0 < 10 }) ?? false {
            index += 1
            text.append(UInt8(ascii: "."))
            text += try readDigits(radix: 10)
            isFloat = true
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            index += 1
            text.append(UInt8(ascii: "e"))
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                text.append(sign)
                index += 1
            }
            text += try readDigits(radix: 10)
            isFloat = true
        }
        if isFloat {
            guard let value = Double(Self.name(text)) else { throw failure("cannot read the float \(Self.name(text))") }
            return .float(value)
        }
        guard let value = Int(Self.name(text)) else { throw failure("the integer \(Self.name(text)) does not fit in 64 bits") }
        return .integer(value)
    }

    /// Digits of `radix`, at least one, with single underscores between digits (dropped).
    private mutating func readDigits(radix: Int) throws(SpecError) -> [UInt8] {
        var digits: [UInt8] = []
        while let byte = peek() {
            if let digit = Self.digitValue(byte), digit < radix {
                digits.append(byte)
                index += 1
            } else if byte == UInt8(ascii: "_"), !digits.isEmpty, let next = peek(1), let digit = Self.digitValue(next), digit < radix {
                index += 1
            } else {
                break
            }
        }
        guard !digits.isEmpty else { throw failure("expected a digit, found \(found)") }
        return digits
    }

    /// 0–9, then a/A = 10 … f/F = 15; nil for other bytes.
    static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    // MARK: Arrays and inline tables

    /// `[v, v, …]`: line breaks, comments and a trailing comma allowed.
    private mutating func readArray(depth: Int) throws(SpecError) -> TOMLDraftValue {
        try checkDepth(depth)
        index += 1
        var items: [TOMLDraftValue] = []
        let base = valuePath.last ?? ""
        try skipBlankLines()
        while peek() != UInt8(ascii: "]") {
            if !valuePath.isEmpty { valuePath[valuePath.count - 1] = base + "[\(items.count)]" }
            items.append(try readValue(depth: depth + 1))
            try skipBlankLines()
            if peek() == UInt8(ascii: ",") {
                index += 1
                try skipBlankLines()
            } else if peek() != UInt8(ascii: "]") {
                throw failure("expected ',' or ']' after an array element, found \(found)")
            }
        }
        index += 1
        if !valuePath.isEmpty { valuePath[valuePath.count - 1] = base }
        return .array(items)
    }

    /// `{k = v, a.b = v}` on one line (values may span lines), no trailing comma; complete as
    /// written (no header or dotted key outside may add to it).
    private mutating func readInlineTable(depth: Int) throws(SpecError) -> TOMLDraftValue {
        try checkDepth(depth)
        let table = tables.count
        tables.append(TOMLDraftTable(origin: .inline, line: line, depth: depth))
        index += 1
        skipSpaces()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .table(table)
        }
        let path = valuePath
        while true {
            try readKeyValue(into: table, path: path)
            skipSpaces()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return .table(table)
            }
            guard peek() == UInt8(ascii: ",") else { throw failure("expected ',' or '}' in an inline table, found \(found)") }
            index += 1
            skipSpaces()
        }
    }

    /// Refuses nesting deeper than ``maximumDepth``.
    func checkDepth(_ depth: Int) throws(SpecError) {
        guard depth <= Self.maximumDepth else {
            throw failure("tables and arrays nested more than \(Self.maximumDepth) deep")
        }
    }
}
