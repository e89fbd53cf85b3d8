@testable import ExperimentRunner
import Quantization
import SoftFloat
import Testing

/// The matmul-error kind: outliers break vector-wise int8, LLM.int8's decomposition repairs it,
/// and the soft-float matmul rounds where it says it does.
@Suite("matmul-error")
struct MatmulExperimentTests {
    static func experiment(_ parameters: String) throws -> MatmulErrorExperiment {
        try MatmulErrorExperiment(spec: SpecLoader.parse(text: "kind = \"matmul-error\"\n[parameters]\n" + parameters, name: "m", file: "m.toml"))
    }

    static let small = """
        methods = ["int8-vectorwise", "llm-int8", "float16/float16", "bfloat16", "float8_e4m3fn"]
        magnitudes = ["1", "50"]
        seeds = [7]
        rows = 8
        inner = 64
        columns = 8
        outlier_columns = 3
        """

    func rows(_ experiment: MatmulErrorExperiment) throws -> [MatmulErrorExperiment.ErrorRow] {
        try (0..<experiment.cellCount).flatMap { try experiment.computeCell($0).rows(MatmulErrorExperiment.ErrorRow.self) }
    }

    @Test func decompositionRepairsRowWiseInt8() throws {
        let experiment = try Self.experiment(Self.small)
        #expect(experiment.methodNames == ["int8-vectorwise", "llm-int8", "float16/float16", "bfloat16/float32", "float8_e4m3fn/float32"])
        let table = try rows(experiment)
        func value(_ method: String, _ m: String, _ column: MatmulErrorExperiment.ErrorRow.Column) throws -> Double {
            let row = try #require(table.first { $0.method == method && $0.magnitude == m })
            return try #require(row.number(column))
        }
        func sqnr(_ method: String, _ m: String) throws -> Double { try value(method, m, .sqnr_db) }
        func rms(_ method: String, _ m: String) throws -> Double { try value(method, m, .rms_error) }
        // Without outliers the decomposition changes nothing.
        #expect(try sqnr("llm-int8", "1") == sqnr("int8-vectorwise", "1"))
        // With them, row-wise int8's error grows roughly in proportion to m; LLM.int8's does not.
        #expect(try rms("int8-vectorwise", "50") > 10 * rms("int8-vectorwise", "1"))
        #expect(try rms("llm-int8", "50") < 2 * rms("llm-int8", "1"))
        #expect(try sqnr("llm-int8", "50") > sqnr("int8-vectorwise", "50") + 10)
        // Exactly the outlier columns take the float16 path.
        let outlierRow = try #require(table.first { $0.method == "llm-int8" && $0.magnitude == "50" })
        #expect(outlierRow.float16Columns == "3")
        #expect(outlierRow.float16Fraction == NumberText.shortest(3.0 / 64))
        #expect(table.first { $0.method == "float16/float16" }?.float16Columns == "n/a")
    }

    @Test func float32AccumulationOfSmallIntegersIsExact() throws {
        let a = try Matrix(rows: 2, columns: 3, format: .float32, values: ["1", "2", "3", "-4", "5", "6"])
        let b = try Matrix(rows: 3, columns: 2, format: .float32, values: ["7", "8", "9", "10", "11", "-12"])
        let product = SoftFloatMatmul(input: .bfloat16, accumulator: .float32).multiply(a, b)
        #expect(product == [58, -8, 83, -54])
    }

    @Test func float16AccumulationRoundsEverySum() throws {
        // 2048 + 1 is a tie in float16 (ulp 2 there) and rounds to even, 2048; float32 keeps 2049.
        let a = try Matrix(rows: 1, columns: 2, format: .float32, values: ["2048", "1"])
        let b = try Matrix(rows: 2, columns: 1, format: .float32, values: ["1", "1"])
        #expect(SoftFloatMatmul(input: .float16, accumulator: .float16).multiply(a, b) == [2048])
        #expect(SoftFloatMatmul(input: .float16, accumulator: .float32).multiply(a, b) == [2049])
    }

    @Test func fp8InputsAreScaledPerTensor() throws {
        // A's amax 896 = 2 × 448: its scale is 2, so 896 → 448 and 3 → 1.5, both exact in e4m3;
        // B's amax is 448 itself (scale 1). C = (448 + 1.5) · 448 × 2 = 896·448 + 3·448, exactly.
        let a = try Matrix(rows: 1, columns: 2, format: .float32, values: ["896", "3"])
        let b = try Matrix(rows: 2, columns: 1, format: .float32, values: ["448", "448"])
        let multiplier = SoftFloatMatmul(input: .float8_e4m3fn, accumulator: .float32)
        #expect(multiplier.isScaled)
        #expect(multiplier.multiply(a, b) == [402_752])
        // 3.1 is not an e4m3 value after scaling (1.55 → 1.5): the error shows, rounded once.
        let c = try Matrix(rows: 1, columns: 2, format: .float32, values: ["896", "3.1"])
        #expect(multiplier.multiply(c, b) == [402_752])
    }

    @Test func unknownMethodIsLocated() {
        do {
            _ = try Self.experiment("\nmethods = [\"int8-rowwise\"]\n")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("m.toml:4"))
            #expect("\(error)".contains("int8-rowwise"))
        }
    }
}
