import SoftFloat

/// Evaluates `arith` input one line at a time: reads hex codes (with SoftFloat's one
/// ``CodeScanner``), applies the operation and formats the result, without allocating on the
/// hot path. The CLI only moves bytes.
///
///     var evaluator = ArithmeticLineEvaluator(operation: .multiply, format: .float16, includeFlags: true)
///     var output: [UInt8] = []
///     try evaluator.process(Array("0x70e2 0x70e2".utf8), into: &output)
///     String(decoding: output, as: UTF8.self)   // "0x7c00 overflow,inexact\n"
///
/// Input: the operation's `arity` codes in hex (`0x` optional, any case), separated by spaces
/// or tabs; a trailing `\r` is ignored. Output: the result padded to the format's width as
/// ``FloatFormat/hexString(_:)`` writes it, then — with `includeFlags` — a space and the raised
/// flags as ``FloatFlags/description`` names them (`none` when no flag was raised).
///
/// With `readsValues`, operands are numbers instead (decimal, rational `1/3`, hex-float, `inf`,
/// `nan`), each rounded once into the format with the same options; `output` chooses the
/// code (`bits`), the printed value (`value`) or the exact decimal (`exact`), as `convert` does:
///
///     var decimal = ArithmeticLineEvaluator(operation: .add, format: .float16, readsValues: true, output: .value)
///     // "0.1 0.2" → "0.2999267578125" (0x2e66 + 0x3266 = 0x34cc)
///
/// Besides the operations, a ``ArithmeticRequest`` can be a comparison (`compare`: `less`,
/// `equal`, `greater` or `unordered`) or a conversion to an integer type (`convert-to-int`: the
/// decimal integer); `output` does not apply to them, the flags do:
///
///     var compare = ArithmeticLineEvaluator(request: .compare, format: .float16, includeFlags: true)
///     // "0x3c00 0x7e00" → "unordered none" (a quiet NaN); "0x8000 0x0000" → "equal none"
///
/// Stochastic rounding draws one word per line from ``SplitMix64`` seeded with `seed`, so
/// a run is reproducible and line n's result depends only on the seed and n.
public struct ArithmeticLineEvaluator: Sendable {
    public let request: ArithmeticRequest
    public let format: FloatFormat
    public let options: RoundingOptions
    public let includeFlags: Bool
    /// Operands are numbers rounded into the format, not hex codes.
    public let readsValues: Bool
    public let output: ConvertOutput
    /// Lines processed so far (the next line's number is this plus one).
    public private(set) var lineCount = 0
    private var random: SplitMix64
    private let digitCount: Int

    public init(operation: ArithmeticOperation, format: FloatFormat, options: RoundingOptions = .standard,
                seed: UInt64 = 0, includeFlags: Bool = false, readsValues: Bool = false, output: ConvertOutput = .bits) {
        self.init(request: .operation(operation), format: format, options: options, seed: seed,
                  includeFlags: includeFlags, readsValues: readsValues, output: output)
    }

    public init(request: ArithmeticRequest, format: FloatFormat, options: RoundingOptions = .standard,
                seed: UInt64 = 0, includeFlags: Bool = false, readsValues: Bool = false, output: ConvertOutput = .bits) {
        self.request = request
        self.format = format
        self.options = options
        self.includeFlags = includeFlags
        self.readsValues = readsValues
        self.output = output
        random = SplitMix64(seed: seed)
        digitCount = format.hexDigitCount
    }

    /// Parses and evaluates one line (without its newline) of an operation request; a
    /// comparison or integer conversion returns its operand unchanged (``process(_:into:)``
    /// prints those).
    public mutating func evaluate(_ line: some Collection<UInt8>) throws(ArithmeticLineError) -> Rounded {
        let (operands, word) = try read(line)
        guard case .operation(let operation) = request else { return Rounded(bits: operands.0) }
        return operation.evaluate(operands.0, operands.1, operands.2, format: format, options: options, random: word)
    }

    /// The operands of one line and its random word.
    mutating func read(_ line: some Collection<UInt8>) throws(ArithmeticLineError) -> (operands: (UInt64, UInt64, UInt64), word: UInt64) {
        lineCount += 1
        let arity = request.arity
        let format = format
        let word = random.next()
        let read: (operands: (UInt64, UInt64, UInt64), count: Int, failure: String?)
        if readsValues {
            read = Self.values(in: String(decoding: line, as: UTF8.self), format: format, options: options, random: word)
        } else {
            read = line.withContiguousStorageIfAvailable { Self.operands(in: $0, format: format) }
                ?? Array(line).withUnsafeBufferPointer { Self.operands(in: $0, format: format) }
        }
        var failure = read.failure
        if failure == nil && read.count != arity {
            let what = readsValues ? "number" : "hex code"
            failure = "expected \(arity) \(what)\(arity == 1 ? "" : "s") of \(format.name) separated by spaces"
        }
        if let failure {
            throw ArithmeticLineError(lineNumber: lineCount, line: String(decoding: line, as: UTF8.self), reason: failure)
        }
        return (read.operands, word)
    }

