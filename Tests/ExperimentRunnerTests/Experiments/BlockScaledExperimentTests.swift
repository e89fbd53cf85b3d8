@testable import ExperimentRunner
import Quantization
import SoftFloat
import Testing

/// The block-scaled-formats and fp8-training-recipes kinds: recipe parsing, the analytic
/// anchor, and disagreements whose reduced examples really reproduce.
@Suite("block-scaled recipes")
struct BlockScaledExperimentTests {
    static func experiment(_ parameters: String) throws -> BlockScaledFormatsExperiment {
        try BlockScaledFormatsExperiment(spec: SpecLoader.parse(text: "kind = \"block-scaled-formats\"\n[parameters]\n" + parameters,
                                                                name: "b", file: "b.toml"))
    }

    @Test(arguments: [
        ("mxfp4 rounding=even", "mxfp4 group:32"),
        ("nvfp4 convention=transformer-engine granularity=block:16x16", "nvfp4 block:16x16"),
        ("fp8-e4m3 convention=deepgemm granularity=block:1x128 scale=ue8m0", "fp8-e4m3 block:1x128"),
        ("absmax bits=4 granularity=group:64", "absmax int4 group:64"),
    ])
    func recipesParseIntoFamilies(_ text: String, _ family: String) throws {
        #expect(try BlockScaledRecipe(parsing: text).family == family)
    }

    @Test(arguments: [
        ("mxfp4 rounding=up", "rounding 'up'"),
        ("fp8-e4m3 convention=deepseek granularity=block:1x128 scale=ue8m0", "ue8m0"),
        ("nvfp4 granularity=group:32", "group:16"),
        ("mxfp4 colour=red", "unknown key 'colour'"),
    ])
    func badRecipesSayWhy(_ text: String, _ fragment: String) {
        #expect(throws: RecipeSyntaxError.self) { try BlockScaledRecipe(parsing: text) }
        do {
            _ = try BlockScaledRecipe(parsing: text)
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    /// 6.02·p + 7.44: E4M3 (p = 4) 31.52 dB, E2M1 (p = 2) 19.48 dB, to the rounding of the
    /// textbook's two decimals.
    @Test(arguments: [(4, 31.52), (3, 25.50), (2, 19.48)])
    func anchorIsTheTextbookLine(_ p: Int, _ expected: Double) {
        let anchor = BlockScaledFormatsExperiment.anchor(significandBits: p)
        #expect(abs(anchor - expected) < 0.01)
        #expect(abs(anchor - (6.0206 * Double(p) + 7.4394)) < 0.001)
    }

    /// On rows of widely varying magnitude NVFP4 torchao and Transformer Engine disagree, and
    /// every reported example survives the reduction to its deciding values.
    @Test func disagreementsReproduceFromTheirReducedRows() throws {
        let experiment = try Self.experiment("""
            recipes = ["nvfp4 convention=torchao", "nvfp4 convention=transformer-engine", "mxfp4 rounding=floor", "mxfp4 rounding=ceil"]
            distributions = ["lognormal-rows"]
            rows = 32
            columns = 128
            """)
        var rows: [BlockScaledFormatsExperiment.DisagreementRow] = []
        for cell in 0..<experiment.cellCount { rows += try experiment.computeCell(cell).rows(BlockScaledFormatsExperiment.DisagreementRow.self) }
        #expect(rows.count == 2)
        for row in rows {
            #expect(row.codesDiffer > 0, "\(row.recipeA) vs \(row.recipeB)")
            #expect(row.exampleReproduced == "yes", "\(row.recipeA) vs \(row.recipeB): \(row.exampleValues)")
            #expect(row.codeA != row.codeB || row.valueA != row.valueB)
        }
    }

    @Test func unknownRecipeIsASpecError() {
        #expect(throws: SpecError.self) { try Self.experiment("recipes = [\"mxfp4 rounding=sideways\"]") }
        #expect(throws: SpecError.self) { try Self.experiment("recipes = [\"mxfp4\"]\ncolumns = 100") }
    }

    @Test(arguments: [("current", true), ("delayed max 16", true), ("delayed most_recent 1 margin=2", true),
                      ("delayed mean 16", false), ("delayed max 0", false), ("later", false)])
    func scalingRecipesParse(_ text: String, _ valid: Bool) {
        #expect(((try? FP8ScalingRecipe(parsing: text)) != nil) == valid)
    }

    /// The sequence's amplitude follows its knots and spikes exactly when the walk is off.
    @Test func amplitudePathFollowsKnotsAndSpikes() throws {
        let experiment = try FP8TrainingRecipesExperiment(spec: SpecLoader.parse(text: """
            kind = "fp8-training-recipes"
            [parameters]
            steps = 5
            amplitude = [[0, "0"], [4, "8"]]
            walk_sigma = "0"
            spikes = [[1, "3"]]
            """, name: "f", file: "f.toml"))
        #expect(experiment.log2Amplitudes == [0, 5, 4, 6, 8])
    }
}
