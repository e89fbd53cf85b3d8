/// The lab's one hex-code scanner: `[0x|0X]` then 1–16 hex digits in either case, as
/// `convert --from`, `inspect --from` and `arith` read codes. It only reads the number;
/// whether the code fits a format is ``FloatFormat/parseCode(_:)-(StringProtocol)``'s question.
///
///     "0x3c00" → 0x3c00,   "3C00" → 0x3c00,   "0x" → .noDigits,   "0x3g" → .unexpected("g")
///
/// It never allocates, so the streaming commands call it on every line.
public enum CodeScanner {
    /// What is wrong with a code. A byte that is not a hex digit is reported before a count
    /// problem, so `0x12345678901234567z` is `.unexpected("z")`.
    public enum Problem: Error, Sendable, Hashable {
        case noDigits
        /// More than 16 hex digits (leading zeros count).
        case tooManyDigits
        case unexpected(UInt8)
    }

    /// Scans `bytes[start..<end]` as one code.
    @inlinable
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws(Problem) -> UInt64 {
        var index = start
        if end - index >= 2, bytes[index] == UInt8(ascii: "0"), bytes[index + 1] | 0x20 == UInt8(ascii: "x") { index += 2 }
        let digitCount = end - index
        var value: UInt64 = 0
        while index < end {
            let nibble = NumberScanner.digitValue(bytes[index], hex: true)
            guard nibble < 16 else { throw .unexpected(bytes[index]) }
            value = value << 4 | UInt64(nibble)
            index += 1
        }
        guard digitCount > 0 else { throw .noDigits }
        guard digitCount <= 16 else { throw .tooManyDigits }
        return value
    }
}
