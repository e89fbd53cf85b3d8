import SoftFloat

/// Evaluates `arith` input one line at a time: parses hex codes, applies the operation and
/// formats the result, without allocating on the hot path. The CLI only moves bytes.
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
/// Stochastic rounding draws one word per line from ``StochasticRandom`` seeded with `seed`, so
/// a run is reproducible and line n's result depends only on the seed and n.
public struct ArithmeticLineEvaluator: Sendable {
    public let operation: ArithmeticOperation
    public let format: FloatFormat
    public let options: RoundingOptions
    public let includeFlags: Bool
    /// Lines processed so far (the next line's number is this plus one).
    public private(set) var lineCount = 0
    private var random: StochasticRandom
    private let digitCount: Int

    public init(operation: ArithmeticOperation, format: FloatFormat, options: RoundingOptions = .standard,
                seed: UInt64 = 0, includeFlags: Bool = false) {
        self.operation = operation
        self.format = format
        self.options = options
        self.includeFlags = includeFlags
        random = StochasticRandom(seed: seed)
        digitCount = format.hexDigitCount
    }

    /// Parses and evaluates one line (without its newline).
    public mutating func evaluate(_ line: some Collection<UInt8>) throws(ArithmeticLineError) -> Rounded {
        lineCount += 1
        var operands: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var value: UInt64 = 0
        var digits = 0
        var inToken = false
        var previous: UInt8 = 0
        var failure: String? = nil
        func finishToken() {
            guard inToken else { return }
            inToken = false
            if digits == 0 || digits > 16 || value & ~format.codeMask != 0 {
                failure = failure ?? "\(digits == 0 ? "empty" : "oversized") code for \(format.name)'s \(format.bitWidth) bits"
                return
            }
            switch count {
            case 0: operands.0 = value
            case 1: operands.1 = value
            case 2: operands.2 = value
            default: break
            }
            count += 1
        }
        for byte in line {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                finishToken()
            case UInt8(ascii: "x") where inToken && digits == 1 && value == 0 && previous == UInt8(ascii: "0"),
                 UInt8(ascii: "X") where inToken && digits == 1 && value == 0 && previous == UInt8(ascii: "0"):
                digits = 0  // the 0x prefix
            default:
                let nibble: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
                default:
                    failure = failure ?? "unexpected character '\(Character(Unicode.Scalar(byte)))'"
                    nibble = 0
                }
                if !inToken {
                    inToken = true
                    value = 0
                    digits = 0
                }
                value = value << 4 | UInt64(nibble)
                digits += 1
            }
            previous = byte
        }
        finishToken()
        if failure == nil && count != operation.arity {
            failure = "expected \(operation.arity) hex code\(operation.arity == 1 ? "" : "s") of \(format.name) separated by spaces"
        }
        if let failure {
            throw ArithmeticLineError(lineNumber: lineCount, line: String(decoding: line, as: UTF8.self), reason: failure)
        }
        let word = random.next()
        return operation.evaluate(operands.0, operands.1, operands.2, format: format, options: options, random: word)
    }

    /// Evaluates one line and appends the formatted result and a newline to `output`.
    public mutating func process(_ line: some Collection<UInt8>, into output: inout [UInt8]) throws(ArithmeticLineError) {
        let result = try evaluate(line)
        append(result, to: &output)
    }

    /// Appends `0x…` (padded to the format's width), the flags if requested, and a newline.
    public func append(_ result: Rounded, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "0"))
        output.append(UInt8(ascii: "x"))
        var shift = 4 * (digitCount - 1)
        while shift >= 0 {
            let nibble = UInt8(truncatingIfNeeded: result.bits >> UInt64(shift)) & 0xf
            output.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
            shift -= 4
        }
        if includeFlags {
            output.append(UInt8(ascii: " "))
            if result.flags.isEmpty {
                output.append(contentsOf: "none".utf8)
            } else {
                var first = true
                for (flag, name) in FloatFlags.names where result.flags.contains(flag) {
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
