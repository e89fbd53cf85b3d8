/// FNV-1a, 64-bit: a tiny, fixed, platform-independent hash (Swift's `Hasher` is seeded per
/// process, so it cannot name anything that is written to disk).
///
///     Fingerprint.fnv1a64(Array("".utf8))    // 0xcbf29ce484222325
///     Fingerprint.fnv1a64(Array("a".utf8))   // 0xaf63dc4c8601ec8c
public enum Fingerprint {
    public static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    public static func fnv1a64(_ text: String) -> UInt64 { fnv1a64(Array(text.utf8)) }

    /// 16 lowercase hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
