import SoftFloat

/// What `precision-lab inspect` shows: one value stored in several formats, with the bits,
/// the class, the exact stored value, the error against the exact input and the flags.
///
///     let report = try InspectReport(value: "1/3", formats: [.float16])
///     report.rows[0].hex            // "0x3555"
///     report.rows[0].binary         // "0 | 01101 | 0101010101"
///     report.rows[0].exactDecimal   // "0.333251953125"
///     report.rows[0].error.absolute // "-8.13802e-05"
///     report.rows[0].flags          // "inexact"
public struct InspectReport: Sendable {
    /// One format's view of the value.
    public struct Row: Sendable, Hashable {
        public var format: String
        public var bits: UInt64
        /// `0x` + lowercase hex, zero-padded to the format's width.
        public var hex: String
        /// `sign | exponent | mantissa`.
        public var binary: String
        public var floatClass: String
        /// The exact decimal expansion of the stored value.
        public var exactDecimal: String
        /// The shortest decimal that rounds back to the same code.
        public var shortestDecimal: String
        public var error: RoundingError
        /// Flags raised by the rounding: `inexact`, `overflow,inexact`, or `none`.
        public var flags: String

        /// The row of `code` of `format`, with its error and flags: the one place that turns a
        /// code into the text `inspect` shows (the explorer's decode view uses it too).
        ///
        ///     InspectReport.Row(code: 0x1d, of: .float8_e4m3fn, error: .exact, flags: "none").exactDecimal
        ///     // "0.1015625" = 13 × 2^-7
        public init(code: UInt64, of format: FloatFormat, error: RoundingError, flags: String) {
            self.format = format.name
            bits = code
            hex = format.hexString(code)
            binary = format.binaryFields(code)
            floatClass = format.classify(code).rawValue
            exactDecimal = format.exactDecimal(code)
            shortestDecimal = format.shortestDecimal(code)
            self.error = error
            self.flags = flags
        }
    }

    /// The formats shown when none are named.
    public static let defaultFormats: [FloatFormat] = [
        .float64, .float32, .tf32, .float16, .bfloat16, .float8_e4m3fn, .float8_e5m2,
    ]

    /// The input as given.
    public var value: String
    /// The format whose code `value` is, or nil for a number.
    public var source: FloatFormat?
    /// The exact value of a bit-pattern input (its exact decimal), or nil for a number.
    public var sourceValue: String?
    public var options: RoundingOptions
    public var seed: UInt64
    /// The input as read, and the formats shown, in order (one row each).
    public var input: Input
    public var formats: [FloatFormat]
    public var rows: [Row]
    /// Per format: next up/down, numpy's spacing, and the values just below and above the input.
    public var neighbors: [ValueNeighbors]

    /// VALUE, read once: a number's exact value, or a code of the `--from` format.
    public enum Input: Sendable, Hashable {
        case number(ExactNumber)
        case code(UInt64, of: FloatFormat)

        /// Reads `value` as a number, or with `source` as a hex code of that format.
        ///
        /// - Throws: ``NumberSyntaxError`` when `value` is malformed.
        public init(_ value: String, source: FloatFormat? = nil) throws(NumberSyntaxError) {
            if let source {
                self = .code(try source.parseCode(value), of: source)
            } else {
                self = .number(try ExactNumber(parsing: value))
            }
        }
    }

    /// Rounds `value` into each format, once, from its exact value.
    ///
    /// - Parameters:
    ///   - value: decimal, rational, hex-float, `inf`, `-inf` or `nan`; with `source`, a hex
    ///     code of that format (`0x` optional).
    ///   - formats: the formats to show, in order.
    ///   - options: rounding mode and overflow and subnormal policies.
    ///   - source: when set, `value` is a code of this format, converted rather than parsed.
    ///   - seed: seeds ``SplitMix64``; stochastic rounding draws once per format, in order.
    /// - Throws: ``NumberSyntaxError`` when `value` is malformed.
    public init(
        value: String, formats: [FloatFormat] = InspectReport.defaultFormats,
        options: RoundingOptions = .standard, source: FloatFormat? = nil, seed: UInt64 = 0
    ) throws(NumberSyntaxError) {
        self.init(value: value, input: try Input(value, source: source), formats: formats, options: options, seed: seed)
    }

