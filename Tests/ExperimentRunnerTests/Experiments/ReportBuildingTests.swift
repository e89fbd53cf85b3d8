@testable import ExperimentRunner
import Testing

/// Each kind's report built from small hand-made tables: the finding, the Markdown and the
/// checks must follow the numbers given, not numbers the experiment could compute itself.
@Suite("Report building from hand-made tables")
struct ReportBuildingTests {
    typealias Make = HandMadeTables

    // MARK: formats

    static let formatsSpec = """
        [parameters]
        formats = ["float16"]
        integers = ["int8"]
        parameter_counts = [7_000_000_000]
        memory_types = ["float32", "int4"]

        """

    func formatsTables(_ experiment: FormatsExperiment, float32Gigabytes: String) throws -> ReportTables {
        typealias Memory = FormatsExperiment.MemoryRow
        return Make.tables(experiment, [
            FormatsExperiment.PropertyRow(.float16),
            try Make.row(FormatsExperiment.IntegerRow.self, [.name: "int8", .bits: "8", .signed: "yes", .min: "-128", .max: "127"]),
            try Make.row(Memory.self, [.type: "float32", .bits: "32", .parameters: "7000000000", .bytes: "x", .gigabytes: float32Gigabytes]),
            try Make.row(Memory.self, [.type: "int4", .bits: "4", .parameters: "7000000000", .bytes: "x", .gigabytes: "3.5"]),
        ])
    }

    @Test func formatsFindingAndPivotComeFromTheMemoryTable() throws {
        let experiment = try FormatsExperiment(spec: Make.spec("formats", Self.formatsSpec))
        // 31 is wrong on purpose: the report must print the table's number, not recompute it.
        let report = try experiment.makeReport(from: formatsTables(experiment, float32Gigabytes: "31"))
        #expect(report.finding.hasPrefix("7B parameters take 31 GB in float32, 3.5 GB in int4; float16 tops out at 65504"))
        #expect(report.body.text.contains("| float32 |   32 |  31 GB |"), "\(report.body.text)")
        #expect(report.body.text.contains("| int8 |    8 | yes    | -128 | 127 |"))
        #expect(report.files.map(\.name) == ["t-layout.svg"])
    }

    @Test func formatsMemoryCheckPassesAndFails() throws {
        let checked = Self.formatsSpec + "[checks.memory_gb.\"7000000000\"]\nfloat32 = \"28\"\n"
        let experiment = try FormatsExperiment(spec: Make.spec("formats", checked))
        let report = try experiment.makeReport(from: formatsTables(experiment, float32Gigabytes: "28"))
        #expect(report.checks == ["float32 memory for 7000000000 parameters, GB = `28`"])
        do {
            _ = try experiment.makeReport(from: formatsTables(experiment, float32Gigabytes: "28.5"))
            Issue.record("a wrong memory figure must fail the check")
        } catch let failure as CheckFailure {
            #expect(failure.description == "check failed: t.toml:8: key 'checks.memory_gb.7000000000.float32': float32 memory for 7000000000 parameters, GB: expected 28, computed 28.5")
        }
    }

    // MARK: rounding

    func roundingRow(relativeError: String, valueClass: String = "normal") throws -> RoundingExperiment.ResultRow {
        try Make.row(RoundingExperiment.ResultRow.self, [
            .value: "1/3", .format: "float16", .mode: "nearest-even", .bits: "0x3555", .class: valueClass,
            .exact_decimal: "0.333251953125", .shortest: "0.3333", .abs_error: "-8.13802e-05", .rel_error: relativeError,
            .ulp_error: "-3.33333e-01", .flags: "inexact", .precision_bits: "11",
        ])
    }

