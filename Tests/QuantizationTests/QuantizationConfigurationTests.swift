import Foundation
import SoftFloat
import Testing
@testable import Quantization

@Suite struct QuantizationConfigurationTests {
    struct Invalid: Sendable, CustomTestStringConvertible {
        let configuration: QuantizationConfiguration
        let message: String
        var testDescription: String { message }
    }

    static let invalid: [Invalid] = [
        Invalid(configuration: .init(scheme: .absmax, bits: 1), message: "--bits must be between 2 and 16, got 1"),
        Invalid(configuration: .init(scheme: .zeroPoint, bits: 17), message: "--bits must be between 2 and 16, got 17"),
        Invalid(configuration: .init(scheme: .nf4, isUnsigned: true), message: "--unsigned applies to absmax and zeropoint only, not nf4"),
        Invalid(configuration: .init(scheme: .absmax, doubleQuantization: true), message: "--double-quant applies to nf4 and fp4-bnb only, not absmax"),
        Invalid(configuration: .init(scheme: .nf4, convention: .torch), message: "the torch convention covers torch.ao's integer quantization (absmax, zeropoint), not nf4"),
        Invalid(configuration: .init(scheme: .zeroPoint, convention: .bitsandbytes), message: "the bitsandbytes convention covers absmax (LLM.int8) and the nf4/fp4-bnb codebooks, not zeropoint"),
        Invalid(configuration: .init(scheme: .absmax, isUnsigned: true, convention: .bitsandbytes), message: "bitsandbytes' int8 is signed (±127); drop --unsigned"),
        Invalid(configuration: .init(scheme: .nf4, compute: .float16, convention: .bitsandbytes), message: "the bitsandbytes convention for nf4 reproduces bitsandbytes' float32 CPU kernels: use --compute float32, not float16"),
        Invalid(configuration: .init(scheme: .fp4Bitsandbytes, granularity: .group(48), convention: .bitsandbytes), message: "the bitsandbytes convention for fp4-bnb takes --granularity group:N with N one of bitsandbytes' block sizes 32, 64, 128, 256, 512, 1024, 2048, 4096 (blocks run over the flattened matrix), not group:48"),
        Invalid(configuration: .init(scheme: .nf4, granularity: .row, convention: .bitsandbytes), message: "the bitsandbytes convention for nf4 takes --granularity group:N with N one of bitsandbytes' block sizes 32, 64, 128, 256, 512, 1024, 2048, 4096 (blocks run over the flattened matrix), not row"),
        Invalid(configuration: .init(scheme: .nf4, convention: .bitsandbytes, doubleQuantization: true, torchThreads: 0), message: "--torch-threads must be at least 1, got 0"),
        Invalid(configuration: .init(scheme: .absmax, compute: .float8_e8m0fnu), message: "compute format float8_e8m0fnu cannot hold signed values and zero; pick a signed format such as float32"),
    ]

    @Test(arguments: invalid)
    func rejected(_ case_: Invalid) {
        #expect(throws: QuantizationError.invalidConfiguration(case_.message)) { try case_.configuration.validate() }
    }

    @Test(arguments: QuantizationScheme.names)
    func schemeNamesRoundTrip(_ name: String) throws {
        let scheme = try #require(QuantizationScheme(name: name))
        #expect(scheme.description == name)
    }

    @Test func granularityParsing() {
        #expect(Granularity(parsing: "tensor") == .tensor)
        #expect(Granularity(parsing: "ROW") == .row)
        #expect(Granularity(parsing: "column") == .column)
        #expect(Granularity(parsing: "group:64") == .group(64))
        #expect(Granularity(parsing: "group:0") == nil)
        #expect(Granularity(parsing: "group:") == nil)
        #expect(Granularity(parsing: "block") == nil)
    }

    /// A value that overflows the compute format is an error naming its element.
    @Test func castOverflow() throws {
        #expect(throws: QuantizationError.nonFiniteInput(row: 0, column: 1, value: "70000.0", reason: "overflows float16 (largest finite 65504)")) {
            try quantize(try vector(["1", "70000"]), QuantizationConfiguration(scheme: .absmax, compute: .float16))
        }
    }

    /// A scale that the compute format cannot hold: float16's range is too narrow for
    /// max − min = 60000 − (−60000).
    @Test func scaleOverflow() throws {
        #expect(throws: QuantizationError.self) {
            try quantize(try vector(["60000", "-60000"]), QuantizationConfiguration(scheme: .zeroPoint, compute: .float16))
        }
    }

    /// A scale the compute format rounds to 0 names the element maximum and the scale printed
    /// exactly: amax = 2^-24 (float16's smallest subnormal) / 448 is 0 in float16, and the
    /// message says 448.0 (e4m3fn's largest finite, 1.75 × 2^8), not the shortest "450.0".
    @Test func scaleUnderflowPrintsExactValues() throws {
        #expect(throws: QuantizationError.invalidScale(group: 0, detail: "amax / 448.0 is 0.0 in float16")) {
            try quantize(try vector(["0.000000059604644775390625", "0"]), QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), compute: .float16))
        }
    }

    /// bfloat16 compute: 127 is exact, each step rounds to 8 bits.
    @Test func bfloat16Compute() throws {
        let result = try quantize(try vector(["1.2", "-0.5", "5.4"]), QuantizationConfiguration(scheme: .absmax, compute: .bfloat16))
        #expect(result.input.format == .bfloat16)
        #expect(result.scaleFormat == .bfloat16)
        // amax = bf16(5.4) = 5.40625; S = bf16(5.40625 / 127) = 0.042480469 (0x3d2e)
        #expect(result.scales == [0x3d2e])
        #expect(result.quantized == [28, -12, 127])
    }

    /// The JSON document: keys, integer q, exact decimals of the float16 compute format
    /// (0.042510986328125, which the shortest decimal would write "0.0425"), and valid JSON.
    @Test func jsonDocument() throws {
        let x = try vector(["1.2", "-0.5", "-4.3", "1.2", "-3.1", "0.8", "2.4", "5.4"], .float16)
        let json = try quantize(x, QuantizationConfiguration(scheme: .absmax, compute: .float16)).json
        #expect(json.contains("[28, -12, -101, 28, -73, 19, 56, 127]"))
        #expect(json.contains(#""scale": [0.042510986328125]"#))
        #expect(json.contains(#""zero_point": [0]"#))
        #expect(json.contains("[1.1904296875, -0.51025390625, -4.29296875, 1.1904296875, -3.103515625, 0.8076171875, 2.380859375, 5.3984375]"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["q", "scale", "zero_point", "dequantized", "metrics"]))
        #expect(object["unsigned"] as? Bool == false)
        // Each decimal is the float16 value exactly.
        let dequantized = try #require(object["dequantized"] as? [[Double]])
        #expect(dequantized[0].map { FloatFormat.float64.convert($0.bitPattern, to: .float16, options: RoundingOptions(rounding: .towardZero)).bits }
            == (try codes(["1.1904296875", "-0.51025390625", "-4.29296875", "1.1904296875", "-3.103515625", "0.8076171875", "2.380859375", "5.3984375"], .float16)))
    }
}
