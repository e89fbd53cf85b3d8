/// The 12-byte packing of eight 6-bit sub-scales and eight 6-bit sub-mins in Q4_K and Q5_K
/// (`get_scale_min_k4`): for j < 4, scale j is the low 6 bits of byte j and min j of byte
/// j + 4; for j ≥ 4, scale j = low nibble of byte j + 4 | (top 2 bits of byte j − 4) << 4 and
/// min j = high nibble of byte j + 4 | (top 2 bits of byte j) << 4.
///
///     scales 0…7 = 63, 1, 2, 3, 40, 5, 6, 7 and mins = 0…7 → byte 0 = 63 | (40 >> 4) << 6 = 0xbf,
///     byte 8 = (40 & 0xf) | (4 & 0xf) << 4 = 0x48
enum ScaleMinK4 {
    @inline(__always)
    static func pack(scale ls: UInt8, min lm: UInt8, _ j: Int, into scales: UnsafeMutablePointer<UInt8>) {
        if j < 4 {
            scales[j] = ls
            scales[j + 4] = lm
        } else {
            scales[j + 4] = (ls & 0xf) | (lm & 0xf) << 4
            scales[j - 4] |= (ls >> 4) << 6
            scales[j] |= (lm >> 4) << 6
        }
    }

    @inline(__always)
    static func unpack(_ j: Int, _ q: UnsafePointer<UInt8>) -> (scale: UInt8, min: UInt8) {
        if j < 4 { return (q[j] & 63, q[j + 4] & 63) }
        return ((q[j + 4] & 0xf) | (q[j - 4] >> 6) << 4, (q[j + 4] >> 4) | (q[j] >> 6) << 4)
    }
}
