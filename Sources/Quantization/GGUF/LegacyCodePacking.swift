/// The code layout of every legacy type (Q4_0, Q4_1, Q5_0, Q5_1), after the block's float16
/// header (d, or d and m): for 5-bit codes, bit 4 of element j in bit j of a little-endian
/// uint32 `qh`; then 16 bytes, element j's low nibble in the low nibble of byte j and element
/// j + 16's in the high nibble.
///
///     codes 0…31 = [1, 2, …], 4 bits: byte 0 = 0x01 | code[16] << 4
enum LegacyCodePacking {
    /// Bytes after the header: 16 for 4-bit codes, 20 for 5-bit ones.
    static func payloadBytes(bits: Int) -> Int { bits == 4 ? 16 : 20 }

    /// Packs 32 codes (any integer type; their low `bits` bits) at `payload`.
    @inline(__always)
    static func pack<Code: FixedWidthInteger>(_ L: UnsafePointer<Code>, into payload: UnsafeMutablePointer<UInt8>, bits: Int) {
        var qs = payload
        if bits == 5 {
            var qh: UInt32 = 0
            for j in 0..<16 {
                qh |= UInt32((UInt8(truncatingIfNeeded: L[j]) & 0x10) >> 4) << UInt32(j)
                qh |= UInt32((UInt8(truncatingIfNeeded: L[j + 16]) & 0x10) >> 4) << UInt32(j + 16)
            }
            for k in 0..<4 { payload[k] = UInt8(truncatingIfNeeded: qh >> UInt32(8 * k)) }
            qs = payload + 4
        }
        for j in 0..<16 {
            qs[j] = (UInt8(truncatingIfNeeded: L[j]) & 0x0f) | (UInt8(truncatingIfNeeded: L[j + 16]) & 0x0f) << 4
        }
    }

    /// The 32 codes packed at `payload`, each passed to `body(j, code)`.
    @inline(__always)
    static func unpack(_ payload: UnsafePointer<UInt8>, bits: Int, _ body: (Int, Int32) -> Void) {
        var qh: UInt32 = 0
        var qs = payload
        if bits == 5 {
            qh = UInt32(payload[0]) | UInt32(payload[1]) << 8 | UInt32(payload[2]) << 16 | UInt32(payload[3]) << 24
            qs = payload + 4
        }
        for j in 0..<16 {
            let high0 = Int32((qh >> UInt32(j)) & 1) << 4
            let high1 = Int32((qh >> UInt32(j + 16)) & 1) << 4
            body(j, Int32(qs[j] & 0x0f) | high0)
            body(j + 16, Int32(qs[j] >> 4) | high1)
        }
    }
}