    /// The report of an input already read (`value` is the text it was read from, for the header).
    public init(
        value: String, input: Input, formats: [FloatFormat] = InspectReport.defaultFormats,
        options: RoundingOptions = .standard, seed: UInt64 = 0
    ) {
        self.value = value
        self.options = options
        self.seed = seed
        self.input = input
        self.formats = formats
        var random = SplitMix64(seed: seed)
        let sourceCode: UInt64?
        let exact: ExactNumber
        switch input {
        case .code(let code, let source):
            self.source = source
            sourceCode = code
            sourceValue = source.exactDecimal(code)
            exact = ExactNumber(source.decode(code))
        case .number(let number):
            source = nil
            sourceCode = nil
            sourceValue = nil
            exact = number
        }
        var rows: [Row] = []
        var neighbors: [ValueNeighbors] = []
        for format in formats {
            let draw = options.rounding == .stochastic ? random.next() : 0
            let rounded: Rounded
            if let source, let sourceCode {
                rounded = source.convert(sourceCode, to: format, options: options, random: draw)
            } else {
                rounded = exact.rounded(to: format, options: options, random: draw)
            }
            rows.append(Row(code: rounded.bits, of: format, error: RoundingError(code: rounded.bits, of: format, against: exact),
                            flags: rounded.flags.description))
            neighbors.append(ValueNeighbors(stored: rounded.bits, input: exact.kind == .nan ? nil : exact, format: format))
        }
        self.rows = rows
        self.neighbors = neighbors
    }

    /// The report as plain text: a header, then one block per format.
    ///
    ///     1/3  (nearest-even, overflow default, subnormals keep)
    ///     errors are stored − exact; ulp errors count ulps of the stored value
    ///
    ///     float16
    ///       bits       0x3555
    ///       fields     0 | 01101 | 0101010101
    ///       ...
    ///       next up    0x3556 = 0.33349609375
    ///       next down  0x3554 = 0.3330078125
    ///       spacing    0.000244140625
    ///       below      0x3555 = 0.333251953125
    ///       above      0x3556 = 0.33349609375
    public func render() -> String {
        var text = value
        if let source, let sourceValue { text += " as \(source.name) bits = \(sourceValue)" }
        var settings = "\(options.rounding.rawValue), overflow \(options.overflow.rawValue), subnormals \(options.subnormals.rawValue)"
        if options.rounding == .stochastic { settings += ", seed \(seed)" }
        text += "  (\(settings))\n"
        text += "errors are stored − exact; ulp errors count ulps of the stored value; next up/down and spacing\n"
        text += "are numpy's nextafter(v, ±inf) and spacing(v); below/above: the nearest values < and > the input\n"
        for (index, row) in rows.enumerated() {
            let format = formats[index], near = neighbors[index]
            func code(_ bits: UInt64?) -> String { bits.map { "\(format.hexString($0)) = \(format.exactDecimal($0))" } ?? "none" }
            text += "\n\(row.format)\n"
            let lines: [(String, String)] = [
                ("bits", row.hex), ("fields", row.binary), ("class", row.floatClass),
                ("exact", row.exactDecimal), ("shortest", row.shortestDecimal),
                ("abs error", row.error.absolute), ("rel error", row.error.relative),
                ("ulp error", row.error.ulps), ("flags", row.flags),
                ("next up", code(near.nextUp)), ("next down", code(near.nextDown)),
                ("spacing", format.exactDecimal(near.spacing)),
                ("below", code(near.below)), ("above", code(near.above)),
            ]
            for (label, content) in lines {
                text += "  " + label + String(repeating: " ", count: 11 - label.count) + content + "\n"
            }
        }
        return text
    }
}
