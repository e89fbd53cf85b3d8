import SoftFloat
import Testing
@testable import LabCommands

@Suite struct InspectReportTests {
    func row(_ report: InspectReport, _ format: String) -> InspectReport.Row {
        report.rows.first { $0.format == format }!
    }

    @Test func oneThirdInTheDefaultFormats() throws {
        let report = try InspectReport(value: "1/3")
        #expect(report.rows.map(\.format) == ["float64", "float32", "tf32", "float16", "bfloat16", "float8_e4m3fn", "float8_e5m2"])

        let float64 = row(report, "float64")
        #expect(float64.hex == "0x3fd5555555555555")
        #expect(float64.exactDecimal == "0.333333333333333314829616256247390992939472198486328125")
        #expect(float64.shortestDecimal == "0.3333333333333333")
        // stored − 1/3 = −1/(3 · 2^54)
        #expect(float64.error == RoundingError(absolute: "-1.85037e-17", relative: "-5.55112e-17", ulps: "-3.33333e-01"))

        let float32 = row(report, "float32")
        #expect(float32.hex == "0x3eaaaaab")
        #expect(float32.exactDecimal == "0.3333333432674407958984375")
        #expect(float32.error == RoundingError(absolute: "9.93411e-09", relative: "2.98023e-08", ulps: "3.33333e-01"))

        let float16 = row(report, "float16")
        #expect(float16.hex == "0x3555")
        #expect(float16.binary == "0 | 01101 | 0101010101")
        #expect(float16.floatClass == "normal")
        #expect(float16.exactDecimal == "0.333251953125")
        #expect(float16.shortestDecimal == "0.3333")
        // 1365/4096 − 1/3 = −1/12288; relative −3/12288; ulp 2^-12, so −1/3 ulp.
        #expect(float16.error == RoundingError(absolute: "-8.13802e-05", relative: "-2.44141e-04", ulps: "-3.33333e-01"))
        #expect(float16.flags == "inexact")

        let bfloat16 = row(report, "bfloat16")
        #expect(bfloat16.hex == "0x3eab")
        #expect(bfloat16.exactDecimal == "0.333984375")
        // 171/512 − 1/3 = 1/1536; relative 1.953125e-3 rounds to even.
        #expect(bfloat16.error == RoundingError(absolute: "6.51042e-04", relative: "1.95312e-03", ulps: "3.33333e-01"))

        #expect(row(report, "tf32").hex == "0x1f555")
        #expect(row(report, "float8_e4m3fn").binary == "0 | 0101 | 011")
    }

