import Foundation
import PortableMath
import SoftFloat
import Testing

/// The variates must be the same bits on every machine: these values were produced on Linux
/// x86-64 and are built only from + − × ÷ and √ (the streams behind every quantization report).
@Suite("Deterministic random variates")
struct RandomVariatesTests {
    static func variates(seed: UInt64) -> RandomVariates<SplitMix64> {
        RandomVariates(SplitMix64(seed: seed))
    }

    @Test func firstVariatesAreFixed() {
        var random = Self.variates(seed: 1)
        let normals = (0..<4).map { _ in random.normal().bitPattern }
        var laplace = Self.variates(seed: 1)
        let laplaces = (0..<2).map { _ in laplace.laplace().bitPattern }
        #expect(normals.map(Self.hex) == Self.expectedNormals, "normal bits: \(normals.map(Self.hex))")
        #expect(laplaces.map(Self.hex) == Self.expectedLaplace, "laplace bits: \(laplaces.map(Self.hex))")
    }

    static func hex(_ bits: UInt64) -> String { "0x" + String(bits, radix: 16) }
    static let expectedNormals = ["0x3fdb7c251a5470cc", "0x3ff95f5305298699", "0x3fdd368fe72bb620", "0xbfab9bb240029695"]
    static let expectedLaplace = ["0x3fb9dc311d29ac1e", "0x3fde9c6d9bcbf965"]

    /// Box–Muller by hand from the same two draws: √(−2·ln u1)·cos(2π·u2) with libm.
    @Test func boxMullerUsesTwoDrawsAndLibm() {
        var random = Self.variates(seed: 3)
        var raw = SplitMix64(seed: 3)
        for _ in 0..<1000 {
            let u1 = (Double(raw.next() >> 11) + 1) / 9_007_199_254_740_992  // (k + 1) / 2^53
            let u2 = Double(raw.next() >> 11) / 9_007_199_254_740_992
            let expected = Foundation.sqrt(-2 * Foundation.log(u1)) * Foundation.cos(2 * 3.141592653589793 * u2)
            #expect(random.boxMullerNormal().bitPattern == expected.bitPattern)
        }
        #expect(random.next() == raw.next())
    }

    @Test func momentsAreRight() {
        let n = 200_000
        let draws: [(String, Double, Double, (inout RandomVariates<SplitMix64>) -> Double)] = [
            ("normal", 3, 0.1, { $0.normal() }), ("box-muller", 3, 0.1, { $0.boxMullerNormal() }), ("laplace", 6, 0.5, { $0.laplace() }),
        ]
        for (name, expectedKurtosis, tolerance, draw) in draws {
            var random = Self.variates(seed: 42)
            var sum = 0.0, squares = 0.0, fourth = 0.0
            for _ in 0..<n {
                let x = draw(&random)
                sum += x; squares += x * x; fourth += x * x * x * x
            }
            let mean = sum / Double(n), variance = squares / Double(n), kurtosis = fourth / Double(n) / (variance * variance)
            #expect(abs(mean) < 0.01, "\(name) mean \(mean)")
            #expect(abs(variance - 1) < 0.02, "\(name) variance \(variance)")
            #expect(abs(kurtosis - expectedKurtosis) < tolerance, "\(name) kurtosis \(kurtosis)")
        }
    }

    @Test func distinctIndicesAreDistinctAndInRange() {
        var random = Self.variates(seed: 7)
        let indices = random.distinctIndices(50, below: 64)
        #expect(Set(indices).count == 50)
        #expect(indices.allSatisfy { (0..<64).contains($0) })
    }
}
