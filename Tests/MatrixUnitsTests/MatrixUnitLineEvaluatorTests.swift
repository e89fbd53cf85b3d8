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
