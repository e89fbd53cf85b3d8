import ModelAnalysis
import Quantization
import Testing

@Suite struct ModelSchemeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var canonical: String
        var testDescription: String { text }
    }

    static let cases = [
        Case(text: "absmax@row", canonical: "absmax@row"),
        Case(text: "absmax4@group:128", canonical: "absmax4@group:128"),
        Case(text: "ABSMAX8@tensor", canonical: "absmax@tensor"),
        Case(text: "nf4@group:64", canonical: "nf4@group:64"),
        Case(text: "nf4", canonical: "nf4"),
        Case(text: "fp8-e4m3@tensor", canonical: "fp8-e4m3@tensor"),
        Case(text: "mxfp4", canonical: "mxfp4"),
        Case(text: "mxfp8-e4m3@group:32", canonical: "mxfp8-e4m3"),
        Case(text: "nvfp4", canonical: "nvfp4"),
        Case(text: "gguf-nvfp4", canonical: "gguf-nvfp4"),
        Case(text: "gguf-Q4_K", canonical: "gguf-q4_K"),
        Case(text: "zeropoint4@row", canonical: "zeropoint4@row"),
    ]

    @Test(arguments: cases) func parses(_ c: Case) throws {
        let scheme = try ModelScheme(parsing: c.text)
        #expect(scheme.description == c.canonical)
        #expect(try ModelScheme(parsing: scheme.description) == scheme)
    }

    @Test(arguments: [
        ("absmax@group:0", "scheme 'absmax@group:0': granularity must be tensor, row, column or group:N with N ≥ 1, got 'group:0'"),
        ("absmax1@row", "scheme 'absmax1@row': --bits must be between 2 and 16, got 1"),
        ("mxfp4@row", "scheme 'mxfp4@row': OCP MX v1.0 blocks are 32 consecutive elements along a row: --granularity must be group:32 (the default), not row"),
        ("gguf-iq2_xxs", "scheme 'gguf-iq2_xxs': gguf-iq2_xxs needs an importance matrix (ggml refuses it without one), and model reports quantize without one"),
        ("int3", "scheme 'int3': unknown scheme 'int3'"),
    ]) func refuses(_ text: String, _ message: String) {
        do {
            _ = try ModelScheme(parsing: text)
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error)")
        }
    }

    /// llama.cpp's fallback types for rows a 256-element super-block does not divide.
    /// The report hands out ggml's IQ types first, then the K-quants, then the rest.
    @Test(arguments: [("gguf-iq4_xs", 2), ("gguf-iq4_nl", 2), ("gguf-q4_K", 1), ("gguf-q6_K", 1), ("gguf-q8_0", 0), ("absmax@row", 0), ("nvfp4", 0)])
    func costRank(_ text: String, _ rank: Int) throws {
        #expect(try ModelScheme(parsing: text).costRank == rank)
    }

    @Test func kQuantFallback() throws {
        #expect(try ModelScheme(parsing: "gguf-q4_K").applicable(columns: 384) == .gguf(.q5_0))
        #expect(try ModelScheme(parsing: "gguf-q6_K").applicable(columns: 384) == .gguf(.q8_0))
        #expect(try ModelScheme(parsing: "gguf-iq4_xs").applicable(columns: 384) == .gguf(.iq4_nl))
        #expect(try ModelScheme(parsing: "gguf-q4_K").applicable(columns: 1536) == .gguf(.q4_K))
        #expect(try ModelScheme(parsing: "gguf-q8_0").applicable(columns: 40) == nil)
        #expect(try ModelScheme(parsing: "absmax@row").applicable(columns: 7) == (try ModelScheme(parsing: "absmax@row")))
    }

    @Test func statisticsWorkedValues() {
        let s = TensorStatistics([1, -1, 1, -1] as [Float])
        #expect(s.absmax == 1 && s.rms == 1 && s.kurtosis == 1 && s.outlierShare == 0)
        // 99 zeros and one 100: mean 1, σ = √99 ≈ 9.95; |100 − 1| = 99 > 6σ ≈ 59.7: one outlier.
        let spike = TensorStatistics([Float](repeating: 0, count: 99) + [100])
        #expect(spike.outlierShare == 0.01)
        #expect(spike.absmax == 100)
    }

    @Test func summaryWeightsByParameters() {
        let summary = SchemeSummary(scheme: "x", entries: [
            .init(tensor: "A", parameters: 100, bitsPerParameter: 4.5, sqnr: 20, noiseEnergy: 1, signalEnergy: 100),
            .init(tensor: "B", parameters: 300, bitsPerParameter: 4.5, sqnr: 30, noiseEnergy: 1, signalEnergy: 100),
        ])
        #expect(summary.totalBits == 1800)
        #expect(summary.bitsPerParameter == 4.5)
        #expect(summary.meanSQNR == 27.5)
        #expect(summary.worstTensor == "A")
        // 20·log10(√200 / √2) = 20 dB.
        #expect(abs(summary.modelSQNR - 20) < 1e-12)
    }
}
