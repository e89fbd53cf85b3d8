import Testing
import LabCommands
import SoftFloat

/// `arith --input value --output value|exact`: numbers rounded once into the format, results
/// printed as values. Expected results worked by hand.
@Suite struct ArithmeticValueInputTests {
    func run(_ line: String, _ operation: ArithmeticOperation, _ format: FloatFormat, output: ConvertOutput) throws -> String {
        var evaluator = ArithmeticLineEvaluator(operation: operation, format: format, includeFlags: true, readsValues: true, output: output)
        var bytes: [UInt8] = []
        try evaluator.process(Array(line.utf8), into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func decimalOperands() throws {
        // 0.1 → 0x2e66 = 0.0999755859375, 0.2 → 0x3266 = 0.199951171875; the sum
        // 0.2999267578125 = 1228.5 × 2^-12 ties to even 1228 × 2^-12 = 0.2998046875.
        #expect(try run("0.1 0.2", .add, .float16, output: .value) == "0.2998046875 inexact\n")
        // 1/3 → bfloat16 0.333984375; × 3 = 1.001953125 rounds to 1 (step 2^-7).
        #expect(try run("1/3 3", .multiply, .bfloat16, output: .exact) == "1 inexact\n")
        // e4m3fn: 448 × 2 overflows to NaN (no infinity); 0x1.8p-3 = 0.1875 is exact.
        #expect(try run("448 2", .multiply, .float8_e4m3fn, output: .bits) == "0x7f overflow,inexact\n")
        #expect(try run("0x1.8p-3", .squareRoot, .float32, output: .value) == "0.4330127 inexact\n")
    }

    @Test func hexCodeInputExplainsDecimalPoint() {
        var evaluator = ArithmeticLineEvaluator(operation: .add, format: .float16)
        var bytes: [UInt8] = []
        #expect(throws: ArithmeticLineError.self) { try evaluator.process(Array("1.5 2.0".utf8), into: &bytes) }
        do {
            try evaluator.process(Array("1.5 2.0".utf8), into: &bytes)
        } catch {
            #expect(error.description.contains("operands are hex codes of float16; for numbers such as 1.5 or 1/3 add --input value"))
        }
    }

    @Test func unparsableNumberNamesIt() {
        var evaluator = ArithmeticLineEvaluator(operation: .add, format: .float16, readsValues: true)
        var bytes: [UInt8] = []
        do {
            try evaluator.process(Array("1.5 abc".utf8), into: &bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("line 1: cannot parse 'abc'"))
        }
    }
}
