import MPFRReference
import SoftFloat
import Testing

@Suite struct ExactDecimalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var bits: UInt64
        var format: FloatFormat
        var decimal: String
        var testDescription: String { "\(format.name) \(hex(bits, format)) = \(decimal)" }
    }

    static let cases: [Case] = [
        Case(bits: 0x3555, format: .float16, decimal: "0.333251953125"),
        Case(bits: 0x3eaa_aaab, format: .float32, decimal: "0.3333333432674407958984375"),
        Case(bits: 0x3fd5_5555_5555_5555, format: .float64, decimal: "0.333333333333333314829616256247390992939472198486328125"),
        Case(bits: 0x3fb9_9999_9999_999a, format: .float64, decimal: "0.1000000000000000055511151231257827021181583404541015625"),
        Case(bits: 0x7bff, format: .float16, decimal: "65504"),
        Case(bits: 0xb800, format: .float16, decimal: "-0.5"),
        Case(bits: 0x0000, format: .float16, decimal: "0"),
        Case(bits: 0x8000, format: .float16, decimal: "-0"),
        Case(bits: 0x7c00, format: .float16, decimal: "inf"),
        Case(bits: 0xfc00, format: .float16, decimal: "-inf"),
        Case(bits: 0x7e00, format: .float16, decimal: "nan"),
        Case(bits: 0x0001, format: .float16, decimal: "0.000000059604644775390625"),  // 2^-24
        Case(bits: 0x7f7f_ffff, format: .float32, decimal: "340282346638528859811704183484516925440"),
        Case(bits: 0x7f7f, format: .bfloat16, decimal: "338953138925153547590470800371487866880"),
        // tf32's largest subnormal, 1023 × 2^-136.
        Case(bits: 0x3ff, format: .tf32, decimal: "0." + String(repeating: "0", count: 37) + "117434640712031261782423581794761457852392076618930227978852831594025474259979091584682464599609375"),
        Case(bits: 0x7e, format: .float8_e4m3fn, decimal: "448"),
        Case(bits: 0xfe, format: .float8_e4m3fn, decimal: "-448"),
        Case(bits: 0x7f, format: .float8_e4m3fn, decimal: "nan"),
        Case(bits: 0x01, format: .float8_e4m3fn, decimal: "0.001953125"),  // 2^-9
        Case(bits: 0x7b, format: .float8_e5m2, decimal: "57344"),
        Case(bits: 0x7c, format: .float8_e5m2, decimal: "inf"),
        Case(bits: 0x7f, format: .float8_e4m3fnuz, decimal: "240"),
        Case(bits: 0x80, format: .float8_e4m3fnuz, decimal: "nan"),
        Case(bits: 0x7f, format: .float8_e4m3b11fnuz, decimal: "30"),
        Case(bits: 0x6f, format: .float8_e3m4, decimal: "15.5"),
        Case(bits: 0x7f, format: .float8_e8m0fnu, decimal: "1"),
        Case(bits: 0xfe, format: .float8_e8m0fnu, decimal: "170141183460469231731687303715884105728"),  // 2^127
        Case(bits: 0xff, format: .float8_e8m0fnu, decimal: "nan"),
        Case(bits: 0x1f, format: .float6_e2m3fn, decimal: "7.5"),
        Case(bits: 0x3f, format: .float6_e2m3fn, decimal: "-7.5"),
        Case(bits: 0x1f, format: .float6_e3m2fn, decimal: "28"),
        Case(bits: 0x01, format: .float6_e3m2fn, decimal: "0.0625"),
    ]

    @Test(arguments: cases)
    func expansion(_ test: Case) {
        #expect(MPFRReference.exactDecimal(bits: test.bits, format: test.format) == test.decimal)
    }

    @Test func float4Values() {
        let values = (UInt64(0)...15).map { MPFRReference.exactDecimal(bits: $0, format: .float4_e2m1fn) }
        #expect(values == ["0", "0.5", "1", "1.5", "2", "3", "4", "6", "-0", "-0.5", "-1", "-1.5", "-2", "-3", "-4", "-6"])
    }

    @Test func longExpansions() {
        // 2^-1074 has 1074 decimal places, the last one 5.
        let smallest = MPFRReference.exactDecimal(bits: 1, format: .float64)
        #expect(smallest.count == 2 + 1074)
        #expect(smallest.hasPrefix("0." + String(repeating: "0", count: 323) + "494065645841246544176568792868221372365059802614"))
        #expect(smallest.hasSuffix("5"))
        // float8_e8m0fnu code 0 is 2^-127.
        let e8m0 = MPFRReference.exactDecimal(bits: 0, format: .float8_e8m0fnu)
        #expect(e8m0.count == 2 + 127)
        #expect(e8m0.hasPrefix("0." + String(repeating: "0", count: 38) + "58774717541114375398436826861112283890933277838604376075437585313920862972736358642578125"))
        // The largest double is an integer of 309 digits.
        let largest = MPFRReference.exactDecimal(bits: 0x7fef_ffff_ffff_ffff, format: .float64)
        #expect(largest.count == 309 && largest.hasPrefix("179769313486231570814527423731704356798070567525844996598917"))
    }

    @Test func fromSignificandAndExponent() {
        #expect(MPFRReference.exactDecimal(negative: false, significand: 0x555, exponent: -12) == "0.333251953125")
        #expect(MPFRReference.exactDecimal(negative: false, significand: 2047, exponent: 5) == "65504")
        #expect(MPFRReference.exactDecimal(negative: true, significand: 1, exponent: -1) == "-0.5")
        #expect(MPFRReference.exactDecimal(negative: true, significand: 0, exponent: 7) == "-0")
        #expect(MPFRReference.exactDecimal(negative: false, significand: 40, exponent: -3) == "5")
        #expect(MPFRReference.exactDecimal(negative: false, significand: UInt128(1) << 100 | 1, exponent: 0) == "1267650600228229401496703205377")
        #expect(MPFRReference.exactDecimal(negative: false, significand: UInt128(1) << 127, exponent: -127) == "1")
        // 1 + 2^-8 + 2^-40, the bfloat16 double-rounding witness.
        #expect(MPFRReference.exactDecimal(negative: false, significand: (1 << 40) + (1 << 32) + 1 as UInt64, exponent: -40)
                == "1.0039062500009094947017729282379150390625")
    }

    /// Swift's `Double(String)` and `Float(String)` round correctly, so parsing an exact
    /// expansion must give back the very same value.
    @Test func parsesBackToTheSameValue() {
        var doubles = CodeSampler(format: .float64, seed: 7)
        var floats = CodeSampler(format: .float32, seed: 8)
        for _ in 0..<400 {
            let d = doubles.next()
            let decimal = MPFRReference.exactDecimal(bits: d, format: .float64)
            if let parsed = Double(decimal), !parsed.isNaN {
                #expect(parsed.bitPattern == d, "\(hex(d, .float64)) → \(decimal)")
            } else {
                #expect(Double(bitPattern: d).isNaN)
            }
            let f = floats.next()
            let floatDecimal = MPFRReference.exactDecimal(bits: f, format: .float32)
            if let parsed = Float(floatDecimal), !parsed.isNaN {
                #expect(UInt64(parsed.bitPattern) == f, "\(hex(f, .float32)) → \(floatDecimal)")
            }
        }
    }
}
