/// The decimal digits of an unsigned integer, written straight into a byte buffer two at a
/// time from a 100-entry table of digit pairs ("00", "01", …, "99"): the one digit writer of
/// the in-place printers (``Float32ShortestDecimal``'s digits and exponent, the JSON
/// integers of `quantize --json`). The integer writers are public and `@inlinable` (made
/// `package`, a small Swift 6.3 test still called them across modules), so that a JSON row
/// loop in another module has them inline: the call was about an eighth of the JSON's own
/// time in a profile.
///
///     DecimalDigits.count(0)                      // 1
///     DecimalDigits.count(4_294_967_295)          // 10
///     DecimalDigits.write(1234, to: out)          // 4: "1234" (pairs "12", "34")
///     DecimalDigits.write(907, count: 3, to: out) // "907" (pair "07", then "9")
public enum DecimalDigits {
    /// The two ASCII digits of n (0 … 99) at offset 2n: a literal, so it costs no
    /// initialization and no bounds check.
    @usableFromInline static let pairs: StaticString = """
        0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// The most digits ``write(_:to:)`` writes: 18,446,744,073,709,551,615 has 20.
    package static var maxCount: Int { 20 }

    /// The number of decimal digits of `value`, 1 for 0.
    ///
    ///     DecimalDigits.count(9)      // 1
    ///     DecimalDigits.count(10)     // 2
    ///     DecimalDigits.count(99)     // 2
    ///     DecimalDigits.count(100)    // 3
    @inlinable @inline(__always)
    public static func count(_ value: UInt64) -> Int {
        if value < 100 { return value < 10 ? 1 : 2 }
        if value < 10_000 { return value < 1_000 ? 3 : 4 }
        if value < 1_000_000 { return value < 100_000 ? 5 : 6 }
        if value < 100_000_000 { return value < 10_000_000 ? 7 : 8 }
        var count = 9
        var power: UInt64 = 1_000_000_000
        while count < 20, value >= power {  // 10^19 is the last power below 2^64: 20 digits at most
            count &+= 1
            power &*= 10
        }
        return count
    }

    /// Writes the digits of `value` at `out`, most significant first, and returns their
    /// number (``count(_:)``). Below 1000 (the codes of 8-bit integers) without a branch on
    /// the length; `out` then needs room for 4 bytes, which it may all write.
    ///
    ///     DecimalDigits.write(0, to: out)                      // 1: "0"
    ///     DecimalDigits.write(127, to: out)                    // 3: "127"
    ///     DecimalDigits.write(18_446_744_073_709_551_615, to: out)  // 20
    @inlinable @inline(__always)
    @discardableResult
    public static func write(_ value: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 1000 {
            // The three digits h, t, u as the bytes of one word, the leading zeros shifted out.
            let hundreds = value / 100
            let pair = UnsafeRawPointer(pairs.utf8Start).loadUnaligned(
                fromByteOffset: 2 &* Int(truncatingIfNeeded: value &- hundreds &* 100), as: UInt16.self)
            let word = UInt32(truncatingIfNeeded: hundreds) | 0x30 | UInt32(UInt16(littleEndian: pair)) << 8
            let count = 1 &+ (value >= 10 ? 1 : 0) &+ (value >= 100 ? 1 : 0)
            UnsafeMutableRawPointer(out).storeBytes(of: (word &>> (24 &- 8 &* count)).littleEndian, as: UInt32.self)
            return count
        }
        let count = count(value)
        write(value, count: count, to: out)
        return count
    }

    /// Writes the `count` digits of `value` (`count` must be ``count(_:)`` of it) at `out`:
    /// the last two first, from the pair table, then the next two, and a lone leading digit
    /// last.
    @inlinable @inline(__always)
    public static func write(_ value: UInt64, count: Int, to out: UnsafeMutablePointer<UInt8>) {
        let table = UnsafeRawPointer(pairs.utf8Start)
        var rest = value
        var end = out + count
        while rest >= 100 {
            let pair = Int(truncatingIfNeeded: rest % 100)
            rest /= 100
            end -= 2
            UnsafeMutableRawPointer(end).storeBytes(of: table.loadUnaligned(fromByteOffset: 2 &* pair, as: UInt16.self),
                                                    as: UInt16.self)
        }
        if rest >= 10 {
            UnsafeMutableRawPointer(end - 2).storeBytes(
                of: table.loadUnaligned(fromByteOffset: 2 &* Int(truncatingIfNeeded: rest), as: UInt16.self), as: UInt16.self)
        } else {
            (end - 1).pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest)
        }
    }

    /// The 8 decimal digits of `value` (below 10^8, leading zeros included) as the bytes of
    /// one word, most significant first in memory order (little-endian), each 0 … 9, made
    /// without a division in two lane-wise steps: two 4-digit halves in 32-bit lanes, each
    /// split by 100 (× 10486 ≫ 20, exact below 10^4) into 16-bit lanes, each split by 10
    /// (× 103 ≫ 10, exact below 100) into bytes.
    ///
    ///     DecimalDigits.digitBytes(12_345_678)   // 0x0807_0605_0403_0201 (bytes 1, 2, …, 8)
    ///     DecimalDigits.digitBytes(907)          // 0x0700_0900_0000_0000
    @inline(__always)
    static func digitBytes(_ value: UInt64) -> UInt64 {
        let high = value / 10_000
        let fours = high | (value &- high &* 10_000) << 32
        let hundreds = ((fours &* 10486) &>> 20) & 0x0000_007f_0000_007f
        let twos = hundreds | (fours &- hundreds &* 100) << 16
        let tens = ((twos &* 103) &>> 10) & 0x000f_000f_000f_000f
        return tens | (twos &- tens &* 10) << 8
    }

    /// The ASCII digits of `value` (0 … 999,999,999): the first 8 as the bytes of `first`
    /// (memory order, the text's first byte lowest; bytes past the digits are "0"), the 9th
    /// as `ninth` ("0" when there are fewer), and their number, with no branch on the length
    /// but one for 9 digits.
    ///
    ///     DecimalDigits.ascii(12)          // first "12000000", ninth "0", count 2
    ///     DecimalDigits.ascii(123456789)   // first "12345678", ninth "9", count 9
    @inline(__always)
    package static func ascii(_ value: UInt32) -> (first: UInt64, ninth: UInt8, count: Int) {
        let zeros: UInt64 = 0x3030_3030_3030_3030
        if value >= 100_000_000 {
            let lead = value / 100_000_000
            let rest = digitBytes(UInt64(value &- lead &* 100_000_000)) | zeros
            return (UInt64(lead) | 0x30 | rest << 8, UInt8(truncatingIfNeeded: rest >> 56), 9)
        }
        let bytes = digitBytes(UInt64(value))
        let leading = min(bytes.trailingZeroBitCount, 56) & ~7  // leading zero digits × 8 (0 keeps one)
        return ((bytes &>> leading) | zeros, UInt8(ascii: "0"), 8 &- leading &>> 3)
    }
}
