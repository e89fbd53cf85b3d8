import SoftFloat
import Testing
@testable import LabCommands

/// `convert --to int8` and friends: round with the mode, saturate, NaN → 0. Expected values
/// worked by hand.
@Suite struct IntegerRoundingTests {
    @Test(arguments: [
        (IntegerFormat.int8, RoundingMode.nearestEven, "2.5", Int64(2)),      // tie to even
        (.int8, .nearestEven, "3.5", 4),
        (.int8, .nearestAway, "2.5", 3),
        (.int8, .towardZero, "-2.9", -2),
        (.int8, .up, "-300.5", -128),                                          // −300 saturates
        (.int8, .nearestEven, "127.5", 127),                                   // 128 saturates
        (.uint4, .up, "0.01", 1),
        (.uint4, .nearestEven, "-1", 0),                                       // below 0 saturates
        (.int64, .nearestEven, "9223372036854775807", .max),                   // an exact literal
        (.int32, .nearestEven, "2.5000000000000000001", 3),                    // not a tie: odd rounding keeps it
        (.int8, .nearestEven, "1/3", 0),
        (.int16, .nearestEven, "inf", 32767),
    ])
    func rounds(_ type: IntegerFormat, _ rounding: RoundingMode, _ text: String, _ expected: Int64) throws {
        #expect(try IntegerRounding(type, rounding: rounding).round(text).value == expected)
    }

    @Test func nanIsZeroAndInvalid() throws {
        let result = try IntegerRounding(.int8).round("nan")
        #expect(result.value == 0)
        #expect(result.flags == .invalid)
    }

    @Test func hexIsTwosComplementOfTheWidth() {
        #expect(IntegerRounding(.int8).hex(-1) == "0xff")
        #expect(IntegerRounding(.int4).hex(-8) == "0x8")
        #expect(IntegerRounding(.int16).hex(300) == "0x012c")
        #expect(IntegerRounding(.int64).hex(-1) == "0xffffffffffffffff")
    }

    @Test func convertStreamToInt8() {
        let bits = ConvertConfiguration(target: .float64, integerTarget: .int8)
        #expect(convert("2.5\n-300.5\n127.4\nnan\n-1\n", bits).output == "0x02\n0x80\n0x7f\n0x00\n0xff\n")
        let values = ConvertConfiguration(target: .float64, options: RoundingOptions(rounding: .up), output: .value, integerTarget: .int8)
        #expect(convert("2.5\n-300.5\n", values).output == "3\n-128\n")
        #expect(convert("abc\n", bits).error?.description.contains("line 1") == true)
    }
}