    @Test func roundingFindingComparesWithTheUnitRoundoff() throws {
        let experiment = try RoundingExperiment(spec: Make.spec("rounding", """
            [parameters]
            values = ["1/3"]
            formats = ["float16"]
            modes = ["nearest-even"]
            [checks.nearest_even."1/3"]
            float16 = "0.333251953125"
            """))
        let within = try experiment.makeReport(from: Make.tables(experiment, [roundingRow(relativeError: "-2.44141e-04")]))
        #expect(within.finding == "Nearest-even 1/3 is 0.333251953125 in float16; every nearest-even result in a normal range is within the unit roundoff 2^-p of the exact value (only subnormal or flushed results exceed it).")
        #expect(within.checks == ["1/3 in float16, nearest-even = `0.333251953125`"])
        #expect(within.body.text.contains("| float16 | `0x3555` | 0.333251953125"))
        // 2^-11 ≈ 4.88e-4: an error of 1e-3 in a normal result is named in the finding.
        let beyond = try experiment.makeReport(from: Make.tables(experiment, [roundingRow(relativeError: "-1.00000e-03")]))
        #expect(beyond.finding.hasSuffix("; nearest-even results above the unit roundoff 2^-p in a normal range: 1/3 in float16."))
        #expect(beyond.discussion.contains("Above the bound: 1/3 in float16 (0.3333, -1.00000e-03)"))
    }

    // MARK: overflow-underflow

    @Test func overflowFindingReadsLimitsAndCases() throws {
        typealias Experiment = OverflowUnderflowExperiment
        let experiment = try Experiment(spec: Make.spec("overflow-underflow", """
            [parameters]
            formats = ["float16"]
            case_formats = ["float16", "float32"]
            sweep_formats = ["float16"]
            grid_decades = [4, 5]
            grid_mantissas = [1, 5]
            staircase_formats = ["float16"]
            [checks.cases]
            "10000*10000 float16" = "inf"
            """))
        func sweep(_ x: String, _ squared: String) throws -> Experiment.SweepRow {
            try Make.row(Experiment.SweepRow.self, [.format: "float16", .x: x, .x_squared_status: squared, .x_doubled_status: "normal"])
        }
        let tables = Make.tables(experiment, [
            Experiment.limits(.float16),
            Experiment.CaseRow(name: "10000*10000", format: "float16", operandsStored: "10000 × 10000", result: "inf", resultExact: "inf", flags: "overflow,inexact"),
            Experiment.CaseRow(name: "10000*10000", format: "float32", operandsStored: "10000 × 10000", result: "100000000", resultExact: "100000000", flags: "none"),
            Experiment.CaseRow(name: "cast 1e8", format: "float16", operandsStored: "1e8", result: "inf", resultExact: "inf", flags: "overflow,inexact"),
            try sweep("1e4", "normal"), try sweep("5e4", "overflow"), try sweep("1e5", "overflow"), try sweep("5e5", "overflow"),
            Experiment.StaircaseRow(format: "float16", x: 1, ulp: 0.0009765625, relativeSpacing: 0.0009765625, region: "normal"),
        ])
        let report = try experiment.makeReport(from: tables)
        #expect(report.finding == "float16 overflows from 65520.0 = 65504 + ½ulp on: 10000 × 10000 is inf in float16 but 100000000 in float32, 1e8 casts to inf; values at or below 2^-25 ≈ 2.98e-08 flush to 0.")
        #expect(report.checks == ["10000*10000 in float16 = `inf`"])
        #expect(report.body.text.contains("| float16 |                    5e4 |                     — |"), "the first grid point where x·x overflows")
        #expect(report.body.text.contains("| float16 |    65504.0 |        65520.0 | inf (overflow,inexact) |"))
        #expect(report.discussion.contains("x·x overflows from x = 5e4 on the grid"))
        #expect(report.files.map(\.name) == ["t-staircase.svg", "t-sweep.svg", "t-sweep-zoom.svg"])
    }

    // MARK: accumulation

    @Test func accumulationFindingSeesStallAndCompensation() throws {
        typealias Sum = AccumulationExperiment.SumRow
        let experiment = try AccumulationExperiment(spec: Make.spec("accumulation", """
            [parameters]
            accumulators = ["bfloat16"]
            counts = [1000]
            seeds = [5]
            [checks.sum_between]
            "bfloat16 running 1000" = [250, 260]
            """))
        func sum(_ method: String, _ computed: String, _ relative: String) -> Sum {
            Sum(accumulator: "bfloat16", method: method, count: 1000, seed: 5, computed: computed, exact: "500.25",
                exactRounded: "500", absoluteError: "0", relativeError: relative)
        }
        let report = try experiment.makeReport(from: Make.tables(experiment, [
            sum("running", "256", "-4.88256e-01"), sum("pairwise", "500", "-4.99750e-04"), sum("kahan", "502", "3.49825e-03"),
        ]))
        #expect(report.finding == "A bfloat16 running sum of 1000 uniform [0, 1) values stalls at 256 (exact ≈ 500.25, error -48.8%); float16 stalls at n/a; pairwise and Kahan summation in bfloat16 end at 500 and 502 (errors -0.05% and 0.35%).")
        #expect(report.checks == ["bfloat16 running sum of 1000 values, seed 5 = `256`, within [250.0, 260.0]"])
        #expect(report.body.text.contains("| bfloat16    | running  |          256 |"))
    }

