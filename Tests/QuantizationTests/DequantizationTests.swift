import SoftFloat
import Testing
@testable import Quantization

/// One `quantize --json` → `dequantize` round trip: a configuration and the input it runs on.
struct RoundTripCase: Sendable, CustomTestStringConvertible {
    let name: String
    let configuration: QuantizationConfiguration
    let rows: Int
    let columns: Int
    /// Extra elements written over the random ones: (flat index, decimal text).
    var overrides: [(Int, String)] = []

    var testDescription: String { name }

    /// N(0,1)-like values with a wide spread (a few ×100 and ×0.001 rows), an all-zero row,
    /// then the overrides; rounded once to the compute format.
    func input() throws -> Matrix {
        var random = SplitMix64(seed: UInt64(rows * 1000 + columns))
        var values = (0..<(rows * columns)).map { index -> String in
            let unit = Double(random.next() >> 11) / Double(1 << 53) * 2 - 1
            let row = index / columns
            let magnitude = row == 1 ? 100.0 : row == 2 ? 0.001 : 1.0
            return row == rows - 1 && rows > 3 ? "0" : String(unit * unit * unit * 4 * magnitude)
        }
        for (index, text) in overrides { values[index] = text }
        if case .mx = configuration.scheme {
            let exact = try Matrix(rows: rows, columns: columns, format: .float64, values: values)
            return try exact.castKeepingNonFinite(to: configuration.compute)
        }
        return try Matrix(rows: rows, columns: columns, format: configuration.compute, values: values)
    }
}

