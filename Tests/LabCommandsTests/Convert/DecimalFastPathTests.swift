import SoftFloat
import Testing
@testable import LabCommands

/// The fast path must agree bit for bit (and flag for flag) with SoftFloat's general text
/// path, in every rounding mode, stochastic included. (Both read with the one
/// `NumberScanner`; its grammar is tested in SoftFloatTests, hex codes in `CodeScannerTests`.)
@Suite struct DecimalFastPathTests {
    static let handWritten = [
        "0", "-0", "0.0", "1", "-1", "0.1", "-0.1", "65504", "65519", "65520", "1e8", "1E-8", "2.5", "+3.75",
        "464", "464.0001", "-431.99999999999994", "0.333333333333333333", "9999999999999999999",
        "1.0000000000000000001", "123456789012345678e-30", "5e-324", "2.4703282292062327e-324",
        "1.7976931348623157e308", "3.4028235e38", "1e-45", "7.", ".5", "0.000000000000000001",
        "1e26", "1e-26", "12e-26", "0.00006103515625", "6.097555160522461e-05",
        "0e99999", "-0e-999999999999", "1e999999999999", "1e-999999999999", "00000000000000000000001.5",
        "1234567890123456789e-26", "1e", ".", "-", "1/3", "0x1p3",
    ]

    static func randomDecimals(count: Int) -> [String] {
        var random = SplitMix64(seed: 99)
        return (0..<count).map { _ in
            let digitCount = Int(random.next() % 19) + 1
            var digits = String(random.next() % 10_000_000_000_000_000_000)
            digits = String(digits.prefix(digitCount))
            let point = Int(random.next() % UInt64(digits.count + 1))
            let mantissa = digits.prefix(point) + "." + digits.dropFirst(point)
            let exponent = Int(random.next() % 80) - 40
            let sign = random.next() & 1 == 0 ? "" : "-"
            return "\(sign)\(mantissa)e\(exponent)"
        }
    }

    @Test(arguments: FloatFormat.builtIn)
    func agreesWithTheEngine(_ format: FloatFormat) {
        let inputs = Self.handWritten + Self.randomDecimals(count: 60)
        var random = SplitMix64(seed: 1)
        for mode in RoundingMode.allCases {
            for overflow in OverflowPolicy.allCases {
                let options = RoundingOptions(rounding: mode, overflow: overflow)
                for text in inputs {
                    let draw = random.next()
                    let fast = text.utf8.withContiguousStorageIfAvailable {
                        DecimalFastPath.round($0, to: format, options: options, random: draw)
                    } ?? nil
                    guard let fast else { continue }
                    let general = try? format.round(text, options: options, random: draw)
                    #expect(fast == general, "\(text) → \(format) \(mode) \(overflow)")
                }
            }
        }
    }

    @Test func takesTheCommonInputs() {
        for text in ["0.1", "-65504", "1e8", "3.14159", "123456789012345678"] {
            let handled = text.utf8.withContiguousStorageIfAvailable {
                DecimalFastPath.round($0, to: .float32, options: .standard, random: 0)
            } ?? nil
            #expect(handled != nil, "\(text)")
        }
        for text in ["1/3", "0x1p3", "inf", "12345678901234567890", "1e99999", "1.", "."] {
            let handled = text.utf8.withContiguousStorageIfAvailable {
                DecimalFastPath.round($0, to: .float32, options: .standard, random: 0)
            } ?? nil
            if text == "1." { #expect(handled != nil) } else { #expect(handled == nil, "\(text)") }
        }
    }
}
