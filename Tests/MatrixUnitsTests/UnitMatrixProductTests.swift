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

    /// Volta's `mma.m8n8k4.f32.f16.f16.f16` reads C as f16, but a kernel feeds each chunk's f32 D
    /// back as the next C in f32: the second chunk must not read 0x40000400 as an f16 code.
    @Test func anF16CUnitGoesOnInF32() throws {
        let unit = try MatrixUnit.named("volta:mma.m8n8k4.f32.f16.f16.f16")
        // f16 0x3c00 = 1, 0x0c00 = 2^-12, C = 1: chunk 1 gives 2 + 2^-12 (f32 0x40000400), chunk 2 adds 1·1.
        let a: [UInt64] = [0x3c00, 0x0c00, 0, 0, 0x3c00, 0, 0, 0]
        let b: [UInt64] = [0x3c00, 0x3c00, 0, 0, 0x3c00, 0, 0, 0]
        let product = try UnitMatrixProduct(unit: unit, m: 1, n: 1, k: 8, threads: 1)
        #expect(product.multiply(a: a, b: b, c: [0x3c00]) == [0x4040_0400])  // 1 + 1 + 2^-12 + 1 = 3 + 2^-12
    }

    /// An f32 D rounded toward zero from a tiny negative sum is +0, not −0 (MMA-Sim).
    @Test func aSumThatRoundsToZeroIsPositiveZero() throws {
        let engine = DotProductEngine(unit: try MatrixUnit.named("hopper:wgmma.m64n8k16.f32.bf16.bf16"))
        // bf16 0x8080 = −2^-126 times 0x3e80 = 2^-2: −2^-128 is an f32 subnormal; times 2^-126 (0x0080)
        // it is −2^-252, which rounds toward zero to 0 in f32.
        var a = [UInt64](repeating: 0, count: 16), b = [UInt64](repeating: 0, count: 16)
        a[0] = 0x8080; b[0] = 0x0080
        #expect(engine.evaluate(a: a, b: b, c: 0) == 0)
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
