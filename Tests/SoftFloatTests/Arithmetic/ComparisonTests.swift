import Testing
import SoftFloat

/// Comparisons, total order and minimum/maximum over every pair of codes of the small
/// formats, against `Double` comparisons and the IEEE 754-2019 definitions restated here.
struct ComparisonTests {
    struct FormatCase: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        var testDescription: String { format.name }
    }

    static let formats = (FloatFormat.builtIn.filter { $0.bitWidth <= 8 } + [try! FloatFormat.named("e3m2")]).map(FormatCase.init)

    @Test(arguments: formats)
    func everyPair(_ c: FormatCase) {
        let format = c.format
        func isSignaling(_ bits: UInt64) -> Bool {
            format.nonFinite == .ieee && format.isNaN(bits) && bits & (1 << UInt64(format.mantissaBits - 1)) == 0
        }
        func quiet(_ bits: UInt64) -> UInt64 {
            format.nonFinite == .ieee ? bits | 1 << UInt64(format.mantissaBits - 1) : bits
        }
        var mismatches: [String] = []
        let values = (0...format.codeMask).map(format.doubleValue)
        // Every pair for one format of each family; every third pair for the rest.
        let stride: UInt64 = [.float8_e4m3fn, .float8_e5m2, .float8_e4m3fnuz, .float8_e8m0fnu].contains(format) || format.bitWidth < 8 ? 1 : 3
        for a in 0...format.codeMask {
            for b in 0...format.codeMask where (a << 8 | b) % stride == 0 {
                let x = values[Int(a)], y = values[Int(b)]
                let unordered = x.isNaN || y.isNaN
                let expected: FloatComparisonResult = unordered ? .unordered : x < y ? .less : x == y ? .equal : .greater
                let anySignaling = isSignaling(a) || isSignaling(b)
                let quietFlags: FloatFlags = anySignaling ? .invalid : []
                let signalingFlags: FloatFlags = unordered ? .invalid : []
                if format.compare(a, b) != (expected, quietFlags) || format.compare(a, b, signaling: true) != (expected, signalingFlags) {
                    mismatches.append("compare(\(format.hexString(a)), \(format.hexString(b)))")
                }
                if format.isLess(a, b) != (expected == .less, signalingFlags)
                    || format.isLessEqual(a, b, signaling: false) != (expected == .less || expected == .equal, quietFlags)
                    || format.isEqual(a, b) != (expected == .equal, quietFlags)
                    || format.isUnordered(a, b) != (unordered, quietFlags) {
                    mismatches.append("predicates(\(format.hexString(a)), \(format.hexString(b)))")
                }
                // totalOrder: NaNs by sign at the ends, ordered by magnitude code among themselves;
                // numbers by value with −0 before +0. fnuz's unsigned NaN counts as positive.
                let negativeA = a & format.signMask != 0 && !(x.isNaN && format.nonFinite == .nanNegativeZero)
                let negativeB = b & format.signMask != 0 && !(y.isNaN && format.nonFinite == .nanNegativeZero)
                let expectedTotal: Bool
                switch (x.isNaN, y.isNaN) {
                case (true, true):
                    if negativeA != negativeB { expectedTotal = negativeA }
                    else { expectedTotal = negativeA ? (a & format.magnitudeMask) >= (b & format.magnitudeMask)
                                                     : (a & format.magnitudeMask) <= (b & format.magnitudeMask) }
                case (true, false): expectedTotal = negativeA
                case (false, true): expectedTotal = !negativeB
                case (false, false): expectedTotal = x < y || (x == y && !(x == 0 && !negativeA && negativeB))
                }
                if format.totalOrder(a, b) != expectedTotal {
                    mismatches.append("totalOrder(\(format.hexString(a)), \(format.hexString(b))) → \(!expectedTotal)")
                }
                // minimum/maximum (NaN propagates) and minimumNumber/maximumNumber (numbers win).
                let nanResult: Rounded? = unordered
                    ? Rounded(bits: quiet(x.isNaN ? a : b), flags: anySignaling ? .invalid : []) : nil
                let lower = x < y || (x == y && negativeA) ? a : b
                let upper = x > y || (x == y && !negativeA) ? a : b
                let expectedMinimum = nanResult ?? Rounded(bits: lower)
                let expectedMaximum = nanResult ?? Rounded(bits: upper)
                let oneNaN = x.isNaN != y.isNaN
                let expectedMinimumNumber = oneNaN ? Rounded(bits: x.isNaN ? b : a, flags: quietFlags) : expectedMinimum
                let expectedMaximumNumber = oneNaN ? Rounded(bits: x.isNaN ? b : a, flags: quietFlags) : expectedMaximum
                if format.minimum(a, b) != expectedMinimum || format.maximum(a, b) != expectedMaximum
                    || format.minimumNumber(a, b) != expectedMinimumNumber || format.maximumNumber(a, b) != expectedMaximumNumber {
                    mismatches.append("min/max(\(format.hexString(a)), \(format.hexString(b)))")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }

    /// float16 total order against the standard library's `Float16.isTotallyOrdered`.
    @Test func float16TotalOrderAgainstStandardLibrary() {
        var generator = OperandGenerator(format: .float16, seed: 3)
        for _ in 0..<20_000 {
            let a = generator.next(), b = generator.next()
            let expected = Float16(bitPattern: UInt16(a)).isTotallyOrdered(belowOrEqualTo: Float16(bitPattern: UInt16(b)))
            #expect(FloatFormat.float16.totalOrder(a, b) == expected, "\(a) \(b)")
        }
    }
}