    /// Splits a line at spaces, tabs and carriage returns and reads each piece with the one
    /// ``CodeScanner``: the first three codes, how many pieces there were, and the first
    /// problem (left to right) in words.
    static func operands(in line: UnsafeBufferPointer<UInt8>, format: FloatFormat)
        -> (operands: (UInt64, UInt64, UInt64), count: Int, failure: String?) {
        var operands: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var index = 0
        func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        }
        while index < line.count {
            guard !isBlank(line[index]) else { index += 1; continue }
            let start = index
            while index < line.count, !isBlank(line[index]) { index += 1 }
            let code: UInt64
            do {
                code = try CodeScanner.scan(line, from: start, to: index)
            } catch {
                switch error {
                case .unexpected(let byte) where byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/"):
                    return (operands, count, "unexpected character '\(Character(Unicode.Scalar(byte)))': operands are hex codes of \(format.name); for numbers such as 1.5 or 1/3 add --input value")
                case .unexpected(let byte): return (operands, count, "unexpected character '\(Character(Unicode.Scalar(byte)))'")
                case .noDigits: return (operands, count, "empty code for \(format.name)'s \(format.bitWidth) bits")
                case .tooManyDigits: return (operands, count, "oversized code for \(format.name)'s \(format.bitWidth) bits")
                }
            }
            guard code & ~format.codeMask == 0 else {
                return (operands, count, "oversized code for \(format.name)'s \(format.bitWidth) bits")
            }
            switch count {
            case 0: operands.0 = code
            case 1: operands.1 = code
            case 2: operands.2 = code
            default: break
            }
            count += 1
        }
        return (operands, count, nil)
    }

    /// Splits a line at blanks and rounds each number into the format (``readsValues``): the
    /// first three codes, how many numbers there were, and the first problem in words.
    static func values(in line: String, format: FloatFormat, options: RoundingOptions, random: UInt64)
        -> (operands: (UInt64, UInt64, UInt64), count: Int, failure: String?) {
        var codes: [UInt64] = []
        for piece in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
            do {
                codes.append(try format.round(piece, options: options, random: random).bits)
            } catch {
                return ((0, 0, 0), codes.count, "cannot parse '\(piece)': \(error)")
            }
        }
        func code(_ index: Int) -> UInt64 { index < codes.count ? codes[index] : 0 }
        return ((code(0), code(1), code(2)), codes.count, nil)
    }

    /// Evaluates one line and appends the formatted result and a newline to `output`.
    public mutating func process(_ line: some Collection<UInt8>, into output: inout [UInt8]) throws(ArithmeticLineError) {
        switch request {
        case .operation:
            append(try evaluate(line), to: &output)
        case .compare:
            let (operands, _) = try read(line)
            let (result, flags) = format.compare(operands.0, operands.1)
            output.append(contentsOf: result.rawValue.utf8)
            appendFlags(flags, to: &output)
        case .convertToInteger(let type):
            let (operands, word) = try read(line)
            let (value, flags) = IntegerRounding(type, rounding: options.rounding).round(code: operands.0, format: format, random: word)
            output.append(contentsOf: String(value).utf8)
            appendFlags(flags, to: &output)
        }
    }

    /// Appends `0x…` (padded to the format's width) or the value, the flags if requested, and a
    /// newline.
    public func append(_ result: Rounded, to output: inout [UInt8]) {
        switch self.output {
        case .bits:
            output.append(UInt8(ascii: "0"))
            output.append(UInt8(ascii: "x"))
            var shift = 4 * (digitCount - 1)
            while shift >= 0 {
                let nibble = UInt8(truncatingIfNeeded: result.bits >> UInt64(shift)) & 0xf
                output.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
                shift -= 4
            }
        case .value: output.append(contentsOf: format.printedDecimal(result.bits).utf8)
        case .exact: output.append(contentsOf: format.exactDecimal(result.bits).utf8)
        }
        appendFlags(result.flags, to: &output)
    }

    /// Appends ` flags` (with ``includeFlags``) and the newline.
    func appendFlags(_ flags: FloatFlags, to output: inout [UInt8]) {
        if includeFlags {
            output.append(UInt8(ascii: " "))
            if flags.isEmpty {
                output.append(contentsOf: "none".utf8)
            } else {
                var first = true
                for (flag, name) in FloatFlags.names where flags.contains(flag) {
                    if !first { output.append(UInt8(ascii: ",")) }
                    output.append(contentsOf: name.utf8)
                    first = false
                }
            }
        }
        output.append(UInt8(ascii: "\n"))
    }

    /// The formatted result of one line as text, without the newline: `0x7c00 overflow,inexact`.
    public func format(_ result: Rounded) -> String {
        var bytes: [UInt8] = []
        append(result, to: &bytes)
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }
}
