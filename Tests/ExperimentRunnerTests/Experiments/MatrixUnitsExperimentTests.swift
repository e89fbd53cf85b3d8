@testable import ExperimentRunner
import MatrixUnits
import SoftFloat
import Testing

/// The matrix-units kind: 13 kept bits lose more than 25, promotion helps the 13-bit unit,
/// identical models agree bit for bit, and bad specs name the key.
@Suite("matrix-units")
struct MatrixUnitsExperimentTests {
    static func experiment(_ parameters: String) throws -> MatrixUnitsExperiment {
        try MatrixUnitsExperiment(spec: SpecLoader.parse(text: "kind = \"matrix-units\"\n[parameters]\n" + parameters, name: "mu", file: "mu.toml"))
    }

    static let small = """
        units = ["hopper:wgmma.m64n8k32.f32.e4m3.e4m3", "blackwell:tcgen05.mma.m64n8k32.f32.e4m3.e4m3",
                 "ampere:mma.m16n8k16.f32.f16.f16.f32", "ada:mma.m16n8k16.f32.f16.f16.f32"]
        inputs = ["positive", "normal"]
        k = [16, 512]
        trials = 4
        determinism_k = 512
        """

    @Test func thirteenKeptBitsLoseMoreThanTwentyFive() throws {
        let experiment = try Self.experiment(Self.small)
        let rows = try (0..<experiment.cellCount).flatMap { try experiment.computeCell($0).rows(MatrixUnitsExperiment.ErrorRow.self) }
        func median(_ unit: String, _ inputs: String, _ promotion: String) throws -> Double {
            let row = try #require(rows.first { $0.unit == unit && $0.inputs == inputs && $0.k == 512 && $0.promotion == promotion })
            #expect(row.trials == 4)
            return try #require(NumberText.double(row.median))
        }
        let hopper = "hopper:wgmma.m64n8k32.f32.e4m3.e4m3", blackwell = "blackwell:tcgen05.mma.m64n8k32.f32.e4m3.e4m3"
        // All-positive inputs: each of the 16 instructions truncates every product to 13 bits below
        // the running sum (≈ 0.64 per product, sums up to ≈ 330): a loss of several percent.
        #expect(try median(hopper, "positive", "none") > 0.005)
        #expect(try median(blackwell, "positive", "none") < 1e-5)
        // Promotion every 128 restarts the unit from zero 4 times.
        #expect(try median(hopper, "positive", "128") < median(hopper, "positive", "none") / 3)
    }

    @Test func identicalModelsAgreeOnEveryTrial() throws {
        let experiment = try Self.experiment(Self.small)
        let outputs = try (0..<experiment.cellCount).flatMap { try experiment.computeCell($0).rows(MatrixUnitsExperiment.OutputRow.self) }
        func codes(_ unit: String) -> [String] { outputs.filter { $0.unit == unit }.sorted { $0.trial < $1.trial }.map(\.d) }
        #expect(codes("ampere:mma.m16n8k16.f32.f16.f16.f32").count == 4)
        // Ampere and Ada f16 units are the same model (24 kept bits, split-K): same codes.
        #expect(codes("ampere:mma.m16n8k16.f32.f16.f16.f32") == codes("ada:mma.m16n8k16.f32.f16.f16.f32"))
        #expect(codes("hopper:wgmma.m64n8k32.f32.e4m3.e4m3") != codes("blackwell:tcgen05.mma.m64n8k32.f32.e4m3.e4m3"))
    }

    @Test(arguments: [
        ("units = [\"hopper:wgmma.m64n7k32.f32.e4m3.e4m3\"]", "n must be a multiple of 8"),
        ("units = [\"blackwell:tcgen05.mma.block_scale.m128n8k32.block32.f32.e4m3.e4m3.ue8m0\"]", "block-scaled"),
        ("inputs = [\"uniform\"]", "unknown input set 'uniform'"),
        ("k = [15]", "must be even"),
        ("k = [16]\ndeterminism_k = 32", "is not one of"),
    ])
    func badSpecsNameTheKey(parameters: String, fragment: String) {
        #expect {
            _ = try Self.experiment(parameters)
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }
}