/// `dequantize` reads the `quantize --json` document back (``QuantizedMatrix/init(json:location:)``)
/// and must give its "dequantized" matrix bit for bit, for every scheme family, convention and
/// scale rule; the hand-worked cases check the decoding formulas directly.
@Suite struct DequantizationTests {
    static let cases: [RoundTripCase] = {
        func make(_ name: String, _ configuration: QuantizationConfiguration, rows: Int = 5, columns: Int = 96,
                  overrides: [(Int, String)] = []) -> RoundTripCase {
            RoundTripCase(name: name, configuration: configuration, rows: rows, columns: columns, overrides: overrides)
        }
        var list: [RoundTripCase] = [
            make("absmax int8 tensor float32", .init(scheme: .absmax)),
            make("absmax int4 row float16", .init(scheme: .absmax, bits: 4, granularity: .row, compute: .float16)),
            make("absmax uint8 group:32 bfloat16", .init(scheme: .absmax, isUnsigned: true, granularity: .group(32), compute: .bfloat16)),
            make("absmax bitsandbytes row", .init(scheme: .absmax, granularity: .row, convention: .bitsandbytes)),
            make("absmax torch row float16", .init(scheme: .absmax, granularity: .row, compute: .float16, convention: .torch)),
            make("zeropoint uint8 row", .init(scheme: .zeroPoint, isUnsigned: true, granularity: .row)),
            make("zeropoint int8 column float16", .init(scheme: .zeroPoint, granularity: .column, compute: .float16)),
            make("zeropoint torch uint8 tensor", .init(scheme: .zeroPoint, isUnsigned: true, convention: .torch)),
            make("absmax float64", .init(scheme: .absmax, granularity: .row, compute: .float64)),
            make("nf4 group:64", .init(scheme: .nf4)),
            make("nf4 double-quant float16", .init(scheme: .nf4, compute: .float16, doubleQuantization: true)),
            make("fp4-bnb group:32", .init(scheme: .fp4Bitsandbytes, granularity: .group(32))),
            make("nf4 bitsandbytes double-quant", .init(scheme: .nf4, granularity: .group(64), convention: .bitsandbytes, doubleQuantization: true)),
            make("fp4-bnb bitsandbytes even columns", .init(scheme: .fp4Bitsandbytes, granularity: .group(32), convention: .bitsandbytes)),
            // An odd column count: bitsandbytes decodes with get_4bit_type's table (FP4 code 8 = +0).
            make("fp4-bnb bitsandbytes odd columns", .init(scheme: .fp4Bitsandbytes, granularity: .group(32), convention: .bitsandbytes),
                 rows: 5, columns: 33),
            make("fp8-e4m3 tensor", .init(scheme: .scaledFloat(.float8_e4m3fn))),
            make("fp8-e5m2 row bfloat16", .init(scheme: .scaledFloat(.float8_e5m2), granularity: .row, compute: .bfloat16)),
            make("fp8-e4m3 deepseek 1x128", .init(scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 1, columns: 128), convention: .deepseek),
                 rows: 5, columns: 200),
            make("fp8-e4m3 deepgemm 128x128", .init(scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 128, columns: 128), convention: .deepgemm),
                 rows: 5, columns: 200),
            make("fp8-e4m3 deepgemm ue8m0", .init(scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 1, columns: 128), convention: .deepgemm,
                                                  blockScaleFormat: .ue8m0), rows: 5, columns: 200),
            make("fp8-e4m3 transformer-engine", .init(scheme: .scaledFloat(.float8_e4m3fn), convention: .transformerEngine)),
            make("fp8-e5m2 transformer-engine power-of-two", .init(scheme: .scaledFloat(.float8_e5m2), convention: .transformerEngine, powerOfTwoScale: true)),
            make("nvfp4 torchao", .init(scheme: .nvfp4)),
            make("nvfp4 torchao no tensor scale", .init(scheme: .nvfp4, tensorScale: false)),
            make("nvfp4 transformer-engine", .init(scheme: .nvfp4, convention: .transformerEngine)),
            make("nvfp4 transformer-engine 16x16", .init(scheme: .nvfp4, granularity: .block(rows: 16, columns: 16), convention: .transformerEngine)),
            make("mxint8", .init(scheme: .mx(.int8))),
        ]
        for element in [MXElement.e4m3, .e5m2, .e2m3, .e3m2, .e2m1] {
            for rule in MXScaleRounding.allCases {
                list.append(make("mx \(element) \(rule)", .init(scheme: .mx(element), scaleRounding: rule),
                                 overrides: [(10, "nan"), (200, "-inf")]))
            }
        }
        list.append(make("mxfp6-e2m3 bfloat16", .init(scheme: .mx(.e2m3), compute: .bfloat16)))
        return list
    }()

    /// quantize → its JSON text → ``QuantizedMatrix`` → ``QuantizedMatrix/dequantized()`` equals
    /// the kernel's "dequantized" codes (the soft-float kernels and the float32 fast path alike).
    @Test(arguments: cases)
    func jsonRoundTripIsBitExact(_ testCase: RoundTripCase) throws {
        for path in [KernelPath.automatic, .softFloat] {
            let result = try quantize(try testCase.input(), testCase.configuration, path: path)
            let stored = try QuantizedMatrix(json: Array(result.json.utf8), location: "q.json")
            #expect(stored.quantized == result.quantized)
            #expect(stored.scales == result.scales)
            let decoded = try stored.dequantized()
            #expect(decoded.format == result.dequantized.format)
            let mismatch = decoded.codes.indices.first { decoded.codes[$0] != result.dequantized.codes[$0] }
            #expect(mismatch == nil, "\(testCase.name) \(path): element \(mismatch ?? 0): \(hex([decoded.codes[mismatch ?? 0]], decoded.format)) vs \(hex([result.dequantized.codes[mismatch ?? 0]], decoded.format))")
        }
    }

    /// The README's DeepSeek block by hand: s = 3.5/448 = 2^-7, q = [128, −256, 448] → [1, −2, 3.5].
    @Test func handWrittenDeepSeekDocument() throws {
        let json = """
            {"scheme": "fp8-e4m3", "convention": "deepseek", "compute": "float32", "granularity": "block:1x128",
             "shape": [1, 3], "q": [[128.0, -256.0, 448.0]], "scale": [0.0078125], "scale_format": "float32"}
            """
        let decoded = try QuantizedMatrix(json: Array(json.utf8), location: "q.json").dequantized()
        #expect(decoded.codes == [0x3f80_0000, 0xc000_0000, 0x4060_0000])
    }

    /// MXFP8 E4M3: q = 448 with E8M0 scale 0x7a = 2^-5 → 14; the NaN scale 0xff ("nan") → NaN;
    /// MXINT8 q = 64 with scale 2^0 → 64 · 2^-6 = 1.
    @Test func handWrittenMXDocuments() throws {
        let fp8 = """
            {"scheme": "mxfp8-e4m3", "convention": "textbook", "compute": "float32", "granularity": "group:32",
             "shape": [2, 1], "q": [[448.0], [0.0]], "scale": [0.03125, "nan"], "scale_format": "float8_e8m0fnu"}
            """
        let decoded = try QuantizedMatrix(json: Array(fp8.utf8), location: "q.json").dequantized()
        #expect(decoded.codes[0] == 0x4160_0000)
        #expect(FloatFormat.float32.isNaN(decoded.codes[1]))
        let int8 = """
            {"scheme": "mxint8", "convention": "textbook", "compute": "float32", "granularity": "group:32",
             "shape": [1, 1], "q": [[64]], "scale": [1.0], "scale_format": "float8_e8m0fnu"}
            """
        #expect(try QuantizedMatrix(json: Array(int8.utf8), location: "q.json").dequantized().codes == [0x3f80_0000])
    }

    /// Bad documents name the member at fault.
    struct BadDocument: Sendable, CustomTestStringConvertible {
        let json: String
        let message: String
        var testDescription: String { message }
    }

    static let base = #""scheme": "absmax", "convention": "textbook", "compute": "float32", "granularity": "tensor", "bits": 8, "unsigned": false, "scale_format": "float32""#

    static let badDocuments: [BadDocument] = [
        BadDocument(json: "[1, 2", message: "not JSON"),
        BadDocument(json: "{\(base), \"q\": [[1, 2]], \"scale\": [0.5]}", message: "no \"shape\" member"),
        BadDocument(json: "{\(base), \"shape\": [1, 2], \"q\": [[1]], \"scale\": [0.5]}", message: "\"q\"[0] has 1 elements"),
        BadDocument(json: "{\(base), \"shape\": [1, 2], \"q\": [[1, 1.5]], \"scale\": [0.5]}", message: "\"q\"[0][1] must be an integer"),
        BadDocument(json: #"{"scheme": "fp8-e4m3", "convention": "textbook", "compute": "float32", "granularity": "tensor", "shape": [1, 1], "q": [[449]], "scale": [1], "scale_format": "float32"}"#,
                    message: "\"q\"[0][0] = 449 is not a value of float8_e4m3fn"),
        BadDocument(json: "{\(base), \"shape\": [1, 2], \"q\": [[1, 2]], \"scale\": [\"x\"]}", message: "\"scale\"[0] must be a number"),
        BadDocument(json: #"{"scheme": "nvfp4", "convention": "torchao", "compute": "float32", "granularity": "group:16", "shape": [1, 16], "q": [[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]], "scale": [1], "scale_format": "float32"}"#,
                    message: "\"scale_format\" is float32, but nvfp4 with the torchao convention stores float8_e4m3fn scales"),
    ]

    @Test(arguments: badDocuments)
    func badDocumentIsRejected(_ document: BadDocument) {
        #expect {
            _ = try QuantizedMatrix(json: Array(document.json.utf8), location: "q.json")
        } throws: { error in
            (error as? MatrixInputError).map { $0.description.hasPrefix("q.json: ") && $0.description.contains(document.message) } ?? false
        }
    }

    /// Pieces that parse but do not fit together are refused by ``QuantizedMatrix/validate()``.
    @Test func inconsistentPiecesAreRejected() {
        let twoScales = QuantizedMatrix(configuration: .init(scheme: .absmax), granularity: .tensor, rows: 1, columns: 2,
                                        quantized: [1, 2], scales: [0x3f80_0000, 0x3f80_0000])
        #expect(throws: QuantizationError.shapeMismatch("2 scales, but granularity tensor has 1 group on a 1×2 matrix")) {
            try twoScales.dequantized()
        }
        let outOfRange = QuantizedMatrix(configuration: .init(scheme: .absmax, bits: 4), granularity: .tensor, rows: 1, columns: 1,
                                         quantized: [8], scales: [0x3f80_0000])
        #expect(throws: QuantizationError.invalidConfiguration("code 8 at [0, 0] (0-based) is outside -8 … 7 for absmax")) {
            try outOfRange.dequantized()
        }
    }

    /// `--full` prints every column; the default elides the middle of rows longer than 10.
    @Test func fullTextShowsEveryColumn() throws {
        let x = try Matrix(rows: 1, columns: 11, format: .float16, values: (0..<11).map(String.init))
        #expect(x.text() == "  0.0  1.0  2.0  3.0  4.0  …  6.0  7.0  8.0  9.0  10.0")
        #expect(x.text(full: true) == "  0.0  1.0  2.0  3.0  4.0  5.0  6.0  7.0  8.0  9.0  10.0")
        let result = try quantize(x, QuantizationConfiguration(scheme: .absmax, compute: .float16))
        #expect(!result.text(full: false).contains("  5  "))
        #expect(result.text(full: true).contains("  64  76  89  102  114  127"))
    }
}
