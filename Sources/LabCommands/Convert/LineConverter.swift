import SoftFloat

/// Converts one input line of `convert` into a code of the target format.
///
/// Plain decimals take ``DecimalFastPath``, hex codes SoftFloat's ``CodeScanner`` directly;
/// every other line goes through `ExactNumber(parsing:)`. All three read with the same two
/// scanners, so a line means the same on every path. Stochastic rounding draws one value from
/// the seeded generator per line, whatever the line holds.
///
///     var converter = LineConverter(ConvertConfiguration(target: .float16))
///     try converter.convert("1/3")   // Rounded(bits: 0x3555, flags: .inexact)
public struct LineConverter {
    public let configuration: ConvertConfiguration
    private var random: SplitMix64

    public init(_ configuration: ConvertConfiguration) {
        self.configuration = configuration
        random = SplitMix64(seed: configuration.seed)
    }

    /// Converts a line given as text (for tests and small inputs).
    public mutating func convert(_ line: String) throws(LineFailure) -> Rounded {
        var line = line
        var result: Result<Rounded, LineFailure>!
        line.withUTF8 { bytes in
            do throws(LineFailure) {
                result = .success(try convert(bytes))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    /// Converts one line, without its `\n`. Surrounding spaces, tabs and a trailing `\r` are
    /// ignored; an empty line is an error.
    @inline(__always)
    public mutating func convert(_ rawLine: UnsafeBufferPointer<UInt8>) throws(LineFailure) -> Rounded {
        let line = try selected(rawLine)
        let draw = configuration.options.rounding == .stochastic ? random.next() : 0
        let target = configuration.target
        if let source = configuration.source {
            if configuration.container, let shift = source.float32ContainerShift {
                let text = try Self.checkedText(line)
                guard let code = try? FloatFormat.float32.parseCode(text) else {
                    throw LineFailure(reason: "expected a float32 container code of \(source.name) (8 hex digits)")
                }
                guard code & ((1 << UInt64(shift)) - 1) == 0 else {
                    throw LineFailure(reason: "not a \(source.name) code in a float32 container: its low \(shift) bits are not zero")
                }
                return source.convert(code >> UInt64(shift), to: target, options: configuration.options, random: draw)
            }
            if let code = try? CodeScanner.scan(line, from: 0, to: line.count), code & ~source.codeMask == 0 {
                return source.convert(code, to: target, options: configuration.options, random: draw)
            }
            let text = try Self.checkedText(line)
            do {
                let code = try source.parseCode(text)
                return source.convert(code, to: target, options: configuration.options, random: draw)
            } catch {
                throw LineFailure(reason: error.reason)
            }
        }
        if let rounded = DecimalFastPath.round(line, to: target, options: configuration.options, random: draw) {
            return rounded
        }
        let text = try Self.checkedText(line)
        do {
            return try target.round(text, options: configuration.options, random: draw)
        } catch {
            throw LineFailure(reason: error.reason)
        }
    }

    /// Converts one line to ``ConvertConfiguration/integerTarget`` (see ``IntegerRounding``).
    public mutating func convertToInteger(_ rawLine: UnsafeBufferPointer<UInt8>, type: IntegerFormat) throws(LineFailure) -> (value: Int64, flags: FloatFlags) {
        let line = try selected(rawLine)
        let draw = configuration.options.rounding == .stochastic ? random.next() : 0
        do {
            return try IntegerRounding(type, rounding: configuration.options.rounding).round(try Self.checkedText(line), random: draw)
        } catch let failure as LineFailure {
            throw failure
        } catch {
            throw LineFailure(reason: (error as? NumberSyntaxError)?.reason ?? "\(error)")
        }
    }

    /// The part of a line that holds the value: trimmed, and field ``ConvertConfiguration/column`` of it.
    func selected(_ rawLine: UnsafeBufferPointer<UInt8>) throws(LineFailure) -> UnsafeBufferPointer<UInt8> {
        let line = Self.trimmed(rawLine)
        guard let column = configuration.column else { return line }
        guard let field = Self.field(line, column: column) else {
            throw LineFailure(reason: "no field \(column) (--column counts comma-separated fields from 1)")
        }
        return field
    }

    /// Field `column` (1-based) of a comma-separated line, without the double quotes around it
    /// (a comma inside quotes does not split); nil when the line has fewer fields.
    ///
    ///     "a,\"1,5\",0.25" column 3 → "0.25"; column 2 → "1,5"; column 4 → nil
    static func field(_ line: UnsafeBufferPointer<UInt8>, column: Int) -> UnsafeBufferPointer<UInt8>? {
        var index = 1
        var start = 0
        var quoted = false
        for position in 0...line.count {
            let atEnd = position == line.count
            if !atEnd, line[position] == UInt8(ascii: "\"") { quoted.toggle() }
            guard atEnd || (!quoted && line[position] == UInt8(ascii: ",")) else { continue }
            if index == column {
                var field = UnsafeBufferPointer(rebasing: line[start..<position])
                field = trimmed(field)
                if field.count >= 2, field.first == UInt8(ascii: "\""), field.last == UInt8(ascii: "\"") {
                    field = UnsafeBufferPointer(rebasing: field[(field.startIndex + 1)..<(field.endIndex - 1)])
                }
                return field
            }
            index += 1
            start = position + 1
        }
        return nil
    }

    /// The line without leading and trailing spaces, tabs and carriage returns.
    @inline(__always)
    static func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = line.count
        func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }
        while start < end, isBlank(line[start]) { start += 1 }
        while end > start, isBlank(line[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: line[start..<end])
    }

    /// The line as text, after rejecting empty lines and bytes that no number contains
    /// (control characters, NUL, anything outside printable ASCII).
    static func checkedText(_ line: UnsafeBufferPointer<UInt8>) throws(LineFailure) -> String {
        guard !line.isEmpty else {
            throw LineFailure(reason: "empty line (every line must hold one value)")
        }
        if let bad = line.first(where: { $0 < 0x20 || $0 > 0x7e }) {
            let hex = String(bad, radix: 16)
            throw LineFailure(reason: "unexpected byte 0x\(hex.count < 2 ? "0" + hex : hex) (numbers are printable ASCII)")
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// How a line is shown in an error message: printable ASCII as is (a backslash doubled),
    /// every other byte as `\xNN`, and lines longer than 80 bytes cut to their first 60 with
    /// the length noted.
    public static func displayText(_ line: UnsafeBufferPointer<UInt8>) -> String {
        let limit = 80
        let shown = line.count > limit ? UnsafeBufferPointer(rebasing: line[..<60]) : line
        var text = ""
        for byte in shown {
            if byte == UInt8(ascii: "\\") {
                text += "\\\\"
            } else if byte >= 0x20 && byte <= 0x7e {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16)
                text += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        if line.count > limit { text += "... (\(line.count) bytes)" }
        return text
    }
}

/// Why one line could not be converted; ``ConvertStream`` adds the line number and text.
public struct LineFailure: Error, Equatable, Sendable {
    public let reason: String

    public init(reason: String) { self.reason = reason }
}
