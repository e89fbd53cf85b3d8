import Testing
import SoftFloat

/// The one hex-code scanner, and `FloatFormat.parseCode` on top of it.
@Suite struct CodeScannerTests {
    func scan(_ text: String) throws(CodeScanner.Problem) -> UInt64 {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(CodeScanner.Problem) in try CodeScanner.scan(buffer, from: 0, to: buffer.count) }
        }.get()
    }

    @Test(arguments: [("0x3c00", UInt64(0x3c00)), ("3C00", 0x3c00), ("0X7c00", 0x7c00), ("0", 0), ("0x0", 0),
                      ("ffffffffffffffff", .max), ("0x0000000000000001", 1), ("0xAbCdEf", 0xabcdef)])
    func codes(_ text: String, _ expected: UInt64) throws {
        #expect(try scan(text) == expected)
    }

    @Test(arguments: [("", CodeScanner.Problem.noDigits), ("0x", .noDigits), ("0X", .noDigits),
                      ("0x00000000000000001", .tooManyDigits), ("12345678901234567", .tooManyDigits),
                      ("g", .unexpected(UInt8(ascii: "g"))), ("+1", .unexpected(UInt8(ascii: "+"))),
                      ("-0", .unexpected(UInt8(ascii: "-"))), ("x3c00", .unexpected(UInt8(ascii: "x"))),
                      ("0x0x5", .unexpected(UInt8(ascii: "x"))), ("3c 00", .unexpected(UInt8(ascii: " "))),
                      ("12345678901234567z", .unexpected(UInt8(ascii: "z")))])
    func problems(_ text: String, _ expected: CodeScanner.Problem) {
        #expect(throws: expected) { try scan(text) }
    }

    @Test func parseCodeChecksTheWidth() throws {
        #expect(try FloatFormat.float16.parseCode(" 0x3555\n") == 0x3555)
        #expect(try FloatFormat.float8_e4m3fn.parseCode("7E") == 0x7e)
        #expect(throws: NumberSyntaxError(text: "0x12345", reason: "0x12345 does not fit in float16's 16 bits")) {
            try FloatFormat.float16.parseCode("0x12345")
        }
        #expect(throws: NumberSyntaxError(text: "0x1ff", reason: "0x1ff does not fit in float8_e4m3fn's 8 bits")) {
            try FloatFormat.float8_e4m3fn.parseCode("0x1ff")
        }
        #expect(throws: NumberSyntaxError(text: "zz", reason: "expected a hex bit pattern of float16 such as 0x0000")) {
            try FloatFormat.float16.parseCode("zz")
        }
    }
}
