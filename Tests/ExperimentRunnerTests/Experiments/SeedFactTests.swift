@testable import ExperimentRunner
import SoftFloat
import Testing

/// The seeds' facts, straight from the experiments' cells.
@Suite("Seed facts in the experiments")
struct SeedFactTests {
    static func spec(_ kind: String, _ parameters: String) throws -> ExperimentSpec {
        try SpecLoader.parse(text: "kind = \"\(kind)\"\n[parameters]\n" + parameters, name: "t", file: "t.toml")
    }

    struct Digits: Sendable, CustomTestStringConvertible {
        var format: String
        var digits: String
        var testDescription: String { "1/3 in \(format)" }
    }

    @Test(arguments: [
        Digits(format: "float64", digits: "0.333333333333333314829616256247390992939472198486328125"),
        Digits(format: "float32", digits: "0.3333333432674407958984375"),
        Digits(format: "float16", digits: "0.333251953125"),
        Digits(format: "bfloat16", digits: "0.333984375"),
    ])
    func oneThirdDigits(_ example: Digits) throws {
        let experiment = try RoundingExperiment(spec: Self.spec("rounding", "values = [\"1/3\"]\nformats = [\"\(example.format)\"]\n"))
        let rows = try experiment.computeCell(0).rows[0]
        let nearest = try #require(rows.first { $0[2] == "nearest-even" })
        #expect(nearest[6] == example.digits)
    }

    @Test func oneThirdErrorsInFloat16() throws {
        let experiment = try RoundingExperiment(spec: Self.spec("rounding", "values = [\"1/3\"]\nformats = [\"float16\"]\n"))
        let nearest = try #require(try experiment.computeCell(0).rows[0].first { $0[2] == "nearest-even" })
        #expect(Array(nearest[8...10]) == ["-8.13802e-05", "-2.44141e-04", "-3.33333e-01"])
    }

    @Test func float16Limits() {
        let row = OverflowUnderflowExperiment.limits(.float16)
        #expect(row[1] == "65504.0")
        #expect(row[6] == "65520.0")
        #expect(row[5] == "inf (overflow,inexact)")
        #expect(row[11] == "2^-25")
        #expect(row[12] == "0 (underflow,inexact)")
        // float8_e4m3fn: 464 is a tie that goes down to the even 448; only beyond it is NaN.
        let e4m3 = OverflowUnderflowExperiment.limits(.float8_e4m3fn)
        #expect(e4m3[5] == "448 (inexact)")
        #expect(e4m3[6] == "> 464.0")
    }

    @Test func seedProductsAndCasts() throws {
        let experiment = try OverflowUnderflowExperiment(spec: Self.spec("overflow-underflow",
            "formats = [\"float16\"]\nseed_formats = [\"float16\", \"float32\"]\nsweep_formats = [\"float16\"]\nstaircase_formats = [\"float16\"]\n"))
        let product = try experiment.computeCell(1).rows[1]
        #expect(product.map { $0[3] } == ["inf", "100000000"])
        let cast = try experiment.computeCell(2).rows[1]
        #expect(cast.map { $0[3] } == ["inf", "100000000"])
    }

    @Test func bfloat16RunningSumStallsAt256() throws {
        let experiment = try AccumulationExperiment(spec: Self.spec("accumulation",
            "accumulators = [\"bfloat16\"]\nmethods = [\"running\"]\ncounts = [10000]\nseeds = [1]\n"))
        let row = try experiment.computeCell(0).rows[0][0]
        #expect(row[4] == "256")
        #expect((NumberText.double(row[5]) ?? 0) > 4800)
    }

    @Test func memoryFootprintOf7B() throws {
        let experiment = try FormatsExperiment(spec: Self.spec("formats",
            "formats = [\"float16\"]\nintegers = [\"int8\"]\nparameter_counts = [7_000_000_000]\nmemory_types = [\"float32\", \"float16\", \"int8\", \"int4\"]\n"))
        let gigabytes = try (2..<6).map { try experiment.computeCell($0).rows[2][0][4] }
        #expect(gigabytes == ["28", "14", "7", "3.5"])
    }
}
