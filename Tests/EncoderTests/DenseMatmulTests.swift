import Encoder
import SoftFloat
import Testing

/// DenseMatmul against scalar loops: float32 in k order (hardware), and the soft-float engine
/// (`FloatFormat.multiply`/`add` on codes) for the rounded formats.
@Suite struct DenseMatmulTests {
    static func random(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Float(Int64(generator.next() % 2001) - 1000) / 337 }
    }

    @Test func docExample() {
        #expect(DenseMatmul.multiply([1, 2], rows: 1, inner: 2, [3, 4, 5, 6], columns: 2) == [13, 16])
    }

    /// Shapes that exercise the 4 × 16 blocks, the row tail and the column tail.
    @Test(arguments: [(1, 3, 5), (5, 7, 33), (9, 64, 48), (4, 16, 16)])
    func float32MatchesKOrder(shape: (Int, Int, Int)) {
        let (n, k, m) = shape
        let x = Self.random(n * k, seed: 1), w = Self.random(k * m, seed: 2), b = Self.random(m, seed: 3)
        let y = DenseMatmul.multiply(x, rows: n, inner: k, w, columns: m, bias: b)
        for i in 0..<n {
            for j in 0..<m {
                var sum: Float = 0
                for p in 0..<k { sum += x[i * k + p] * w[p * m + j] }
                sum += b[j]
                #expect(y[i * m + j].bitPattern == sum.bitPattern)
            }
        }
    }

    /// Products rounded to `compute`, sums to `accumulate`, the sum plus bias rounded once to
    /// `compute`: each step by the engine.
    @Test(arguments: [(FloatFormat.bfloat16, FloatFormat.bfloat16), (.float16, .float16), (.bfloat16, .float32), (.float8_e4m3fn, .float16)])
    func roundedMatchesTheEngine(formats: (FloatFormat, FloatFormat)) throws {
        let (compute, accumulate) = formats
        let arithmetic = try EncoderArithmetic(compute: compute, accumulate: accumulate)
        let (n, k, m) = (5, 40, 19)
        let rounding = try #require(arithmetic.computeRounding)
        var x = Self.random(n * k, seed: 4), w = Self.random(k * m, seed: 5), b = Self.random(m, seed: 6)
        rounding.round(&x); rounding.round(&w); rounding.round(&b)
        let y = DenseMatmul.multiply(x, rows: n, inner: k, w, columns: m, bias: b, arithmetic: arithmetic)
        func code(_ value: Float, _ format: FloatFormat) -> UInt64 { FloatFormat.float32.convert(UInt64(value.bitPattern), to: format).bits }
        for i in 0..<n {
            for j in 0..<m {
                var sum = accumulate.convert(0, to: accumulate).bits
                for p in 0..<k {
                    let product = compute.multiply(code(x[i * k + p], compute), code(w[p * m + j], compute)).bits
                    sum = accumulate.add(sum, compute.convert(product, to: accumulate).bits).bits
                }
                // The bias joins the sum exactly (float64 holds it) and is rounded once to compute.
                let exact = accumulate.doubleValue(sum) + Double(b[j])
                let total = FloatFormat.float64.convert(exact.bitPattern, to: compute).bits
                let expected = Float(bitPattern: UInt32(truncatingIfNeeded: compute.convert(total, to: .float32).bits))
                #expect(y[i * m + j].bitPattern == expected.bitPattern, "\(compute.name)+\(accumulate.name) [\(i), \(j)]")
            }
        }
    }
}
