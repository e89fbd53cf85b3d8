import SoftFloat
import Testing
@testable import MatrixUnits

@Suite struct UnitMatrixProductTests {
    /// e4m3 codes: 0x38 = 1, 0x04 = 2^-7.
    @Test func chunksFeedTheirResultAsTheNextC() throws {
        let unit = try MatrixUnit.named("hopper:wgmma.m64n8k32.f32.e4m3.e4m3")
        // One row of K = 64: the first chunk gives 1 (1 + 2^-14 truncated), the second adds 2^-14 again.
        var a = [UInt64](repeating: 0, count: 64)
        a[0] = 0x38; a[1] = 0x04; a[33] = 0x04
        let product = try UnitMatrixProduct(unit: unit, m: 1, n: 1, k: 64, threads: 1)
        #expect(product.multiply(a: a, b: a, c: nil) == [0x3f80_0000])  // 2^-14 lost twice: 1.0
        // Promotion every 32: the second chunk starts from 0 and keeps 2^-14 exactly; FP32 adds 1 + 2^-14.
        let promoted = try UnitMatrixProduct(unit: unit, m: 1, n: 1, k: 64, promoteEvery: 32, threads: 1)
        #expect(promoted.multiply(a: a, b: a, c: nil) == [0x3f80_0200])
    }

    @Test func everyElementIsTheUnitsDotProduct() throws {
        let unit = try MatrixUnit.named("ampere:mma.m16n8k16.f32.bf16.bf16.f32")
        let engine = DotProductEngine(unit: unit)
        let (m, n, k) = (3, 5, 32)
        var random = SplitMix64(seed: 11)
        let a = (0..<(m * k)).map { _ in random.next() & 0x3fff | 0x3000 }
        let b = (0..<(k * n)).map { _ in random.next() & 0xbfff | 0x3000 }
        let c = (0..<(m * n)).map { _ in random.next() & 0x3fff_ffff }
        let d = try UnitMatrixProduct(unit: unit, m: m, n: n, k: k, threads: 2).multiply(a: a, b: b, c: c)
        for row in 0..<m {
            for column in 0..<n {
                var accumulator = c[row * n + column]
                for chunk in stride(from: 0, to: k, by: unit.k) {
                    accumulator = engine.evaluate(a: Array(a[(row * k + chunk)..<(row * k + chunk + unit.k)]),
                                                  b: (chunk..<(chunk + unit.k)).map { b[$0 * n + column] }, c: accumulator)
                }
                #expect(d[row * n + column] == accumulator)
            }
        }
    }

    @Test func kMustBeAMultipleOfTheUnitsK() throws {
        let unit = try MatrixUnit.named("ampere:mma.m16n8k16.f32.bf16.bf16.f32")
        #expect(throws: MatrixProductError.self) { try UnitMatrixProduct(unit: unit, m: 1, n: 1, k: 24) }
        #expect(throws: MatrixProductError.self) { try UnitMatrixProduct(unit: unit, m: 1, n: 1, k: 32, promoteEvery: 8) }
    }
}
