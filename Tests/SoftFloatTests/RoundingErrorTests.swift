import Testing
import SoftFloat

/// The one error measure, with hand-computed values (fractions worked out in the comments).
@Suite struct RoundingErrorTests {
    func error(_ text: String, _ format: FloatFormat, options: RoundingOptions = .standard) throws -> RoundingError {
        let exact = try ExactNumber(parsing: text)
        return RoundingError(code: exact.rounded(to: format, options: options).bits, of: format, against: exact)
    }

    @Test func signsFollowStoredMinusExact() throws {
        // float16(1/3) = 1365/4096: error −1/12288, relative (−1/12288)/(1/3), −1/3 ulp (2^-12).
        #expect(try error("1/3", .float16) == RoundingError(absolute: "-8.13802e-05", relative: "-2.44141e-04", ulps: "-3.33333e-01"))
        // −1/3: stored −1365/4096, error +1/12288; relative divides by the signed exact value.
        #expect(try error("-1/3", .float16) == RoundingError(absolute: "8.13802e-05", relative: "-2.44141e-04", ulps: "3.33333e-01"))
        // 0.1 in bfloat16 = 0.10009765625: error 9.765625e-5 exactly, a six-digit tie → even.
        #expect(try error("0.1", .bfloat16) == RoundingError(absolute: "9.76562e-05", relative: "9.76562e-04", ulps: "2.00000e-01"))
    }

    @Test func zerosInfinitiesAndNaN() throws {
        #expect(try error("0", .float16) == .exact)
        #expect(try error("-0.0", .float8_e4m3fn) == .exact)
        // 1e-10 flushes to 0 in float16: error −1e-10, relative −1, ulps −1e-10 / 2^-24.
        #expect(try error("1e-10", .float16) == RoundingError(absolute: "-1.00000e-10", relative: "-1.00000e+00", ulps: "-1.67772e-03"))
        // Against an exact zero: a nonzero stored value (2^-24, from a stored code) has relative error inf.
        #expect(RoundingError(code: 1, of: .float16, against: try ExactNumber(parsing: "0"))
            == RoundingError(absolute: "5.96046e-08", relative: "inf", ulps: "1.00000e+00"))
        #expect(try error("1e5", .float16) == RoundingError(absolute: "inf", relative: "inf", ulps: "n/a"))
        #expect(try error("-1e5", .float16) == RoundingError(absolute: "-inf", relative: "inf", ulps: "n/a"))
        #expect(try error("1e5", .float8_e4m3fn) == .notApplicable)  // overflow to NaN
        #expect(try error("inf", .float16) == .exact)
        #expect(try error("inf", .float8_e4m3fn) == .notApplicable)
        #expect(try error("nan", .float32) == .notApplicable)
        #expect(try error("1e-400000", .float64) == .notApplicable)
    }
}
