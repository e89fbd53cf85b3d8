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
        #expect(ArithmeticOperation.allCases.map(\.rawValue) == ["add", "sub", "mul", "div", "sqrt", "fma", "rem", "min", "max", "min-number", "max-number"])
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
