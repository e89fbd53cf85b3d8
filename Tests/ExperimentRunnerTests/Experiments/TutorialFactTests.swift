@testable import ExperimentRunner
import SoftFloat
import Testing

/// Facts from the tutorials the lab grew from, straight from the experiments' cells.
@Suite("Tutorial facts in the experiments")
struct TutorialFactTests {
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
        let rows = try experiment.computeCell(0).rows(RoundingExperiment.ResultRow.self)
        let nearest = try #require(rows.first { $0.mode == "nearest-even" })
        #expect(nearest.exactDecimal == example.digits)
    }

    @Test func oneThirdErrorsInFloat16() throws {
        let experiment = try RoundingExperiment(spec: Self.spec("rounding", "values = [\"1/3\"]\nformats = [\"float16\"]\n"))
        let nearest = try #require(try experiment.computeCell(0).rows(RoundingExperiment.ResultRow.self).first { $0.mode == "nearest-even" })
        #expect([nearest.absoluteError, nearest.relativeError, nearest.ulpError] == ["-8.13802e-05", "-2.44141e-04", "-3.33333e-01"])
    }

    @Test func float16Limits() {
        let row = OverflowUnderflowExperiment.limits(.float16)
        #expect(row.maxFinite == "65504.0")
        #expect(row.firstOverflow == "65520.0")
        #expect(row.thresholdRoundsTo == "inf (overflow,inexact)")
        #expect(row.flushToZeroPower == "2^-25")
        #expect(row.flushToZeroMax == "2.9802322387695312e-08")
        #expect(row.flushResult == "0 (underflow,inexact)")
        // float8_e4m3fn: 464 is a tie that goes down to the even 448; only beyond it is NaN.
        let e4m3 = OverflowUnderflowExperiment.limits(.float8_e4m3fn)
        #expect(e4m3.thresholdRoundsTo == "448 (inexact)")
        #expect(e4m3.firstOverflow == "> 464.0")
        // float64: max + ½ulp = (2^54 − 1) × 2^970 is no float64, so 17 significant digits.
        #expect(OverflowUnderflowExperiment.limits(.float64).overflowThreshold == "1.7976931348623158e+308")
    }

    /// `case_formats` and its older spelling `seed_formats` (an alias) choose the same formats.
    @Test(arguments: ["case_formats", "seed_formats"])
    func tutorialProductsAndCasts(key: String) throws {
        let experiment = try OverflowUnderflowExperiment(spec: Self.spec("overflow-underflow",
            "formats = [\"float16\"]\n\(key) = [\"float16\", \"float32\"]\nsweep_formats = [\"float16\"]\nstaircase_formats = [\"float16\"]\n"))
        let product = try experiment.computeCell(1).rows(OverflowUnderflowExperiment.CaseRow.self)
        #expect(product.map(\.result) == ["inf", "100000000"])
        let cast = try experiment.computeCell(2).rows(OverflowUnderflowExperiment.CaseRow.self)
        #expect(cast.map(\.result) == ["inf", "100000000"])
    }

    @Test func aliasAndNameTogetherAreRefused() {
        #expect(throws: SpecError.self) {
            _ = try OverflowUnderflowExperiment(spec: Self.spec("overflow-underflow",
                "case_formats = [\"float16\"]\nseed_formats = [\"float32\"]\n"))
        }
    }

    @Test func bfloat16RunningSumStallsAt256() throws {
        let experiment = try AccumulationExperiment(spec: Self.spec("accumulation",
            "accumulators = [\"bfloat16\"]\nmethods = [\"running\"]\ncounts = [10000]\nseeds = [1]\n"))
        let row = try #require(try experiment.computeCell(0).rows(AccumulationExperiment.SumRow.self).first)
        #expect(row.computed == "256")
        #expect((NumberText.double(row.exact) ?? 0) > 4800)
    }

    @Test func memoryFootprintOf7B() throws {
        let experiment = try FormatsExperiment(spec: Self.spec("formats",
            "formats = [\"float16\"]\nintegers = [\"int8\"]\nparameter_counts = [7_000_000_000]\nmemory_types = [\"float32\", \"float16\", \"int8\", \"int4\"]\n"))
        let gigabytes = try (2..<6).flatMap { try experiment.computeCell($0).rows(FormatsExperiment.MemoryRow.self).map(\.gigabytes) }
        #expect(gigabytes == ["28", "14", "7", "3.5"])
    }
}