    // MARK: quantization-error

    @Test func quantizationTheoryCheckAndFinding() throws {
        typealias Experiment = QuantizationErrorExperiment
        let experiment = try Experiment(spec: Make.spec("quantization-error", """
            [parameters]
            schemes = ["absmax"]
            bits = [8]
            granularities = ["tensor"]
            distributions = ["normal"]
            seeds = [1]
            rows = 1
            columns = 64
            theory_samples = 1000
            plot_granularities = ["tensor"]
            detail_granularity = "tensor"
            [checks.model_within_db]
            theory = 0.25
            """))
        func tables(difference: Double) -> ReportTables {
            Make.tables(experiment, [
                Experiment.TheoryRow(samples: 1000, seed: 1, absmax: 3.25, meanSquare: 1, sqnr: 40 + difference, modelSQNR: 40, fullScaleSine: 49.92),
                Experiment.MetricRow(distribution: "normal", seed: 1, scheme: "absmax", bits: 8, granularity: "tensor", elements: "64",
                                     groups: "1", mse: "1e-05", rmse: "0.003", maxAbsoluteError: "0.01", sqnr: "41.5", modelSQNR: "41.25",
                                     cosine: "0.99999", clamped: "0", bitsPerParameter: "8.5"),
            ])
        }
        let report = try experiment.makeReport(from: tables(difference: 0.125))
        #expect(report.finding == "Int8 absmax per tensor on 1000 N(0, 1) values gives 40.12 dB (uniform-noise model 40 dB).")
        #expect(report.checks == ["int8 absmax on 1000 N(0, 1) values: measured − model = 0.125 dB, within ±0.25 dB"])
        #expect(report.body.text.contains("| absmax |    8 |   41.5 |"), "the per-granularity SQNR table")
        #expect(report.body.text.contains("| absmax |    8 | tensor      | 1.000e-05 | 3.000e-03 |     1.000e-02 |    41.5 |    41.25 | 0.99999 |"))
        #expect(throws: CheckFailure.self) { _ = try experiment.makeReport(from: tables(difference: 0.5)) }
    }

    // MARK: matmul-error

    @Test func matmulFindingFollowsTheSQNRs() throws {
        typealias Row = MatmulErrorExperiment.ErrorRow
        let experiment = try MatmulErrorExperiment(spec: Make.spec("matmul-error", """
            [parameters]
            methods = ["int8-vectorwise", "llm-int8"]
            magnitudes = ["1", "20"]
            seeds = [3]
            rows = 2
            inner = 8
            columns = 2
            outlier_columns = 1
            [checks.float16_columns]
            "20" = [1, 1]
            """))
        func row(_ method: String, _ magnitude: String, _ sqnr: String, _ rms: String, _ columns: String) -> Row {
            Row(magnitude: magnitude, seed: 3, method: method, sqnr: sqnr, relativeError: "0.01", rmsError: rms, maxAbsoluteError: "0.1",
                cosine: "0.9999", float16Columns: columns, float16Fraction: columns == "1" ? "0.125" : "0.0", bitsPerParameter: "8.0")
        }
        let report = try experiment.makeReport(from: Make.tables(experiment, [
            row("int8-vectorwise", "1", "40.0", "0.25", "0"), row("llm-int8", "1", "40.0", "0.25", "0"),
            row("int8-vectorwise", "20", "20.5", "5.0", "0"), row("llm-int8", "20", "55.0", "0.25", "1"),
        ]))
        #expect(report.finding == "With 1 of 8 columns of A scaled from m = 1 to 20, vector-wise int8 falls from 40 to 20.5 dB (RMS error 0.25 → 5); LLM.int8 at threshold 6 sends 12.5% of the columns to float16 and reaches 55 dB (RMS error 0.25).")
        #expect(report.checks == ["llm-int8 columns on the float16 path at magnitude 20, seed 3 = `1`, within [1.0, 1.0]"])
    }
}
