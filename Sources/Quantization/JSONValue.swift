import ReportKit
import SoftFloat

/// A minimal JSON tree whose numbers are kept as text, so that each can be written as its
/// format's printed decimal (Foundation's writer would reformat them): exact, or readable
/// back as the same float64, for formats of fewer than 32 bits; the shortest round-trip decimal
/// of float32 and float64.
///
///     JSONValue.object([("q", .array([.integer(28), .integer(-12)]))]).rendered()
///     // {
///     //   "q": [28, -12]
///     // }
///
/// Non-finite numbers, which JSON cannot spell: NaN is written as `null` (the contract of
/// issue #12), ±∞ as the strings "inf" and "-inf".
package indirect enum JSONValue: Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case number(String)
    case string(String)
    case bool(Bool)
    case null
    /// An array of `count` arrays made one at a time as they are written, so that a large
    /// matrix is never held as JSON values whole (a 1024 × 4096 `q` and `dequantized` would
    /// take hundreds of megabytes).
    case rows(count: Int, make: @Sendable (Int) -> JSONValue)
    /// An array of `count` numbers, each appended as UTF-8 bytes by `append` (laid out as an
    /// ``array(_:)`` of ``number(_:)``s): a matrix row written without a value or `String` per
    /// element.
    case numbers(count: Int, append: @Sendable (Int, inout [UInt8]) -> Void)
    /// ``numbers(count:append:)`` whose texts have at most `width` bytes, all written in place
    /// by one call of `write` ("1, -2, 3" without the brackets, through
    /// ``separated(_:to:_:)``; it returns the length): room for the whole row (`width` + 2
    /// bytes a number) is made at once, so an element costs no capacity check and no call
    /// through a closure (float32 values, integers, a ``JSONCodeTable``'s codes).
    case boundedNumbers(count: Int, width: Int, write: @Sendable (UnsafeMutablePointer<UInt8>) -> Int)

    package static func integer(_ value: Int64) -> JSONValue { .number(String(value)) }
    package static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A code as its format's printed decimal (mxfp6's scale 0.25 → 0.25, not the shortest
    /// 0.2); NaN as `null`, ±∞ as the strings "inf" and "-inf".
    static func code(_ bits: UInt64, _ format: FloatFormat) -> JSONValue {
        let text = format.printedDecimal(bits)
        switch text {
        case "nan": return .null
        case "inf", "-inf": return .string(text)
        default: return .number(text)
        }
    }

    /// Codes of one format as an array of ``code(_:_:)`` texts, appended as bytes (``numbers``;
    /// formats of 16 bits or fewer through a ``JSONCodeTable``): the scales, one per group,
    /// 131,072 of them for MX on a 1024 × 4096 matrix.
    static func codes(_ codes: [UInt64], _ format: FloatFormat) -> JSONValue {
        if format == .float32 {
            return .boundedNumbers(count: codes.count, width: float32Width) { out in
                codes.withUnsafeBufferPointer { codes in
                    separated(codes.count, to: out) { index, out in writeFloat32(UInt32(truncatingIfNeeded: codes[index]), to: out) }
                }
            }
        }
        if codes.count > 64, let table = JSONCodeTable(format, codes: codes) {
            return .boundedNumbers(count: codes.count, width: table.room) { out in
                codes.withUnsafeBufferPointer { codes in
                    separated(codes.count, to: out) { index, out in table.write(codes[index], to: out) }
                }
            }
        }
        return .numbers(count: codes.count) { index, bytes in appendCode(codes[index], format, to: &bytes) }
    }

    /// Integers as an array of ``integer(_:)`` texts, written in place (``boundedNumbers``):
    /// zero points, bitsandbytes' packed bytes (2 M for a 1024 × 4096 NF4 matrix).
    static func integers<Values: RandomAccessCollection & Sendable>(_ values: Values) -> JSONValue
    where Values.Element: BinaryInteger, Values.Index == Int {
        .boundedNumbers(count: values.count, width: integerWidth) { out in
            separated(values.count, to: out) { index, out in writeInteger(Int64(values[values.startIndex + index]), to: out) }
        }
    }

    /// Writes `count` numbers at `out`, the one at `index` by `element(index, cursor)` (which
    /// returns its length), with ", " between them, and returns the length: the body of every
    /// ``boundedNumbers(count:width:write:)``, inlined with its `element` so that a number
    /// costs no call. It writes ", " after the last number too (the room has it) and leaves
    /// it out of the length.
    ///
    ///     JSONValue.separated(3, to: out) { index, out in JSONValue.writeInteger(Int64(index) - 1, to: out) }
    ///     // 9: -1, 0, 1
    @inline(always)
    static func separated(_ count: Int, to out: UnsafeMutablePointer<UInt8>,
                          _ element: (Int, UnsafeMutablePointer<UInt8>) -> Int) -> Int {
        var cursor = out
        for index in 0..<count {
            cursor += element(index, cursor)
            cursor[0] = UInt8(ascii: ",")
            cursor[1] = UInt8(ascii: " ")
            cursor += 2
        }
        return count == 0 ? 0 : cursor - out - 2
    }

    /// A float64 value (the metrics) as its shortest decimal.
    package static func double(_ value: Double) -> JSONValue { code(value.bitPattern, .float64) }

    /// Objects one member per line; arrays of scalars on one line; arrays of arrays one
    /// inner array per line.
    package func rendered(indent: Int = 0) -> String {
        var text = ""
        write(to: &text, indent: indent)
        return text
    }

    /// Writes the document piece by piece (``rendered(indent:)``'s layout) to `sink`: the text is
    /// gathered as bytes and handed over in pieces of about 64 KiB (one `String` each), so a
    /// 1024 × 4096 matrix costs no `String` per number.
    package func write<Sink: TextOutputStream>(to sink: inout Sink, indent: Int = 0) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 17)
        append(to: &bytes, indent: indent) { full in
            sink.write(String(decoding: full, as: UTF8.self))
            full.removeAll(keepingCapacity: true)
        }
        if !bytes.isEmpty { sink.write(String(decoding: bytes, as: UTF8.self)) }
    }

    /// Appends the document's UTF-8 bytes to `bytes`; after each line of an array or object
    /// holding 64 KiB or more, calls `drain`, which takes the bytes away.
    func append(to bytes: inout [UInt8], indent: Int, drain: (inout [UInt8]) -> Void) {
        func appendLines(_ count: Int, open: UInt8, close: UInt8, _ element: (Int, inout [UInt8]) -> Void) {
            bytes.append(open)
            if count == 0 { return bytes.append(close) }
            bytes.append(UInt8(ascii: "\n"))
            for index in 0..<count {
                Self.appendIndent(indent + 1, to: &bytes)
                element(index, &bytes)
                if index + 1 < count { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "\n"))
                if bytes.count >= 1 << 16 { drain(&bytes) }
            }
            Self.appendIndent(indent, to: &bytes)
            bytes.append(close)
        }
        switch self {
        case .object(let members):
            appendLines(members.count, open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) { index, bytes in
                bytes.append(contentsOf: JSONText.string(members[index].0).utf8)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(UInt8(ascii: " "))
                members[index].1.append(to: &bytes, indent: indent + 1, drain: drain)
            }
        case .array(let elements):
            if elements.contains(where: \.isContainer) {
                appendLines(elements.count, open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { index, bytes in
                    elements[index].append(to: &bytes, indent: indent + 1, drain: drain)
                }
            } else {
                bytes.append(UInt8(ascii: "["))
                for (index, element) in elements.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(UInt8(ascii: " ")) }
                    element.append(to: &bytes, indent: indent, drain: drain)
                }
                bytes.append(UInt8(ascii: "]"))
            }
        case .numbers(let count, let appendNumber):
            bytes.append(UInt8(ascii: "["))
            for index in 0..<count {
                if index > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(UInt8(ascii: " ")) }
                appendNumber(index, &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .boundedNumbers(let count, let width, let write):
            bytes.append(UInt8(ascii: "["))
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: count * (width + 2)))
            let end = bytes.withUnsafeMutableBufferPointer { buffer in start + write(buffer.baseAddress! + start) }
            bytes.removeLast(bytes.count - end)
            bytes.append(UInt8(ascii: "]"))
        case .rows(let count, let make):
            appendLines(count, open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { index, bytes in
                make(index).append(to: &bytes, indent: indent + 1, drain: drain)
            }
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): bytes.append(contentsOf: JSONText.string(text).utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        }
    }

    private static func appendIndent(_ level: Int, to bytes: inout [UInt8]) {
        for _ in 0..<(2 * level) { bytes.append(UInt8(ascii: " ")) }
    }

    /// The longest integer text: "-9223372036854775808".
    static let integerWidth = 20

    /// Writes an integer's decimal text (what ``integer(_:)`` holds) at `out`, -12 → "-12",
    /// and returns its length (at most ``integerWidth``): a sign, then the digits in place,
    /// two at a time (``SoftFloat/DecimalDigits``).
    ///
    ///     JSONValue.writeInteger(-12, to: out)          // 3: -12
    ///     JSONValue.writeInteger(.min, to: out)         // 20: -9223372036854775808
    @inline(__always)
    static func writeInteger(_ value: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let negative = value < 0
        out.pointee = UInt8(ascii: "-")
        let sign = negative ? 1 : 0
        return sign &+ DecimalDigits.write(value.magnitude, to: out + sign)
    }

    /// The longest float32 text ``writeFloat32(_:to:)`` writes (``SoftFloat``'s 19 and room for
    /// the quotes of "-inf").
    static let float32Width = 24

    /// Writes ``code(_:_:)``'s text of a float32 at `out` (its shortest decimal, written in
    /// place; NaN as null, ±∞ as strings) and returns its length.
    ///
    ///     JSONValue.writeFloat32(0x3dcccccd, to: out)   // 3: 0.1
    ///     JSONValue.writeFloat32(0xff800000, to: out)   // 6: "-inf"
    ///     JSONValue.writeFloat32(0x7fc00000, to: out)   // 4: null
    static func writeFloat32(_ bits: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard bits & 0x7fff_ffff >= 0x7f80_0000 else { return Float32ShortestDecimal.write(bits, to: out) }
        if bits & 0x7fff_ffff > 0x7f80_0000 {
            for (offset, byte) in "null".utf8.enumerated() { out[offset] = byte }
            return 4
        }
        out.pointee = UInt8(ascii: "\"")
        let length = Float32ShortestDecimal.write(bits, to: out + 1)
        out[length + 1] = UInt8(ascii: "\"")
        return length + 2
    }

    /// Appends ``code(_:_:)``'s text: the format's printed decimal
    /// (``SoftFloat/FloatFormat/appendPrintedDecimal(_:to:)``), NaN as null, ±∞ as strings.
    static func appendCode(_ bits: UInt64, _ format: FloatFormat, to bytes: inout [UInt8]) {
        let start = bytes.count
        format.appendPrintedDecimal(bits, to: &bytes)
        let first = bytes[start]
        if first == UInt8(ascii: "n") {
            bytes.removeSubrange(start...)
            bytes.append(contentsOf: "null".utf8)
        } else if first == UInt8(ascii: "i")
            || (first == UInt8(ascii: "-") && bytes[start + 1] == UInt8(ascii: "i")) {
            bytes.insert(UInt8(ascii: "\""), at: start)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    var isContainer: Bool {
        switch self {
        case .object, .array, .rows: return true
        default: return false
        }
    }

}
