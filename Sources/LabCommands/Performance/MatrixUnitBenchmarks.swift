import MatrixUnits
import PortableMath
import SoftFloat

/// Benchmarks of the matrix-unit dot-product engine: a K = 32 FP8 unit and a K = 16 BF16 unit
/// in ns per multiply-add (one element = one multiply-add), and a whole 1024×1024×4096 GEMM in
/// matrix mode. Operands are N(0,1) values rounded to the unit's input formats.
public enum MatrixUnitBenchmarks {
    public static let dotProductUnits = ["hopper:wgmma.m64n8k32.f32.e4m3.e4m3", "ampere:mma.m16n8k16.f32.bf16.bf16.f32"]
    public static let matrixUnit = "hopper:wgmma.m64n8k32.f32.e4m3.e4m3"

    public static func benchmarks(dotProducts: Int, threads: Int, repetitions: Int) -> [BenchmarkSuite.Benchmark] {
        var list: [BenchmarkSuite.Benchmark] = []
        for name in dotProductUnits {
            let unit = try! MatrixUnit.named(name)
            list.append(BenchmarkSuite.Benchmark(name: "mma \(name) (ns per multiply-add)", elements: dotProducts * unit.k,
                                                 bytesPerElement: 0) {
                let engine = DotProductEngine(unit: unit)
                let a = codes(unit.a, count: dotProducts * unit.k, seed: 5)
                let b = codes(unit.b, count: dotProducts * unit.k, seed: 6)
                return a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        Stopwatch.measure(repetitions: repetitions) {
                            var checksum: UInt64 = 0
                            var c: UInt64 = 0
                            let empty = UnsafeBufferPointer<UInt64>(start: nil, count: 0)
                            for index in 0..<dotProducts {
                                let range = (index * unit.k)..<((index + 1) * unit.k)
                                c = engine.evaluate(a: UnsafeBufferPointer(rebasing: a[range]), b: UnsafeBufferPointer(rebasing: b[range]),
                                                    c: c & 0x7fff_ffff == 0x7f80_0000 ? 0 : c, scalesA: empty, scalesB: empty)
                                checksum &+= c
                            }
                            ScalarOperationBenchmarks.blackHole(checksum)
                        }
                    }
                }
            })
        }
        let (m, n, k) = (1024, 1024, 4096)
        list.append(BenchmarkSuite.Benchmark(name: "mma matrix \(m)x\(n)x\(k) \(matrixUnit) (ns per multiply-add)",
                                             elements: m * n * k, bytesPerElement: 0) {
            let unit = try! MatrixUnit.named(matrixUnit)
            let product = try! UnitMatrixProduct(unit: unit, m: m, n: n, k: k, threads: threads)
            let a = codes(unit.a, count: m * k, seed: 7)
            let b = codes(unit.b, count: k * n, seed: 8)
            return Stopwatch.measure(repetitions: repetitions) {
                ScalarOperationBenchmarks.blackHole(product.multiply(a: a, b: b, c: nil)[0])
            }
        })
        return list
    }

    /// N(0,1) values (``RandomVariates/boxMullerNormal()``, the bench's stream) rounded to
    /// `format` (nearest-even).
    static func codes(_ format: FloatFormat, count: Int, seed: UInt64) -> [UInt64] {
        var random = RandomVariates(SplitMix64(seed: seed))
        return (0..<count).map { _ in
            FloatFormat.float64.convert(random.boxMullerNormal().bitPattern, to: format).bits
        }
    }
}
