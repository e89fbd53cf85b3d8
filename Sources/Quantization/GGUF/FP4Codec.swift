#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ggml's MXFP4 and NVFP4: 4-bit E2M1 codes under a shared scale, decoded through the doubled
/// E2M1 table {0, 1, 2, 3, 4, 6, 8, 12, −0, −1, …, −12} (`kvalues_mxfp4`) times half the scale.
///
/// **Ties differ from OCP MX.** ggml picks each code by scanning the 16 table entries in order
/// and keeping the first with the smallest |k · d − x| (strict <), so a value halfway between two
/// magnitudes gets the *smaller* one, and zero gets +0 (index 0): 3.5 × scale → 3 (index 3),
/// where OCP's round-to-nearest-even gives 4. These are ggml's rules under the `gguf-` names;
/// the lab's `mxfp4`/`nvfp4` schemes keep the OCP/NVIDIA ones.
///
/// MXFP4 (32 elements, 17 bytes): E8M0 exponent e = floor(log2f(amax)) − 2 + 127, taken with
/// the C library's `log2f` as ggml does (for amax just below a power of two log2f can round up
/// to the integer, and so does ggml's exponent); the elements are coded against d = 2^(e−128)
/// (`GGML_E8M0_TO_FP32_HALF`), i.e. half the OCP scale with doubled table values.
///
///     amax = 6: log2f(6) = 2.58…, e = 2 − 2 + 127 = 127, d = 0.5; x = 1.75 → |k·0.5 − 1.75|
///     is 0.25 for k = 3 and k = 4: the first, k = 3 (1.5), wins; OCP would give 2.
///
/// NVFP4 (64 elements, 36 bytes): four UE4M3 scales, one per 16 elements, s = ue4m3(amax / 6)
/// with ggml's own conversion (mantissa rounded half up from bit 19 of the float32, subnormals
/// trunc(x · 512 + 0.5), clamped to 448 → 0x7e), then 32 bytes of codes; each sub-block's
/// codes use d = value(s) / 2.
enum FP4Codec {
    /// `kvalues_mxfp4`: twice the E2M1 values, sign in bit 3.
    static let doubledValues: [Int8] = [0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12]

    /// The first index with the smallest |k · d − x| over the 16 entries (`best_index_mxfp4`):
    /// ggml's own scan, in table order with a strict <, so a tie goes to the entry scanned
    /// first (the smaller magnitude, and +0 before −0), and NaN or infinite errors never win
    /// (index 0). Unrolled with the entries as literals, the compiler turns the scan into
    /// compares and selects with no table loads and no branches: ≈ 3 ns per element, where a
    /// loop over `doubledValues` took ≈ 24 and a two-neighbour search with branches ≈ 34.
    ///
    ///     bestIndex(1.75, 0.5)   // 3: |3·0.5 − 1.75| = |4·0.5 − 1.75| = 0.25, the first (1.5) wins
    ///     bestIndex(-5.1, 0.5)   // 8 + 7: −12 · 0.5 = −6 is nearest
    @inline(__always)
    static func bestIndex(_ x: Float, _ d: Float) -> UInt8 {
        var index: UInt8 = 0
        var error = abs(0 * d - x)
        @inline(__always) func consider(_ k: Float, _ i: UInt8) {
            let e = abs(k * d - x)
            if e < error { index = i; error = e }
        }
        consider(1, 1); consider(2, 2); consider(3, 3); consider(4, 4)
        consider(6, 5); consider(8, 6); consider(12, 7); consider(0, 8)
        consider(-1, 9); consider(-2, 10); consider(-3, 11); consider(-4, 12)
        consider(-6, 13); consider(-8, 14); consider(-12, 15)
        return index
    }

    /// `ggml_e8m0_to_fp32_half`: 2^(e − 128); e = 0 and 1 give the subnormals 2^−128 and 2^−127.
    @inline(__always)
    static func halfScale(e8m0 e: UInt8) -> Float {
        e < 2 ? Float(bitPattern: UInt32(0x0020_0000) << UInt32(e)) : Float(bitPattern: UInt32(e - 1) << 23)
    }

    /// The E8M0 exponent ggml stores for a block maximum: floor(log2f(amax)) − 2 + 127 cast to
    /// uint8 as C does (via int32), 0 for amax = 0.
    @inline(__always)
    static func exponent(amax: Float) -> UInt8 {
        guard amax > 0 else { return 0 }
        let value = log2f(amax).rounded(.down) - 2 + 127
        return UInt8(truncatingIfNeeded: GGMLRounding.truncateInt32(value))
    }

    /// `ggml_fp32_to_ue4m3`: 0 for x ≤ 0 or NaN; 448 and above → 0x7e; below 2^−6 the
    /// subnormals trunc(x · 512 + 0.5) clamped to 1 … 7 (0 below); otherwise exponent + 7 and
    /// the top three mantissa bits plus the next bit (ties and above round up, no sticky bit).
    static func ue4m3(_ value: Float) -> UInt8 {
        guard value > 0 else { return 0 }
        let x = value > 448 ? 448 : value
        let bits = x.bitPattern
        let exponent = Int32((bits >> 23) & 0xff) - 127 + 7
        if exponent <= 0 {
            let mantissa = GGMLRounding.truncateInt32(x * 512 + 0.5)
            if mantissa < 1 { return 0 }
            return UInt8(min(7, mantissa))
        }
        if exponent >= 15 { return 0x7e }
        var resultExponent = exponent
        var mantissa = Int32((bits >> 20) & 7) + Int32((bits >> 19) & 1)
        if mantissa > 7 {
            mantissa = 0
            resultExponent += 1
            if resultExponent >= 15 { return 0x7e }
        }
        return UInt8(resultExponent << 3 | mantissa)
    }

    /// `ggml_ue4m3_to_fp32`: half the UE4M3 value; 0x00 and 0x7f give 0.
    @inline(__always)
    static func halfValue(ue4m3 code: UInt8) -> Float {
        if code == 0 || code == 0x7f { return 0 }
        let exponent = Int32((code >> 3) & 0xf)
        let mantissa = Float(code & 7)
        let raw: Float = exponent == 0 ? mantissa * 0x1p-9 : (1 + mantissa / 8) * Float(sign: .plus, exponent: Int(exponent - 7), significand: 1)
        return raw * 0.5
    }
}
