import SoftFloat

/// Intel AMX `TDPBF16PS` for one element of D, as the Intel SDM's pseudocode gives it
/// (Vol. 2, "TDPBF16PS—Dot Product of BF16 Tiles Accumulated into Packed Single Precision
/// Tile", Operation):
///
///     temp.fp32[even] = temp.fp32[odd] = 0
///     for k in 0 ..< K/2:                      // FP32 FMA with DAZ=FTZ=1, RNE
///         temp.fp32[even] += make_fp32(a[2k+0]) * make_fp32(b[2k+0])
///         temp.fp32[odd]  += make_fp32(a[2k+1]) * make_fp32(b[2k+1])
///     d = c + (temp.fp32[even] + temp.fp32[odd])   // two FP32 adds, DAZ=FTZ=1, RNE
///
/// `make_fp32` puts the bf16 code in the upper half of an f32 code (exact). DAZ: a subnormal
/// operand (a bf16 input or C) counts as a zero of its sign. FTZ: a result whose magnitude,
/// rounded to 24 bits with unbounded exponent, is below 2^-126 becomes a zero of its sign
/// (our reading: x86 detects tininess after rounding, SDM Vol. 1 "Numeric Underflow Exception
/// (#U)"). With a full tile row (64 bytes) K = 32.
///
/// Intel's Intrinsics Guide writes the loop as one accumulator (`tmp.fp32[n] += even product;
/// tmp.fp32[n] += odd product`, starting from C); the SDM's two chains are what this type follows.
///
///     // a = [1, 2^-24], b = [1, 1] (bf16 0x3f80, 0x3380), c = 1 (0x3f800000):
///     // even chain 1, odd chain 2^-24, 1 + 2^-24 → 1 (tie to even), 1 + 1 = 2 → 0x40000000
///
/// NaN results: the NaN the lab's f32 FMA and add give (the SDM's pseudocode does not state
/// AMX's NaN propagation); no exceptions are raised.
enum AMXTileDotProduct {
    static let options = RoundingOptions(rounding: .nearestEven, subnormals: .flush)
    static let single = FloatFormat.float32

    /// An f32 code with DAZ applied: a subnormal becomes the zero of its sign.
    @inline(__always) static func readAsZeroIfSubnormal(_ code: UInt64) -> UInt64 {
        code & 0x7f80_0000 == 0 ? code & 0x8000_0000 : code
    }

    /// `make_fp32` of a bf16 code, with DAZ.
    @inline(__always) static func widened(_ code: UInt64) -> UInt64 {
        readAsZeroIfSubnormal((code & 0xffff) << 16)
    }

    /// d for one element: `a.count` (even) bf16 codes of A and of B, C an f32 code.
    static func evaluate(a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>, c: UInt64) -> UInt64 {
        var even: UInt64 = 0, odd: UInt64 = 0
        var index = 0
        while index + 1 < a.count {
            even = single.fusedMultiplyAdd(widened(a[index]), widened(b[index]), even, options: options).bits
            odd = single.fusedMultiplyAdd(widened(a[index + 1]), widened(b[index + 1]), odd, options: options).bits
            index += 2
        }
        let products = single.add(even, odd, options: options).bits
        return single.add(readAsZeroIfSubnormal(c & 0xffff_ffff), products, options: options).bits
    }
}
