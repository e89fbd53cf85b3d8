import FastKernels
import SoftFloat
import Testing

/// ``Float32MXElementRounding/codesAndValues(magnitude:)`` against the engine: for every
/// non-negative code of each covered format, the code's value, the midpoint to the next code
/// (a tie) and the float32 patterns around both (the registry test covers `codes` the same
/// way; here the values matter too: NVFP4's block scales use them instead of a table).
@Suite struct MXElementRoundingValueTests {
    @Test(arguments: [FloatFormat.float8_e4m3fn, .float8_e5m2, .float6_e2m3fn, .float6_e3m2fn, .float4_e2m1fn])
    func codesAndValuesAgreeWithTheEngine(format: FloatFormat) throws {
        let rounding = try #require(Float32MXElementRounding(format: format))
        let largest = format.convert(format.maxFiniteBits, to: .float32).bits
        var magnitudes: [UInt32] = []
        for code in 0...format.maxFiniteBits {
            let value = Double(bitPattern: format.convert(code, to: .float64).bits)
            let next = code == format.maxFiniteBits ? value : Double(bitPattern: format.convert(code + 1, to: .float64).bits)
            for center in [value, (value + next) / 2] {
                let bits = Int64(Float(center).bitPattern)
                magnitudes += (-2...2).map { UInt32(max(0, bits + Int64($0))) }.filter { UInt64($0) <= largest }
            }
        }
        let saturate = RoundingOptions(overflow: .saturate)
        var index = 0
        while index < magnitudes.count {
            var lanes = SIMD8<Float>()
            for lane in 0..<8 { lanes[lane] = Float(bitPattern: magnitudes[min(index + lane, magnitudes.count - 1)]) }
            let (codes, values) = rounding.codesAndValues(magnitude: lanes)
            for lane in 0..<8 {
                let a = lanes[lane]
                let expected = FloatFormat.float32.convert(UInt64(a.bitPattern), to: format, options: saturate).bits
                #expect(UInt64(codes[lane]) == expected, "\(format.name) \(a)")
                #expect(UInt64(values[lane].bitPattern) == format.convert(expected, to: .float32).bits, "\(format.name) \(a)")
            }
            index += 8
        }
    }
}
