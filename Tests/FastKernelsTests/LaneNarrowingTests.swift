import FastKernels
import SoftFloat
import Testing

/// ``LaneNarrowing/lowBytes(_:_:)`` against the scalar truncation of each lane.
@Suite struct LaneNarrowingTests {
    @Test func workedExample() {
        let bytes = LaneNarrowing.lowBytes(SIMD8(1, 2, 3, 4, 5, 6, 7, 0x108), SIMD8(9, 10, 11, 12, 13, 14, 15, 16))
        #expect(bytes == SIMD16<UInt8>(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16))
    }

    /// Random lanes, negative and wider than a byte included.
    @Test(arguments: [UInt64(1), 2, 3])
    func agreesWithScalarTruncation(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<1000 {
            var low = SIMD8<Int32>(), high = SIMD8<Int32>()
            for lane in 0..<8 {
                low[lane] = Int32(truncatingIfNeeded: random.next())
                high[lane] = Int32(truncatingIfNeeded: random.next() >> UInt64(random.next() % 56))
            }
            let bytes = LaneNarrowing.lowBytes(low, high)
            for lane in 0..<8 {
                #expect(bytes[lane] == UInt8(truncatingIfNeeded: low[lane]))
                #expect(bytes[8 + lane] == UInt8(truncatingIfNeeded: high[lane]))
            }
        }
    }
}
