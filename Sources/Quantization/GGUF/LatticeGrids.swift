/// ggml's IQ grids decoded from ``LatticeCodebooks`` into the form ggml uses: entry k as a
/// little-endian word whose bytes are the grid values (`iq2xxs_grid[k]` etc.).
///
///     LatticeGrids.iq2xxs[1]   // 0x080808080808082b: values 43, 8, 8, 8, 8, 8, 8, 8
///     LatticeGrids.iq1s[0]     // 0xffffffffffffffff: eight −1s (int8)
enum LatticeGrids {
    static let iq2xxs = decode2Bit(LatticeCodebooks.iq2xxsPacked, levels: LatticeCodebooks.iq2xxsLevels)
    static let iq2xs = decode2Bit(LatticeCodebooks.iq2xsPacked, levels: LatticeCodebooks.iq2xsLevels)
    static let iq2s = decode2Bit(LatticeCodebooks.iq2sPacked, levels: LatticeCodebooks.iq2sLevels)
    static let iq1s = decode2Bit(LatticeCodebooks.iq1sPacked, levels: LatticeCodebooks.iq1sLevels)
    static let iq3xxs = decode4Bit(LatticeCodebooks.iq3xxsPacked, levels: LatticeCodebooks.iq3xxsLevels)
    static let iq3s = decode4Bit(LatticeCodebooks.iq3sPacked, levels: LatticeCodebooks.iq3sLevels)

    /// `ksigns_iq2xs[i]`: the seven sign bits i plus an eighth that makes the count of minus
    /// signs even: i | parity(i) << 7 (1 → 129, 3 → 3).
    static let signs: [UInt8] = (0..<128).map { UInt8($0) | UInt8($0.nonzeroBitCount & 1) << 7 }

    static func nibbles(_ text: String) -> [UInt8] {
        text.utf8.map { $0 <= 57 ? $0 - 48 : $0 - 87 }
    }

    /// Two hex digits per byte, four 2-bit level indices per byte (least significant first),
    /// eight values per entry.
    static func decode2Bit(_ text: String, levels: [UInt8]) -> [UInt64] {
        let digits = nibbles(text)
        var entries: [UInt64] = []
        entries.reserveCapacity(digits.count / 4)
        var entry: UInt64 = 0
        var valueIndex = 0
        for pair in stride(from: 0, to: digits.count, by: 2) {
            let byte = digits[pair] << 4 | digits[pair + 1]
            for k in 0..<4 {
                let level = levels[Int((byte >> UInt8(2 * k)) & 3)]
                entry |= UInt64(level) << UInt64(8 * (valueIndex % 8))
                valueIndex += 1
                if valueIndex % 8 == 0 {
                    entries.append(entry)
                    entry = 0
                }
            }
        }
        return entries
    }

    /// One hex digit (level index) per value, four values per entry.
    static func decode4Bit(_ text: String, levels: [UInt8]) -> [UInt32] {
        let digits = nibbles(text)
        return stride(from: 0, to: digits.count, by: 4).map { start in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(levels[Int(digits[start + $1])]) << UInt32(8 * $1) }
        }
    }
}
