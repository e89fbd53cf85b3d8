@testable import ExperimentRunner
import Foundation
import Quantization
import SoftFloat
import Testing

/// The quantization-error kind: the tutorials' worked examples bit for bit, the theory checks, and
/// the deterministic random inputs behind every sweep.
@Suite("quantization-error")
struct QuantizationExperimentTests {
    static func experiment(_ parameters: String) throws -> QuantizationErrorExperiment {
        try QuantizationErrorExperiment(spec: SpecLoader.parse(text: "kind = \"quantization-error\"\n[parameters]\n" + parameters,
                                                                name: "q", file: "q.toml"))
    }

    static let small = """
        schemes = ["absmax", "zeropoint"]
        bits = [8]
        granularities = ["tensor", "group:64"]
        distributions = ["uniform"]
        seeds = [3]
        rows = 16
        columns = 128
        theory_samples = 0

        """

    /// Tutorial 000: α = 5.3984375 / 127 in float16 = 0.042510986328125, and the torch q.
    @Test func absmaxWorkedExampleIsBitExact() throws {
        let experiment = try Self.experiment(Self.small)
        let rows = try experiment.computeCell(0).rows(QuantizationErrorExperiment.ExampleRow.self).filter { $0.example == "absmax" }
        #expect(rows.count == 8)
        #expect(rows.allSatisfy { $0.compute == "float16" && $0.scale == "0.042510986328125" })
        #expect(rows.map(\.q) == [28, -12, -101, 28, -73, 19, 56, 127])
        // x / α of the largest element is exactly 127 in float16; the dequantized 5.4 is exact.
        let largest = try #require(rows.last), first = try #require(rows.first)
        #expect(largest.scaled == "127" && largest.dequantized == "5.3984375" && largest.error == "0.0")
        #expect(first.scaled == "28.234375")
    }

    /// Tutorial 002: S = 3.9345 / 255 in float32, Z = 4, the numpy q, x̂ and MSE.
    @Test func zeroPointWalkthroughMatchesNumpy() throws {
        let experiment = try Self.experiment(Self.small)
        let rows = try experiment.computeCell(0).rows(QuantizationErrorExperiment.ExampleRow.self).filter { $0.example == "zeropoint" }
        #expect(rows.count == 16)
        #expect(rows.allSatisfy { $0.zeroPoint == 4 })
        #expect(try FloatFormat.float32.round(try #require(rows.first).scale).bits == 0x3c7c_cba5)
        #expect(rows.map(\.q) == [41, -75, 25, 127, 1, 54, -128, 12, 78, -39, 5, -22, -94, 20, 68, -49])
        let second = try #require(rows.first { $0.row == 0 && $0.column == 1 })
        #expect(second.dequantized == NumberText.value(try FloatFormat.float32.round("-1.218923568725586").bits, in: .float32))
        let errors = rows.compactMap { NumberText.double($0.error) }
        #expect(errors.count == 16)
    }

    /// On uniform data, clip-free absmax and zero-point follow the uniform-noise model:
    /// 20·log10(2·127) ≈ 48.1 dB for absmax int8 per tensor.
    @Test func uniformDataFollowsTheModel() throws {
        let experiment = try Self.experiment(Self.small)
        for cell in 1..<experiment.cellCount {
            for row in try experiment.computeCell(cell).rows(QuantizationErrorExperiment.MetricRow.self) {
                let sqnr = try #require(row.number(.sqnr_db)), model = try #require(row.number(.model_sqnr_db))
                #expect(abs(sqnr - model) < 0.25, "\(row.scheme) \(row.granularity): \(sqnr) vs \(model)")
                if row.scheme == "absmax" && row.granularity == "tensor" { #expect(abs(sqnr - 48.08) < 0.3) }
            }
        }
    }

    /// The large-sample cell at a test size: measured SQNR within 0.1 dB of the model for the
    /// sample's own amax.
    @Test func theoryCellAgreesWithTheModel() throws {
        let experiment = try Self.experiment(Self.small.replacingOccurrences(of: "theory_samples = 0", with: "theory_samples = 65536"))
        #expect(experiment.cellCount == 2 + 2)
        let row = try #require(try experiment.computeCell(0).rows(QuantizationErrorExperiment.TheoryRow.self).first)
        #expect(row.samples == 65536)
        #expect(abs(row.difference) < 0.1)
        #expect((39...42).contains(row.sqnr))  // amax ≈ 4.3σ for 64K samples
        #expect(row.text(.full_scale_sine_db).hasPrefix("49.92"))  // 6.02·8 + 1.76
    }

    @Test func selectorsMatchWildcardsAndBitRanges() throws {
        typealias Selector = QuantizationErrorExperiment.MetricSelector
        let table = [("absmax", 4), ("absmax", 8), ("nf4", 4)].map { scheme, bits in
            QuantizationErrorExperiment.MetricRow(distribution: "normal", seed: 1, scheme: scheme, bits: bits, granularity: "tensor",
                                                  elements: "0", groups: "0", mse: "0", rmse: "0", maxAbsoluteError: "0", sqnr: "0",
                                                  modelSQNR: "0", cosine: "0", clamped: "0", bitsPerParameter: "0")
        }
        #expect(try #require(Selector(parsing: "normal absmax")).rows(in: table).count == 2)
        #expect(try #require(Selector(parsing: "* * 4")).rows(in: table).count == 2)
        #expect(try #require(Selector(parsing: "normal absmax 5..8 tensor")).rows(in: table).count == 1)
        #expect(try #require(Selector(parsing: "normal absmax * group:32")).rows(in: table).isEmpty)
        #expect(Selector(parsing: "normal") == nil)
        #expect(Selector(parsing: "normal absmax 8..4") == nil)
    }

    @Test func unknownSchemeIsLocated() {
        #expect(throws: SpecError.self) { _ = try Self.experiment("schemes = [\"absmax\", \"int3\"]\n") }
        do {
            _ = try Self.experiment("\nschemes = [\"absmax\", \"int3\"]\n")
        } catch {
            #expect("\(error)".contains("q.toml:4"))
            #expect("\(error)".contains("unknown scheme 'int3'"))
        }
    }

    @Test func failingModelCheckNamesTheCell() throws {
        let spec = try SpecLoader.parse(text: "kind = \"quantization-error\"\n[parameters]\n" + Self.small
                                        + "[checks.model_within_db]\n\"uniform absmax\" = 0.000001\n", name: "q", file: "q.toml")
        let experiment = try QuantizationErrorExperiment(spec: spec)
        let cells = try (0..<experiment.cellCount).map { ($0, try experiment.computeCell($0)) }
        let tables = ReportTables(schemas: experiment.tables, tables: LabRunner.tables(for: experiment, cells: cells))
        #expect(throws: CheckFailure.self) { _ = try experiment.makeReport(from: tables) }
    }
}

/// The test matrices: the outlier variants scale chosen elements of the same normal draws.
@Suite("input distributions")
struct InputDistributionTests {
    @Test func outlierVariantsShareTheNormalBase() {
        let base = InputDistribution.normal.sample(rows: 8, columns: 64, seed: 5)
        let spiky = InputDistribution.normalOutliers.sample(rows: 8, columns: 64, seed: 5)
        let changed = zip(base, spiky).filter { $0 != $1 }
        #expect(changed.count == 1)  // round(512 × 0.001) = 1 … at least 1
        #expect(changed.allSatisfy { $0.1 == $0.0 * 20 })
        let channels = InputDistribution.outlierChannels.sample(rows: 8, columns: 64, seed: 5)
        let columns = Set(zip(base, channels).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset % 64 })
        #expect(columns.count == 4)
    }
}
