import CNarrowingKernels

/// SIMD lanes narrowed to bytes inside the quantize kernels' loops (MX, NVFP4, NF4, int8
/// codes), through the header-only C function `precisionlab_low_bytes`: Swift's generic
/// `SIMD16<UInt8>(truncatingIfNeeded:)` can stay an out-of-line call there, which spills every
/// live vector register around it (perf on the MX kernel: the two calls per 32-element block
/// and their spills were a good part of its time). The C function is always inlined: with
/// AVX2 five instructions for 16 lanes.
///
///     LaneNarrowing.lowBytes(SIMD8(1, 2, 3, 4, 5, 6, 7, 0x108), SIMD8(9, 10, 11, 12, 13, 14, 15, 16))
///     // SIMD16<UInt8>(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)
public enum LaneNarrowing {
    /// The low byte of each lane, `low`'s eight then `high`'s eight.
    @inlinable @inline(__always)
    public static func lowBytes(_ low: SIMD8<Int32>, _ high: SIMD8<Int32>) -> SIMD16<UInt8> {
        precisionlab_low_bytes(low, high)
    }
}
