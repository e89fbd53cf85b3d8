import Testing
import LabCommands
import SoftFloat

struct ArithmeticLineEvaluatorTests {
    func run(_ operation: ArithmeticOperation, _ format: FloatFormat, _ input: String, flags: Bool = false,
             options: RoundingOptions = .standard, seed: UInt64 = 0) throws(ArithmeticLineError) -> String {
        var evaluator = ArithmeticLineEvaluator(operation: operation, format: format, options: options, seed: seed, includeFlags: flags)
        var output: [UInt8] = []
        for line in input.split(separator: "\n", omittingEmptySubsequences: false) {
            try evaluator.process(Array(line.utf8), into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The issue's seed case: 10000 × 10000 overflows float16 and is 1e8 exactly in float32.
    @Test func seedCase() throws {
        #expect(try run(.multiply, .float16, "0x70e2 0x70e2") == "0x7c00\n")
        #expect(try run(.multiply, .float32, "0x461c4000 0x461c4000") == "0x4cbebc20\n")
        #expect(try run(.multiply, .float16, "0x70e2 0x70e2", flags: true) == "0x7c00 overflow,inexact\n")
        #expect(try run(.add, .float16, "3c00 3C00\r", flags: true) == "0x4000 none\n")
    }

    @Test func everyOperationAndPadding() throws {
        #expect(try run(.squareRoot, .float16, "0x4400") == "0x4000\n")
        #expect(try run(.fusedMultiplyAdd, .float16, "0x3c03 0x3c03 0xbc00", flags: true) == "0x1e02 inexact\n")
        #expect(try run(.remainder, .float16, "0x4700\t0x4000") == "0xbc00\n")
        #expect(try run(.minimum, .float16, "0x0000 0x8000\n0x3c00 0x7e00") == "0x8000\n0x7e00\n")
        #expect(try run(.maximumNumber, .float16, "0x3c00 0x7e00") == "0x3c00\n")
        #expect(try run(.divide, .tf32, "0x1fc00 0x20200") == "0x1f555\n")
        #expect(try run(.add, .float4_e2m1fn, "0x7 0x7", flags: true) == "0x07 overflow,inexact\n")  // 4-bit codes pad to 2 digits
        #expect(try run(.subtract, .float8_e8m0fnu, "0x7f 0x7f", flags: true) == "0xff invalid\n")
        #expect(ArithmeticOperation.allCases.map(\.rawValue) == ["add", "sub", "mul", "div", "sqrt", "fma", "rem", "min", "max", "min-number", "max-number", "neg", "abs", "round-to-integral"])
    }

    @Test func stochasticRunsAreReproducible() throws {
        let input = Array(repeating: "0x3c00 0x0c00", count: 64).joined(separator: "\n")
        let options = RoundingOptions(rounding: .stochastic)
        let first = try run(.add, .float16, input, options: options, seed: 7)
        #expect(first == (try run(.add, .float16, input, options: options, seed: 7)))
        #expect(Set(first.split(separator: "\n")) == ["0x3c00", "0x3c01"])
    }

    @Test(arguments: [
        ("0x3c00", 1, "expected 2 hex codes"), ("0x3c00 0x3c00 0x3c00", 1, "expected 2"), ("0x3c00 0xzz", 1, "unexpected character"),
        ("0x3c00 0x10000", 1, "oversized"), ("0x3c00 0x3c00\n\n", 2, "expected 2"), ("0x3c00 0x", 1, "empty"),
        ("0x3c00 x3c00", 1, "unexpected character 'x'"), ("0x3c00 3cx00", 1, "unexpected character 'x'"),
        ("0x3c00 0X3c0x", 1, "unexpected character 'x'"), ("0x3c00 0x0x5", 1, "unexpected character 'x'"),
        ("0x3c00 00000000000000003c00", 1, "oversized"), ("0xZZ 0x", 1, "unexpected character 'Z'"),
        ("0x 0xZZ", 1, "empty code"), ("+3c00 0x3c00", 1, "unexpected character '+'"),
    ])
    func malformedLinesNameTheLine(input: String, lineNumber: Int, reason: String) {
        do {
            _ = try run(.add, .float16, input)
            Issue.record("no error for \(input)")
        } catch {
            #expect(error.lineNumber == lineNumber && error.description.contains(reason), "\(error)")
        }
    }
}

/// neg, abs, round-to-integral, compare and convert-to-int, worked by hand (IEEE 754 §5.5.1,
/// §5.9, §5.11, §5.8).
struct ArithmeticRequestTests {
    func run(_ request: ArithmeticRequest, _ format: FloatFormat, _ input: String, rounding: RoundingMode = .nearestEven) throws(ArithmeticLineError) -> String {
        var evaluator = ArithmeticLineEvaluator(request: request, format: format, options: RoundingOptions(rounding: rounding), includeFlags: true)
        var output: [UInt8] = []
        for line in input.split(separator: "\n") { try evaluator.process(Array(line.utf8), into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func signOperationsRaiseNoFlags() throws {
        // −2 ↔ 2 (0xc000 ↔ 0x4000); −0 → +0; a NaN (0x7e00 quiet, 0x7d00 signaling) is returned as is.
        #expect(try run(.operation(.negate), .float16, "0x4000\n0x8000\n0x7d00") == "0xc000 none\n0x0000 none\n0x7d00 none\n")
        #expect(try run(.operation(.absoluteValue), .float16, "0xc000\n0x8000\n0xfc00") == "0x4000 none\n0x0000 none\n0x7c00 none\n")
        // e4m3fnuz has no −0: −(+0) stays +0 (0x80 is its NaN).
        #expect(try run(.operation(.negate), .float8_e4m3fnuz, "0x00\n0x80") == "0x00 none\n0x80 none\n")
    }

    @Test func roundToIntegralFollowsTheMode() throws {
        // 2.5 = 0x4100: nearest-even 2 (0x4000), up 3 (0x4200), toward zero 2; −0.25 up → −0.
        #expect(try run(.operation(.roundToIntegral), .float16, "0x4100") == "0x4000 inexact\n")
        #expect(try run(.operation(.roundToIntegral), .float16, "0x4100", rounding: .up) == "0x4200 inexact\n")
        #expect(try run(.operation(.roundToIntegral), .float16, "0xb400", rounding: .up) == "0x8000 inexact\n")
        #expect(try run(.operation(.roundToIntegral), .float16, "0x4200") == "0x4200 none\n")
    }

    @Test func compareIsQuiet() throws {
        #expect(try run(.compare, .float16, "0x3c00 0x4000\n0x4000 0x3c00\n0x8000 0x0000\n0x3c00 0x7e00\n0x3c00 0x7d00")
            == "less none\ngreater none\nequal none\nunordered none\nunordered invalid\n")
    }

    @Test func convertToIntegerSaturates() throws {
        // 2.5 → 2 (nearest-even); −129 (0xd808) → −128 for int8; 65504 → 65504; inf → int64 max.
        #expect(try run(.convertToInteger(.int64), .float16, "0x4100\n0x7bff\n0xfc00\n0x7e00")
            == "2 inexact\n65504 none\n-9223372036854775808 invalid\n0 invalid\n")
        #expect(try run(.convertToInteger(.int8), .float16, "0xd808\n0xd800") == "-128 invalid\n-128 none\n")
        #expect(try run(.convertToInteger(.uint8), .float16, "0x4100", rounding: .up) == "3 inexact\n")
        // 300.75 (0x5cb3) rounds to 301 and saturates: invalid alone, not inexact (IEEE 754 §7.2).
        #expect(try run(.convertToInteger(.int8), .float16, "0x5cb3") == "127 invalid\n")
    }

    @Test func namesAndArity() {
        #expect(ArithmeticRequest(name: "compare") == .compare)
        #expect(ArithmeticRequest(name: "convert-to-int", integer: .int8) == .convertToInteger(.int8))
        #expect(ArithmeticRequest(name: "round-to-integral")?.arity == 1)
        #expect(ArithmeticRequest(name: "compare")?.arity == 2)
        #expect(ArithmeticRequest(name: "frobnicate") == nil)
    }
}
