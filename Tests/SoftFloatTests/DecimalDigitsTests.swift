import Testing
@testable import SoftFloat

/// The two-digits-a-step writer and the in-place layout of float32 significands, on values
/// worked by hand (the expected texts are written out, not made by the code under test).
@Suite struct DecimalDigitsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let value: UInt64
        let text: String
        var testDescription: String { "\(value) → \(text)" }
    }

    /// Each digit count's edges: 1 and 2 digits (the small path's ends), a lone leading digit
    /// before pairs (907: "9", then "07"), 2^32 − 1, 10^19 and 2^64 − 1 (20 digits).
    static let cases: [Case] = [
        Case(value: 0, text: "0"),
        Case(value: 9, text: "9"),
        Case(value: 10, text: "10"),
        Case(value: 99, text: "99"),
        Case(value: 100, text: "100"),
        Case(value: 127, text: "127"),
        Case(value: 907, text: "907"),
        Case(value: 999, text: "999"),
        Case(value: 1000, text: "1000"),
        Case(value: 1005, text: "1005"),
        Case(value: 10_000, text: "10000"),
        Case(value: 99_999_999, text: "99999999"),
        Case(value: 100_000_000, text: "100000000"),
        Case(value: 123_456_789, text: "123456789"),
        Case(value: 999_999_999, text: "999999999"),
        Case(value: 1_000_000_000, text: "1000000000"),
        Case(value: 4_294_967_295, text: "4294967295"),
        Case(value: 9_223_372_036_854_775_808, text: "9223372036854775808"),  // |Int64.min|
        Case(value: 9_999_999_999_999_999_999, text: "9999999999999999999"),
        Case(value: 10_000_000_000_000_000_000, text: "10000000000000000000"),
        Case(value: 18_446_744_073_709_551_615, text: "18446744073709551615"),
    ]

    @Test(arguments: cases)
    func writesDigits(_ example: Case) {
        #expect(DecimalDigits.count(example.value) == example.text.utf8.count)
        let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            buffer.initialize(repeating: UInt8(ascii: "#"))
            let length = DecimalDigits.write(example.value, to: buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
        }
        #expect(text == example.text)
    }

    /// The lane-wise split: byte i (memory order) is the i-th digit of the 8.
    @Test func digitBytes() {
        #expect(DecimalDigits.digitBytes(12_345_678) == 0x0807_0605_0403_0201)
        #expect(DecimalDigits.digitBytes(907) == 0x0700_0900_0000_0000)
        #expect(DecimalDigits.digitBytes(99_999_999) == 0x0909_0909_0909_0909)
        #expect(DecimalDigits.digitBytes(10_000_000) == 0x0000_0000_0000_0001)
        #expect(DecimalDigits.digitBytes(0) == 0)
    }

    @Test func asciiWords() {
        func text(_ word: UInt64) -> String { String(decoding: withUnsafeBytes(of: word.littleEndian) { Array($0) }, as: UTF8.self) }
        let twelve = DecimalDigits.ascii(12)
        #expect(text(twelve.first) == "12000000" && twelve.ninth == UInt8(ascii: "0") && twelve.count == 2)
        let nine = DecimalDigits.ascii(123_456_789)
        #expect(text(nine.first) == "12345678" && nine.ninth == UInt8(ascii: "9") && nine.count == 9)
        let eight = DecimalDigits.ascii(10_000_001)
        #expect(text(eight.first) == "10000001" && eight.count == 8)
        let zero = DecimalDigits.ascii(0)
        #expect(text(zero.first) == "00000000" && zero.count == 1)
    }

    /// ``DecimalLayout/write(negative:significand:exponent:to:)`` on each shape, each digit
    /// count of a split (the point after 1 … 8 digits), 9 digits in every shape.
    static let layouts: [(negative: Bool, significand: UInt32, exponent: Int, text: String)] = [
        (false, 1, 10, "10000000000.0"),
        (true, 25, -6, "-2.5e-05"),
        (false, 3333, -4, "0.3333"),
        (false, 339, 36, "3.39e+38"),
        (false, 1, -4, "0.0001"),
        (false, 1, 16, "1e+16"),
        (false, 1, -45, "1e-45"),
        (true, 34_028_235, 31, "-3.4028235e+38"),
        (false, 11_754_944, -45, "1.1754944e-38"),
        (false, 12, -5, "0.00012"),
        (false, 123_456_789, -12, "0.000123456789"),
        (false, 999_999_999, 7, "9999999990000000.0"),   // 9 digits, 7 zeros: 16 before the point
        (false, 16_777_216, 0, "16777216.0"),
        (true, 5, 3, "-5000.0"),
        (false, 123, -1, "12.3"),
        (true, 12, -1, "-1.2"),
        (false, 123_456_789, -1, "12345678.9"),            // the point after 8 digits
        (false, 123_456_789, -2, "1234567.89"),
        (false, 123_456_789, -8, "1.23456789"),
        (true, 123_456_789, -9, "-0.123456789"),
        (false, 12_345_678, -7, "1.2345678"),
        (false, 12_345_678, -1, "1234567.8"),
        (false, 123_456_789, 30, "1.23456789e+38"),
    ]

    @Test func layoutInPlace() {
        for example in Self.layouts {
            let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                buffer.initialize(repeating: UInt8(ascii: "#"))
                let length = DecimalLayout.write(negative: example.negative, significand: example.significand,
                                                 exponent: example.exponent, to: buffer.baseAddress!)
                #expect(length <= Float32ShortestDecimal.maxLength)
                #expect(buffer[Float32ShortestDecimal.maxLength...].allSatisfy { $0 == UInt8(ascii: "#") },
                        "wrote past maxLength")
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
            }
            #expect(text == example.text, "\(example.significand)e\(example.exponent)")
        }
    }

    @Test func exponents() {
        for (exponent, text) in [(-5, "e-05"), (0, "e+00"), (16, "e+16"), (-45, "e-45"), (308, "e+308"), (-1074, "e-1074")] {
            let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
                let length = DecimalLayout.writeExponent(exponent, to: buffer.baseAddress!)
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
            }
            #expect(written == text)
        }
    }
}
