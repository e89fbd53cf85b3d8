import MatrixUnits
import SoftFloat

/// Evaluates `mma --unit U` input one line at a time.
///
/// A line is `a_1 … a_K ; b_1 … b_K ; c` — hex codes of the unit's A, B and C types (`0x`
/// optional; tf32/xf32 operands as float32 codes), exactly K of a and of b — and for block-scaled
/// units two more sections, `; sa_1 … sa_{K/block} ; sb_1 … sb_{K/block}`. The output line is
/// D's code as `convert` prints it (`0x3f800000`).
///
///     var evaluator = MatrixUnitLineEvaluator(unit: try MatrixUnit.named("volta:mma.m8n8k4.f32.f16.f16.f32"))
///     var output: [UInt8] = []
///     // 1·1 + 1·2^-24 + 0 + 0 with c = 0: 2^-24 lies below 23 kept bits → 1.0
///     try evaluator.process(Array("3c00 3c00 0 0 ; 3c00 0001 0 0 ; 0".utf8), into: &output)
///     String(decoding: output, as: UTF8.self)   // "0x3f800000\n"
///
/// A malformed line throws ``ArithmeticLineError`` naming the line number and what is wrong.
public struct MatrixUnitLineEvaluator: Sendable {
    public let engine: DotProductEngine
    /// Lines processed so far.
    public private(set) var lineCount = 0
    private var a: [UInt64] = []
    private var b: [UInt64] = []
    private var scalesA: [UInt64] = []
    private var scalesB: [UInt64] = []

    public init(unit: MatrixUnit) {
        engine = DotProductEngine(unit: unit)
    }

    /// Parses and evaluates one line (without its newline); returns D's code.
    public mutating func evaluate(_ line: some Collection<UInt8>) throws(ArithmeticLineError) -> UInt64 {
        lineCount += 1
        let unit = engine.unit
        let text = String(decoding: line, as: UTF8.self)
        func failure(_ reason: String) -> ArithmeticLineError {
            ArithmeticLineError(lineNumber: lineCount, line: text, reason: reason)
        }
        let sections = text.split(separator: ";", omittingEmptySubsequences: false)
        let expected = unit.scale == nil ? 3 : 5
        guard sections.count == expected else {
            throw failure(unit.scale == nil
                ? "expected 'a_1 … a_\(unit.k) ; b_1 … b_\(unit.k) ; c' (3 sections separated by ';'), found \(sections.count)"
                : "expected 'a_1 … a_\(unit.k) ; b_1 … b_\(unit.k) ; c ; sa_1 … sa_\(unit.scaleCount) ; sb_1 … sb_\(unit.scaleCount)' (5 sections separated by ';'), found \(sections.count)")
        }
        func codes(_ section: Substring, _ format: FloatFormat, count: Int, role: String,
                   into values: inout [UInt64]) throws(ArithmeticLineError) {
            values.removeAll(keepingCapacity: true)
            for token in section.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
                do {
                    values.append(try format.parseCode(token))
                } catch {
                    throw failure("\(role): \(error.description)")
                }
            }
            guard values.count == count else {
                throw failure("expected \(count) hex code\(count == 1 ? "" : "s") of \(format.name) for \(role), found \(values.count)")
            }
        }
        try codes(sections[0], unit.a, count: unit.k, role: "A", into: &a)
        try codes(sections[1], unit.b, count: unit.k, role: "B", into: &b)
        var cCode: [UInt64] = []
        try codes(sections[2], unit.c, count: 1, role: "C", into: &cCode)
        if let scale = unit.scale {
            try codes(sections[3], scale.format, count: unit.scaleCount, role: "the scales of A", into: &scalesA)
            try codes(sections[4], scale.format, count: unit.scaleCount, role: "the scales of B", into: &scalesB)
        }
        return engine.evaluate(a: a, b: b, c: cCode[0], scalesA: scalesA, scalesB: scalesB)
    }

    /// Evaluates one line and appends D's code (`0x…`, padded like `convert`) and a newline.
    public mutating func process(_ line: some Collection<UInt8>, into output: inout [UInt8]) throws(ArithmeticLineError) {
        let code = try evaluate(line)
        output.append(contentsOf: engine.unit.d.hexString(code).utf8)
        output.append(UInt8(ascii: "\n"))
    }
}
