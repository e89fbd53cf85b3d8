import LabCommands
import SoftFloat
import Testing
@testable import MatrixUnits

@Suite struct MatrixUnitLineEvaluatorTests {
    @Test func evaluatesALine() throws {
        var evaluator = MatrixUnitLineEvaluator(unit: try MatrixUnit.named("volta:mma.m8n8k4.f32.f16.f16.f32"))
        var output: [UInt8] = []
        try evaluator.process(Array("0x3c00 3c00 0 0 ; 3c00 0001 0 0 ; 0".utf8), into: &output)
        try evaluator.process(Array("3c00 0 0 0;3c00 0 0 0;3f800000\r".utf8), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "0x3f800000\n0x40000000\n")
    }

    /// The CPU units in line mode: bf16 A and B, f32 C and D (values in ``CPUUnitTests``).
    @Test func evaluatesCPUUnitLines() throws {
        var bfdot = MatrixUnitLineEvaluator(unit: try MatrixUnit.named("arm:bfdot"))
        var output: [UInt8] = []
        try bfdot.process(Array("3f81 0 ; 3f81 0 ; 4c000000".utf8), into: &output)   // round to odd: 2^25 + 4
        var amx = MatrixUnitLineEvaluator(unit: try MatrixUnit.named("amx:tdpbf16ps"))
        let a = (["4b80", "3f80", "cb80"] + Array(repeating: "0", count: 29)).joined(separator: " ")
        let b = (["3f80", "3f80", "3f80"] + Array(repeating: "0", count: 29)).joined(separator: " ")
        try amx.process(Array("\(a) ; \(b) ; 0".utf8), into: &output)               // even/odd chains: 1
        #expect(String(decoding: output, as: UTF8.self) == "0x4c000001\n0x3f800000\n")
        do {
            _ = try bfdot.evaluate(Array("3f80 ; 3f80 0 ; 0".utf8))
            Issue.record("accepted one A code for K = 2")
        } catch {
            #expect(error.description.contains("expected 2 hex codes of bfloat16 for A"), "\(error.description)")
        }
    }

    @Test(arguments: [
        ("3c00 3c00 0 ; 3c00 0001 0 0 ; 0", "expected 4 hex codes of float16 for A, found 3"),
        ("3c00 3c00 0 0 ; 3c00 0001 0 0", "3 sections"),
        ("3c00 3c00 0 0 ; 3c00 0001 0 zz ; 0", "B: cannot parse 'zz'"),
        ("3c00 3c00 0 0 ; 3c00 0001 0 0 ; 100000000", "C: cannot parse"),
    ])
    func malformedLinesNameTheLineAndTheProblem(line: String, fragment: String) throws {
        var evaluator = MatrixUnitLineEvaluator(unit: try MatrixUnit.named("volta:mma.m8n8k4.f32.f16.f16.f32"))
        _ = try evaluator.evaluate(Array("0 0 0 0 ; 0 0 0 0 ; 0".utf8))
        do {
            _ = try evaluator.evaluate(Array(line.utf8))
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.description.hasPrefix("line 2: "))
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    @Test func blockScaledLinesTakeTheScales() throws {
        var evaluator = MatrixUnitLineEvaluator(unit: try MatrixUnit.named("rtx-blackwell:mma.block_scale.m16n8k64.block16.f32.e2m1.e2m1.f32.ue8m0"))
        let ones = Array(repeating: "2", count: 64).joined(separator: " ")
        let d = try evaluator.evaluate(Array("\(ones) ; \(ones) ; 0 ; 7f 7f 7f 80 ; 7f 7f 7f 7f".utf8))
        #expect(d == 0x42a0_0000)  // 16 + 16 + 16 + 2·16 = 80
    }
}
