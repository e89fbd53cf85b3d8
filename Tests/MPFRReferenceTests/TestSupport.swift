import MPFRReference
import SoftFloat
import Testing

/// `0x` + the code in hex, zero-padded to the format's width: `hex(0x7e, .float8_e4m3fn) == "0x7e"`.
func hex(_ bits: UInt64, _ format: FloatFormat) -> String {
    let digits = String(bits, radix: 16)
    let width = (format.bitWidth + 3) / 4
    return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// True when two codes denote the same result: equal bits, or both NaN (payload and sign of
/// NaNs are not compared).
func sameResult(_ a: UInt64, _ b: UInt64, _ format: FloatFormat) -> Bool {
    a == b || (MPFRValue(bits: a, format: format).isNaN && MPFRValue(bits: b, format: format).isNaN)
}

/// Random codes of a format, weighted toward the interesting places: anywhere (uniform bits),
/// around 1, next to the subnormal boundary, next to the overflow boundary, and special codes.
struct CodeSampler {
    var random: SplitMix64
    let format: FloatFormat

    init(format: FloatFormat, seed: UInt64) {
        self.format = format
        random = SplitMix64(seed: seed)
    }

    mutating func next() -> UInt64 {
        let sign: UInt64 = random.next() & 1 == 0 ? 0 : format.signMask
        let mantissa = random.next() & format.mantissaMask
        let maxBiased = format.maxFiniteBiasedExponent
        let kind = random.next() % 10
        let biased: Int
        switch kind {
        case 0, 1: return random.next() & format.codeMask
        case 2, 3, 4: biased = format.bias - 8 + Int(random.next() % 17)    // near 1
        case 5, 6: biased = Int(random.next() % 4)                          // subnormals, smallest normals
        case 7: biased = maxBiased - Int(random.next() % 3)                 // largest binades
        case 8: return sign | (random.next() & 7 & format.magnitudeMask)    // tiny subnormals and zero
        default: return sign | format.maxFiniteBits - (random.next() & 3 & format.maxFiniteBits)  // largest values
        }
        return sign | UInt64(min(max(biased, 0), maxBiased)) << UInt64(format.mantissaBits) | mantissa
    }

    /// A code close to `code`: a few ulps away, or its negation, so that sums cancel.
    mutating func near(_ code: UInt64) -> UInt64 {
        let delta = random.next() % 5
        let moved = random.next() & 1 == 0 ? code &+ delta : code &- delta
        return (moved ^ (random.next() & 1 == 0 ? format.signMask : 0)) & format.codeMask
    }
}

/// A test-table row for rounding a literal to a format.
struct TextCase: Sendable, CustomTestStringConvertible {
    var text: String
    var format: FloatFormat
    var rounding: RoundingMode = .nearestEven
    var overflow: OverflowPolicy = .default
    var subnormals: SubnormalPolicy = .keep
    var bits: UInt64
    var flags: FloatFlags = []

    var testDescription: String {
        "\(text) → \(format.name) \(rounding.rawValue) \(overflow.rawValue) \(subnormals.rawValue) = \(hex(bits, format)) \(flags)"
    }
}
