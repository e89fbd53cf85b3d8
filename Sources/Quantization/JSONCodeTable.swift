import SoftFloat

/// The JSON text of each code of a format of 16 bits or fewer (``JSONValue/appendCode(_:_:to:)``:
/// the exact printed decimal, NaN as null, ±∞ as strings), printed once per document so that each
/// element of a matrix is a copy of a few bytes. That text is a function of the code alone,
/// and printing it exactly takes big integers (a few µs for an FP8 code), against 4 M
/// elements in a 1024 × 4096 `q` or `dequantized`.
///
/// 8-bit and narrower formats get all their codes (256 at most); wider ones (float16,
/// bfloat16) only the codes `codes` holds, so a small matrix does not pay for 65,536.
///
///     let table = JSONCodeTable(.float8_e4m3fn, codes: [])!
///     table.width              // 12: "-0.001953125" (-2^-9, exact)
///     table.room               // 16: write copies whole 8-byte words
///     table.write(0x7e, to: out)   // 5: 448.0
///     table.write(0x7f, to: out)   // 4: null
///     JSONCodeTable(.float32, codes: [])   // nil: float32 writes its digits directly
struct JSONCodeTable: Sendable {
    let format: FloatFormat
    /// `slotSize` bytes per code: the text (31 bytes at most), then its length in the last
    /// byte; length 0 for a code that `codes` did not hold.
    private let slots: [UInt8]
    /// The longest text in the table.
    let width: Int
    /// The bytes ``write(_:to:)`` may write: ``width`` rounded up to whole 8-byte words.
    var room: Int { (width + 7) & ~7 }

    static let slotSize = 32

    /// Nil when `format` is wider than 16 bits, or a text does not fit a slot.
    init?(_ format: FloatFormat, codes: some Sequence<UInt64>) {
        guard format.bitWidth <= 16 else { return nil }
        self.format = format
        let count = 1 << format.bitWidth
        var present = [Bool](repeating: format.bitWidth <= 8, count: count)
        if format.bitWidth > 8 {
            for code in codes { present[Int(truncatingIfNeeded: code & format.codeMask)] = true }
        }
        var slots = [UInt8](repeating: 0, count: count * Self.slotSize)
        var width = 0
        var text: [UInt8] = []
        for code in 0..<count where present[code] {
            text.removeAll(keepingCapacity: true)
            JSONValue.appendCode(UInt64(code), format, to: &text)
            guard text.count < Self.slotSize else { return nil }
            let slot = code * Self.slotSize
            slots[slot + Self.slotSize - 1] = UInt8(text.count)
            for (offset, byte) in text.enumerated() { slots[slot + offset] = byte }
            width = max(width, text.count)
        }
        self.slots = slots
        self.width = width
    }

    /// Writes the JSON text of `bits` (a code of ``format`` that the table was made with) at
    /// `out` and returns its length; `out` must have ``room`` bytes, which it may all write
    /// (the slot is copied in whole words, with no call to `memcpy`).
    @inline(__always)
    func write(_ bits: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let slot = Int(truncatingIfNeeded: bits & format.codeMask) &* Self.slotSize
        let words = room &>> 3
        return slots.withUnsafeBufferPointer { slots in
            let text = UnsafeRawPointer(slots.baseAddress! + slot)
            let length = Int(text.load(fromByteOffset: Self.slotSize - 1, as: UInt8.self))
            precondition(length > 0, "JSONCodeTable: code \(bits) was not among the codes the table was made for")
            for word in 0..<words {
                UnsafeMutableRawPointer(out).storeBytes(of: text.loadUnaligned(fromByteOffset: 8 &* word, as: UInt64.self),
                                                        toByteOffset: 8 &* word, as: UInt64.self)
            }
            return length
        }
    }
}
