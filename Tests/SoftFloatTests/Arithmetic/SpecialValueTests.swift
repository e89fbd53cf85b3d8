import Testing
@testable import SoftFloat

/// IEEE special cases mapped onto each format family, one table row each.
struct SpecialValueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let operation: String
        let format: FloatFormat
        let operands: [UInt64]
        let rounding: RoundingMode
        let bits: UInt64
        let flags: FloatFlags
        var testDescription: String { "\(operation) \(format.name) \(operands.map(format.hexString)) \(rounding.rawValue)" }

        init(_ operation: String, _ format: FloatFormat, _ operands: [UInt64], _ rounding: RoundingMode = .nearestEven,
             bits: UInt64, _ flags: FloatFlags = []) {
            self.operation = operation
            self.format = format
            self.operands = operands
            self.rounding = rounding
            self.bits = bits
            self.flags = flags
        }

        func evaluate() -> Rounded {
            let options = RoundingOptions(rounding: rounding)
            let a = operands[0], b = operands.count > 1 ? operands[1] : 0, c = operands.count > 2 ? operands[2] : 0
            switch operation {
            case "add": return format.add(a, b, options: options)
            case "sub": return format.subtract(a, b, options: options)
            case "mul": return format.multiply(a, b, options: options)
            case "div": return format.divide(a, b, options: options)
            case "sqrt": return format.squareRoot(a, options: options)
            case "fma": return format.fusedMultiplyAdd(a, b, c, options: options)
            case "rem": return format.remainder(a, b, options: options)
            case "fmod": return format.truncatingRemainder(a, b, options: options)
            case "min": return format.minimum(a, b)
            case "max": return format.maximum(a, b)
            case "minNumber": return format.minimumNumber(a, b)
            case "maxNumber": return format.maximumNumber(a, b)
            default: fatalError("unknown operation \(operation)")
            }
        }
    }

    static let f16 = FloatFormat.float16
    static let fn = FloatFormat.float8_e4m3fn
    static let fnuz = FloatFormat.float8_e4m3fnuz
    static let e2m1 = FloatFormat.float4_e2m1fn
    static let e8m0 = FloatFormat.float8_e8m0fnu
    /// Signed without zero: 0x00 is +2^-3 and 0x20 is −2^-3, not −0 (none of the built-ins).
    static let signedWithoutZero = try! FloatFormat(name: "e3m2 without zero", exponentBits: 3, mantissaBits: 2,
                                                    nonFinite: .nanAllOnes, hasZero: false)

    static let cases: [Case] = [
        // NaN propagation: the first NaN operand, quieted; a signaling NaN raises invalid.
        Case("add", f16, [0x7d01, 0x7e55], bits: 0x7f01, .invalid),
        Case("add", f16, [0x3c00, 0xfe55], bits: 0xfe55),
        Case("mul", f16, [0x7e00, 0x7d00], bits: 0x7e00, .invalid),
        Case("fma", f16, [0x3c00, 0x7d05, 0x7e07], bits: 0x7f05, .invalid),
        Case("fma", f16, [0x3c00, 0x3c00, 0xfd07], bits: 0xff07, .invalid),
        Case("sqrt", f16, [0xfd00], bits: 0xff00, .invalid),
        Case("add", fn, [0xff, 0x38], bits: 0xff),
        Case("add", fnuz, [0x80, 0x38], bits: 0x80),
        // Invalid operations: the default NaN (positive, quiet), or +0 without NaN.
        Case("sub", f16, [0x7c00, 0x7c00], bits: 0x7e00, .invalid),
        Case("add", f16, [0x7c00, 0xfc00], bits: 0x7e00, .invalid),
        Case("mul", f16, [0x0000, 0xfc00], bits: 0x7e00, .invalid),
        Case("div", f16, [0x0000, 0x8000], bits: 0x7e00, .invalid),
        Case("div", f16, [0x7c00, 0xfc00], bits: 0x7e00, .invalid),
        Case("sqrt", f16, [0xbc00], bits: 0x7e00, .invalid),
        Case("sqrt", f16, [0xfc00], bits: 0x7e00, .invalid),
        Case("fma", f16, [0x0000, 0x7c00, 0x3c00], bits: 0x7e00, .invalid),
        Case("fma", f16, [0x7c00, 0x3c00, 0xfc00], bits: 0x7e00, .invalid),
        Case("fma", f16, [0x7c00, 0x0000, 0x7e03], bits: 0x7e03, .invalid),
        Case("rem", f16, [0x7c00, 0x3c00], bits: 0x7e00, .invalid),
        Case("rem", f16, [0x3c00, 0x0000], bits: 0x7e00, .invalid),
        Case("div", fn, [0x00, 0x00], bits: 0x7f, .invalid),
        Case("div", fnuz, [0x00, 0x00], bits: 0x80, .invalid),
        Case("div", e2m1, [0x0, 0x0], bits: 0x0, .invalid),
        Case("sqrt", e2m1, [0xa], bits: 0x0, .invalid),
        // Division by zero: ±∞, or the format's stand-in for an infinity it cannot hold.
        Case("div", f16, [0x3c00, 0x0000], bits: 0x7c00, .divideByZero),
        Case("div", f16, [0x3c00, 0x8000], bits: 0xfc00, .divideByZero),
        Case("div", f16, [0x7c00, 0x0000], bits: 0x7c00),
        Case("div", fn, [0x38, 0x80], bits: 0xff, [.divideByZero, .invalid]),
        Case("div", fnuz, [0x40, 0x00], bits: 0x80, [.divideByZero, .invalid]),
        Case("div", e2m1, [0x2, 0x8], bits: 0xf, [.divideByZero, .invalid]),
        // Exact infinities.
        Case("add", f16, [0x7c00, 0x7bff], bits: 0x7c00),
        Case("mul", f16, [0xfc00, 0xbc00], bits: 0x7c00),
        Case("div", f16, [0x3c00, 0x7c00], bits: 0x0000),
        Case("div", f16, [0xbc00, 0x7c00], bits: 0x8000),
        Case("sqrt", f16, [0x7c00], bits: 0x7c00),
        // Signed zeros: exact zero sums are +0, −0 rounding down; fnuz has only +0.
        Case("sub", f16, [0x3c00, 0x3c00], bits: 0x0000),
        Case("sub", f16, [0x3c00, 0x3c00], .down, bits: 0x8000),
        Case("add", f16, [0x0000, 0x8000], bits: 0x0000),
        Case("add", f16, [0x0000, 0x8000], .down, bits: 0x8000),
        Case("add", f16, [0x8000, 0x8000], bits: 0x8000),
        Case("add", f16, [0x0000, 0x0000], .down, bits: 0x0000),
        Case("sub", fnuz, [0x38, 0x38], .down, bits: 0x00),
        Case("mul", f16, [0x8000, 0x3c00], bits: 0x8000),
        Case("mul", fnuz, [0x00, 0xb8], bits: 0x00),
        Case("sqrt", f16, [0x8000], bits: 0x8000),
        Case("fma", f16, [0x8000, 0x3c00, 0x8000], bits: 0x8000),
        Case("fma", f16, [0x8000, 0x3c00, 0x0000], bits: 0x0000),
        Case("fma", f16, [0x8000, 0x3c00, 0x0000], .down, bits: 0x8000),
        Case("fma", f16, [0x3c00, 0x3c00, 0xbc00], .down, bits: 0x8000),
        Case("rem", f16, [0xc000, 0x3c00], bits: 0x8000),
        // Overflow: infinity, NaN in fn/fnuz, ±max in finite-only formats.
        Case("mul", f16, [0x70e2, 0x70e2], bits: 0x7c00, [.overflow, .inexact]),
        Case("mul", f16, [0x70e2, 0x70e2], .towardZero, bits: 0x7bff, [.overflow, .inexact]),
        Case("add", fn, [0x7e, 0x7e], bits: 0x7f, [.overflow, .inexact]),
        Case("add", fnuz, [0x7f, 0x7f], bits: 0x80, [.overflow, .inexact]),
        Case("add", e2m1, [0x7, 0x7], bits: 0x7, [.overflow, .inexact]),
        Case("mul", FloatFormat.float32, [0x461c4000, 0x461c4000], bits: 0x4cbebc20),
        // Unsigned E8M0: no zero, no negatives.
        Case("sub", e8m0, [0x7f, 0x7f], bits: 0xff, .invalid),
        Case("sub", e8m0, [0x7f, 0x80], bits: 0xff, .invalid),
        Case("sub", e8m0, [0x80, 0x7f], bits: 0x7f),
        Case("mul", e8m0, [0x00, 0x00], bits: 0x00, [.underflow, .inexact]),
        Case("div", e8m0, [0x7f, 0xfe], bits: 0x00),
        Case("rem", e8m0, [0x81, 0x80], bits: 0xff, .invalid),
        Case("sqrt", e8m0, [0x81], bits: 0x80),
        Case("sqrt", e8m0, [0x80], bits: 0x7f, .inexact),
        // √ tests the sign first; the sign-bit code with a zero magnitude is −0 only in a format with zero.
        Case("sqrt", signedWithoutZero, [0x20], bits: 0x1f, .invalid),
        Case("sqrt", signedWithoutZero, [0x00], bits: 0x06, .inexact),
        // Remainder: n is the nearest integer to a/b, ties to even; exact.
        Case("rem", f16, [0x4500, 0x4000], bits: 0x3c00),
        Case("rem", f16, [0x4700, 0x4000], bits: 0xbc00),
        Case("rem", f16, [0x4200, 0x4000], bits: 0xbc00),
        Case("rem", f16, [0x3c00, 0x7c00], bits: 0x3c00),
        Case("rem", f16, [0x7bff, 0x0001], bits: 0x0000),
        Case("fmod", f16, [0x4700, 0x4000], bits: 0x3c00),
        Case("fmod", f16, [0xc700, 0x4000], bits: 0xbc00),
        // minimum/maximum (NaN wins) and minimumNumber/maximumNumber (numbers win).
        Case("min", f16, [0x0000, 0x8000], bits: 0x8000),
        Case("max", f16, [0x8000, 0x0000], bits: 0x0000),
        Case("min", f16, [0x3c00, 0x7e00], bits: 0x7e00),
        Case("min", f16, [0x3c00, 0x7d00], bits: 0x7f00, .invalid),
        Case("max", f16, [0xfc00, 0xbc00], bits: 0xbc00),
        Case("minNumber", f16, [0x3c00, 0x7e00], bits: 0x3c00),
        Case("minNumber", f16, [0x7d00, 0x3c00], bits: 0x3c00, .invalid),
        Case("maxNumber", f16, [0x7e00, 0xfe00], bits: 0x7e00),
        Case("maxNumber", f16, [0x7d00, 0x7e00], bits: 0x7f00, .invalid),
        Case("maxNumber", f16, [0xc000, 0x7e00], bits: 0xc000),
        Case("min", fnuz, [0x80, 0x38], bits: 0x80),
        Case("minNumber", fnuz, [0x80, 0x38], bits: 0x38),
        Case("max", e2m1, [0x8, 0x0], bits: 0x0),
    ]

    @Test(arguments: cases)
    func specialCase(_ c: Case) {
        let result = c.evaluate()
        #expect(result.bits == c.bits, "got \(c.format.hexString(result.bits)), expected \(c.format.hexString(c.bits))")
        #expect(result.flags == c.flags, "flags \(result.flags), expected \(c.flags)")
    }

    /// The integer square roots behind √ are exact whatever their floating-point first guess:
    /// r² ≤ n < (r + 1)² for random radicands of every width and for squares and their
    /// neighbors, where a guess is most likely to be off by one.
    @Test func integerSquareRootsAreExact() {
        var random = SplitMix64(seed: 17)
        for index in 0..<20_000 {
            let root64 = random.next() >> 33 | 1
            let n64 = index.isMultiple(of: 2) ? (random.next() >> (2 + random.next() % 60)) | 1 : root64 * root64 &- UInt64(index % 3)
            let r64 = FloatFormat.integerSquareRoot(n64)
            #expect(r64 * r64 <= n64 && (r64 + 1) * (r64 + 1) > n64, "\(n64)")
            // Radicands as √ builds them for precision ≤ 26: at most 27 significant bits, shifted
            // by an even amount to 61–62 bits; squares and their neighbors half the time.
            let narrow = index.isMultiple(of: 2) ? (random.next() >> 37 | 1 << 26) : UInt64(index % 3 == 0 ? 1 << 26 : (1 << 27) - 1)
            let shifted = narrow << UInt64((narrow.leadingZeroBitCount - 2) & ~1)
            for exactNarrow in [shifted, shifted - 1, shifted + 1].filter({ 64 - $0.leadingZeroBitCount - $0.trailingZeroBitCount <= 53 }) {
                let exactRoot = FloatFormat.integerSquareRoot(ofExactDouble: exactNarrow)
                #expect(exactRoot * exactRoot <= exactNarrow && (exactRoot + 1) * (exactRoot + 1) > exactNarrow, "\(exactNarrow)")
            }
            let perfect = (random.next() >> 38 | 1 << 25) << 5  // a 31-bit root whose square has ≤ 52 bits
            for delta in [-512, 0] as [Int64] {  // k² − 512 keeps 53 significant bits: root k − 1
                let square = UInt64(Int64(perfect * perfect) + delta)
                guard 64 - square.leadingZeroBitCount - square.trailingZeroBitCount <= 53 else { continue }
                #expect(FloatFormat.integerSquareRoot(ofExactDouble: square) == (delta == 0 ? perfect : perfect - 1), "\(square)")
            }
            let root = UInt128(random.next() >> 1 | 1)
            let n = index.isMultiple(of: 2) ? (UInt128(random.next()) << 62 | UInt128(random.next())) >> (random.next() % 120) | 1
                                            : root * root &- UInt128(index % 3)
            guard n > 0, n < UInt128(1) << 126 else { continue }
            let r = UInt128(FloatFormat.integerSquareRoot(n))
            #expect(r * r <= n && (r + 1) * (r + 1) > n, "\(n)")
        }
    }

    /// The worked examples in the doc comments, kept compiled.
    @Test func documentedExamples() {
        let f16 = Self.f16, e8m0 = Self.e8m0
        #expect(f16.add(0x3c00, 0x1400) == Rounded(bits: 0x3c01))
        #expect(f16.add(0x7bff, 0x7bff) == Rounded(bits: 0x7c00, flags: [.overflow, .inexact]))
        #expect(e8m0.subtract(0x7f, 0x7f) == Rounded(bits: 0xff, flags: .invalid))
        #expect(f16.divide(0x3c00, 0x4200) == Rounded(bits: 0x3555, flags: .inexact))
        #expect(f16.squareRoot(0x4000) == Rounded(bits: 0x3da8, flags: .inexact))
        #expect(f16.squareRoot(0x4400) == Rounded(bits: 0x4000))
        #expect(f16.fusedMultiplyAdd(0x3c03, 0x3c03, 0xbc00) == Rounded(bits: 0x1e02, flags: .inexact))
        #expect(f16.add(f16.multiply(0x3c03, 0x3c03).bits, 0xbc00) == Rounded(bits: 0x1e00))
        #expect(FloatFormat.integerSquareRoot(UInt64(99)) == 9)
        #expect(FloatFormat.integerSquareRoot(ofExactDouble: 3 << 60) == 1_859_775_393)
        #expect(FloatFormat.integerSquareRoot(UInt128(1) << 124 | 1) == 1 << 62)
        // 1 − 2^-80 in float32 (ExactSum's example): 1 under nearest-even, 1 − 2^-24 rounding down.
        let tiny: UInt64 = 0x3f800000 - (80 << 23)
        #expect(FloatFormat.float32.subtract(0x3f800000, tiny) == Rounded(bits: 0x3f800000, flags: .inexact))
        #expect(FloatFormat.float32.subtract(0x3f800000, tiny, options: .init(rounding: .down)) == Rounded(bits: 0x3f7fffff, flags: .inexact))
        #expect(f16.compare(0x3c00, 0x4000) == (.less, []))
        #expect(f16.compare(0x0000, 0x8000).result == .equal)
        #expect(f16.compare(0x7e00, 0x3c00) == (.unordered, []))
        #expect(f16.compare(0x7e00, 0x3c00, signaling: true) == (.unordered, .invalid))
        #expect(f16.compare(0x7d00, 0x3c00) == (.unordered, .invalid))
        #expect(f16.totalOrder(0x8000, 0x0000) && !f16.totalOrder(0x0000, 0x8000) && f16.totalOrder(0x7c00, 0x7c01))
        #expect(f16.roundToIntegral(0x3e00) == Rounded(bits: 0x4000, flags: .inexact))
        #expect(f16.roundToIntegral(0x3e00, options: .init(rounding: .down)) == Rounded(bits: 0x3c00, flags: .inexact))
        #expect(f16.roundToIntegral(0xb400, options: .init(rounding: .up)) == Rounded(bits: 0x8000, flags: .inexact))
        #expect(f16.roundToIntegral(0xb400, options: .init(rounding: .up), exact: false) == Rounded(bits: 0x8000))
        #expect(FloatFormat.float6_e2m3fn.roundToIntegral(0x1f, options: .init(rounding: .up)) == Rounded(bits: 0x1f, flags: [.overflow, .inexact]))
        #expect(f16.convertToInt64(0x3e00) == (2, .inexact))
        #expect(f16.convertToInt64(0x3e00, rounding: .towardZero) == (1, .inexact))
        #expect(FloatFormat.float32.convertToInt64(0x5f000000) == (.max, .invalid))
        #expect(FloatFormat.float32.convertToInt64(0xdf000000) == (.min, []))
        #expect(f16.convert(fromInt64: 65519) == Rounded(bits: 0x7bff, flags: .inexact))
        #expect(FloatFormat.bfloat16.convert(fromInt64: 257) == Rounded(bits: 0x4380, flags: .inexact))
    }

    /// A NaN into a format without NaN is +0 with `invalid`, whatever its sign (the lab's
    /// documented choice; ml_dtypes 0.7 gives −0 for +NaN and torchao the code of ±1.5), and
    /// infinity saturates to ±max as in both, also flagged `invalid` (no infinity to keep).
    @Test(arguments: [
        (FloatFormat.float4_e2m1fn, UInt64(0x7fc00000), Rounded(bits: 0x00, flags: .invalid)),
        (FloatFormat.float4_e2m1fn, UInt64(0xffc00001), Rounded(bits: 0x00, flags: .invalid)),
        (FloatFormat.float6_e2m3fn, UInt64(0x7fa00000), Rounded(bits: 0x00, flags: .invalid)),
        (FloatFormat.float6_e3m2fn, UInt64(0xffc00000), Rounded(bits: 0x00, flags: .invalid)),
        (FloatFormat.float4_e2m1fn, UInt64(0xff800000), Rounded(bits: 0x0f, flags: .invalid)),
        (FloatFormat.float6_e2m3fn, UInt64(0x7f800000), Rounded(bits: 0x1f, flags: .invalid)),
    ])
    func nanIntoFormatWithoutNaN(_ target: FloatFormat, _ float32Code: UInt64, _ expected: Rounded) {
        #expect(FloatFormat.float32.convert(float32Code, to: target) == expected)
    }
}
