import Testing
@testable import Quantization

/// The lane layout of ``Q3_KSubBlockSearch`` and its doc comment's worked value, worked out by
/// hand; ggml's own bytes for whole super-blocks are GGUFGoldenBlockTests' job.
@Suite struct Q3_KSubBlockSearchTests {
    /// 1, 2, …, 16 in sub-block `ramp`, values below GROUP_MAX_EPS (1e-16) in sub-block
    /// `tiny`, zeros elsewhere. iscale = −4/16 gives codes 0, 0, −1, −1, −1, −2 × 5, −3 × 3,
    /// −4 × 3 (ties to even: 2 ↦ 0, 10 ↦ −2, 14 ↦ −4); every term x³·l is ≤ 0, so no pass
    /// moves a code, and the sums are exact integers: Σx³l = −62444, Σx²l² = 16108.
    @Test(arguments: [(0, 1), (7, 8), (8, 7), (15, 0), (5, 12)])
    func rampAmongZeroSubBlocks(ramp: Int, tiny: Int) {
        var x = [Float](repeating: 0, count: 256)
        for i in 0..<16 {
            x[16 * ramp + i] = Float(i + 1)
            x[16 * tiny + i] = i % 3 == 0 ? -1e-16 : 1e-17
        }
        let lanes = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: 32)
        let codes = UnsafeMutablePointer<SIMD8<Int32>>.allocate(capacity: 34)
        defer { lanes.deallocate(); codes.deallocate() }
        Q3_KSubBlockSearch.load(x, into: lanes)
        let scales = Q3_KSubBlockSearch.scales(lanes, codes: codes)
        let expectedRamp: [Int32] = [4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 0, 0, 0]
        for j in 0..<16 {
            Q3_KSubBlockSearch.codes(ofSubBlock: j, codes, into: codes + 32)
            let found = (0..<16).map { $0 < 8 ? codes[32][$0] : codes[33][$0 - 8] }
            if j == ramp {
                #expect(found == expectedRamp)
                #expect(scales[j].bitPattern == (Float(-62444) / Float(16108)).bitPattern, "\(scales[j])")
            } else {
                #expect(found == [Int32](repeating: 0, count: 16), "sub-block \(j)")
                #expect(scales[j].bitPattern == 0, "sub-block \(j): \(scales[j])")
            }
        }
    }

    /// clamp(nearest_int(v), −4, 3): ties to even, and out-of-range values clamp.
    @Test func codeRoundsHalfToEvenAndClamps() {
        let v = SIMD8<Float>(-9.5, -4.5, -3.5, -0.5, 0.5, 2.5, 3.5, 1e6)
        #expect(Q3_KSubBlockSearch.code(v) == SIMD8<Int32>(-4, -4, -4, 0, 0, 2, 3, 3))
    }
}
