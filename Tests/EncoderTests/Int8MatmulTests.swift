import Encoder
import Quantization
import SoftFloat
import Testing

/// The encoder's float32 int8 matmul against the lab's soft-float `matmul` (textbook, float32):
/// the same C bit for bit, with and without outlier columns.
@Suite struct Int8MatmulTests {
    @Test(arguments: [(MatmulScheme.vectorwise, nil as Double?), (.vectorwise, 6.0), (.tensorwise, nil), (.tensorwise, 2.5)])
    func matchesTheSoftFloatMatmul(setting: (MatmulScheme, Double?)) throws {
        let (n, k, m) = (6, 24, 11)
        var generator = SplitMix64(seed: 9)
        func value() -> Float { Float(Int64(generator.next() % 4001) - 2000) / 700 }
        var a = (0..<n * k).map { _ in value() }
        a[3] = 9.5; a[k + 17] = -7.25   // outliers in columns 3 and 17 (with threshold 6)
        let b = (0..<k * m).map { _ in value() / 3 }
        let configuration = MatmulConfiguration(scheme: setting.0, outlierThreshold: setting.1)
        let fast = try Int8Matmul(configuration: configuration).multiply(a, rows: n, inner: k, b, columns: m)
        let matrixA = try Matrix(rows: n, columns: k, format: .float32, codes: a.map { UInt64($0.bitPattern) })
        let matrixB = try Matrix(rows: k, columns: m, format: .float32, codes: b.map { UInt64($0.bitPattern) })
        let reference = try matmul(matrixA, matrixB, configuration)
        if setting.1 == 6 { #expect(reference.outlierColumns == [3, 17]) }
        for index in 0..<n * m {
            #expect(fast[index].bitPattern == UInt32(truncatingIfNeeded: reference.product.codes[index]), "C[\(index / m), \(index % m)]")
        }
    }

    /// Tutorial 004's worked example.
    @Test func tutorialExample() throws {
        let c = try Int8Matmul(configuration: MatmulConfiguration(scheme: .vectorwise)).multiply([0.1, -0.5, 1.2, -3], rows: 2, inner: 2, [2.5, 1, -1, 0.5], columns: 2)
        #expect(abs(c[0] - 0.748031) < 1e-6 && abs(c[1] + 0.153543) < 1e-6 && abs(c[2] - 6.023622) < 1e-6 && abs(c[3] + 0.307087) < 1e-6)
    }
}