    @Test func renderedTextShowsEveryField() throws {
        let text = try InspectReport(value: "1/3", formats: [.float16]).render()
        #expect(text == """
            1/3  (nearest-even, overflow default, subnormals keep)
            errors are stored − exact; ulp errors count ulps of the stored value; next up/down and spacing
            are numpy's nextafter(v, ±inf) and spacing(v); below/above: the nearest values < and > the input

            float16
              bits       0x3555
              fields     0 | 01101 | 0101010101
              class      normal
              exact      0.333251953125
              shortest   0.3333
              abs error  -8.13802e-05
              rel error  -2.44141e-04
              ulp error  -3.33333e-01
              flags      inexact
              next up    0x3556 = 0.33349609375
              next down  0x3554 = 0.3330078125
              spacing    0.000244140625
              below      0x3555 = 0.333251953125
              above      0x3556 = 0.33349609375

            """)
    }

    @Test func exactValuesHaveZeroError() throws {
        let report = try InspectReport(value: "-0.375", formats: [.float32, .float16, .float8_e4m3fn])
        for row in report.rows {
            #expect(row.error == .exact, "\(row.format)")
            #expect(row.flags == "none")
        }
    }

    @Test func overflowToInfinity() throws {
        let float16 = try InspectReport(value: "-1e8", formats: [.float16]).rows[0]
        #expect(float16.hex == "0xfc00")
        #expect(float16.floatClass == "infinity")
        #expect(float16.error == RoundingError(absolute: "-inf", relative: "inf", ulps: "n/a"))
        #expect(float16.flags == "overflow,inexact")
        let e4m3fn = try InspectReport(value: "464.0001", formats: [.float8_e4m3fn]).rows[0]
        #expect(e4m3fn.hex == "0x7f")
        #expect(e4m3fn.error == .notApplicable)  // stored NaN: one rule, n/a (never "nan")
    }

    @Test func saturationGivesAFiniteError() throws {
        let options = RoundingOptions(overflow: .saturate)
        let row = try InspectReport(value: "65536", formats: [.float16], options: options).rows[0]
        #expect(row.hex == "0x7bff")
        // 65504 − 65536 = −32; ulp of 65504 is 32.
        #expect(row.error == RoundingError(absolute: "-3.20000e+01", relative: "-4.88281e-04", ulps: "-1.00000e+00"))
    }

    @Test func underflowToZero() throws {
        let row = try InspectReport(value: "1e-400", formats: [.float64]).rows[0]
        #expect(row.hex == "0x0000000000000000")
        #expect(row.error.absolute == "-1.00000e-400")
        #expect(row.error.relative == "-1.00000e+00")
        #expect(row.error.ulps == "-2.02402e-77")  // 1e-400 / 2^-1074
        #expect(row.flags == "underflow,inexact")
    }

    @Test func specialInputs() throws {
        let infinity = try InspectReport(value: "-inf", formats: [.float16, .float8_e4m3fn])
        #expect(infinity.rows[0].hex == "0xfc00")
        #expect(infinity.rows[0].error == .exact)
        #expect(infinity.rows[1].hex == "0xff")
        #expect(infinity.rows[1].error == .notApplicable)
        let nan = try InspectReport(value: "nan", formats: [.float32]).rows[0]
        #expect(nan.floatClass == "nan")
        #expect(nan.error == .notApplicable)
    }

    @Test func valuesBeyondTheExactRangeSayNotApplicable() throws {
        let report = try InspectReport(value: "1e-1000000000", formats: [.float64])
        #expect(report.rows[0].hex == "0x0000000000000000")
        #expect(report.rows[0].error == .notApplicable)
        let huge = try InspectReport(value: "1e1000000000", formats: [.float16]).rows[0]
        #expect(huge.error.absolute == "inf")
    }

    @Test func hugeRationalPartsAreExact() throws {
        // 1e400 / 1e399 is exactly 10.
        let row = try InspectReport(value: "1e400/1e399", formats: [.float16]).rows[0]
        #expect(row.hex == "0x4900")
        #expect(row.error == .exact)
    }

    @Test func bitPatternInput() throws {
        let report = try InspectReport(value: "0x3555", formats: [.float16, .float32, .float8_e4m3fn], source: .float16)
        #expect(report.sourceValue == "0.333251953125")
        #expect(report.rows[0].error == .exact)
        #expect(report.rows[1].hex == "0x3eaaa000")
        #expect(report.rows[1].error == .exact)
        #expect(report.rows[2].exactDecimal == "0.34375")
        #expect(try InspectReport(value: "3555", source: .float16).render().hasPrefix("3555 as float16 bits = 0.333251953125"))
    }

    @Test func malformedInputThrowsTheEngineMessage() {
        #expect(throws: NumberSyntaxError.self) { try InspectReport(value: "1/0") }
        #expect(throws: NumberSyntaxError.self) { try InspectReport(value: "abc") }
        #expect(throws: NumberSyntaxError.self) { try InspectReport(value: "0x12345", source: .float16) }
    }

    @Test func stochasticRoundingIsReproducibleFromTheSeed() throws {
        let options = RoundingOptions(rounding: .stochastic)
        let first = try InspectReport(value: "1/3", options: options, seed: 7)
        let second = try InspectReport(value: "1/3", options: options, seed: 7)
        #expect(first.rows == second.rows)
        #expect(first.render().contains("(stochastic, overflow default, subnormals keep, seed 7)"))
    }

    /// Property check of the exact errors (and of the exact-value parser behind them) on
    /// seeded random decimals: nearest rounding is within half an ulp, `up` never below,
    /// `down` never above (at most one ulp away, printed with six digits), and the signs of the
    /// absolute and ulp errors agree. Overflowed results are skipped.
    @Test(arguments: [FloatFormat.float64, .float32, .float16, .bfloat16, .float8_e4m3fn])
    func errorsAreConsistentWithTheRoundingMode(_ format: FloatFormat) throws {
        var random = SplitMix64(seed: 2024)
        for _ in 0..<60 {
            let digits = String(random.next() % 10_000_000_000_000_000)
            let exponent = Int(random.next() % 60) - 30
            let sign = random.next() & 1 == 0 ? "" : "-"
            let value = "\(sign)\(digits.prefix(1)).\(digits.dropFirst())e\(exponent)"
            for mode in [RoundingMode.nearestEven, .up, .down] {
                let row = try InspectReport(value: value, formats: [format], options: RoundingOptions(rounding: mode)).rows[0]
                guard !row.flags.contains("overflow") else { continue }
                let ulps = Double(row.error.ulps)!
                let absolute = Double(row.error.absolute)!
                #expect((ulps < 0) == (absolute < 0), "\(value) → \(format) \(mode): \(row.error)")
                switch mode {
                case .nearestEven: #expect(abs(ulps) <= 0.5, "\(value) → \(format): \(row.error)")
                case .up: #expect(absolute >= 0 && ulps <= 1, "\(value) → \(format) up: \(row.error)")
                default: #expect(absolute <= 0 && ulps >= -1, "\(value) → \(format) down: \(row.error)")
                }
            }
        }
    }
}
