import SoftFloat

/// `convert --output value`'s printer: ``SoftFloat/FloatFormat/printedDecimal(_:)`` for every
/// format, each code's text kept after its first use when the format has at most 20 bits.
///
/// Formats of fewer than 32 bits print their exact digits (128-bit integers, big ones for
/// the few codes whose digits do not fit); a stream of millions of lines holds at most 2^16
/// (tf32: 2^19) distinct codes, so each is printed once and looked up afterwards. float32 and
/// float64 print their shortest digits (``SoftFloat/Float32ShortestDecimal``, the hardware's
/// printer).
///
///     var table = PrintedDecimalTable(.float8_e4m3fn)
///     table.text(0x7e)   // "448.0", printed once
///     table.text(0x7e)   // "448.0", looked up
struct PrintedDecimalTable {
    let format: FloatFormat
    private var texts: [String?]

    init(_ format: FloatFormat) {
        self.format = format
        texts = format.bitWidth <= 20 ? Array(repeating: nil, count: 1 << format.bitWidth) : []
    }

    mutating func text(_ bits: UInt64) -> String {
        guard !texts.isEmpty else {
            return format.printedDecimal(bits)
        }
        let index = Int(truncatingIfNeeded: bits & format.codeMask)
        if let text = texts[index] { return text }
        let text = format.printedDecimal(bits)
        texts[index] = text
        return text
    }
}
