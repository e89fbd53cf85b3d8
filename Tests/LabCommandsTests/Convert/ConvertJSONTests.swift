import Foundation
import SoftFloat
import Testing
@testable import LabCommands

/// `convert --json`: one object per line, worked by hand (0.1 in float16 is 0x2e66 =
/// 1638/16384 = 0.0999755859375; 65520 is float16's overflow threshold), each line checked by
/// Foundation's JSON parser as well as by text.
@Suite struct ConvertJSONTests {
    @Test func float16LinesAreObjectsInAFixedOrder() throws {
        let result = convert("0.1\n65520\nnan\n-inf\n-0\n", ConvertConfiguration(target: .float16, json: true))
        #expect(result.error == nil)
        #expect(result.output == """
            {"bits": "0x2e66", "value": 0.0999755859375, "class": "normal", "flags": ["inexact"]}
            {"bits": "0x7c00", "value": "inf", "class": "infinity", "flags": ["overflow", "inexact"]}
            {"bits": "0x7e00", "value": null, "class": "nan", "flags": []}
            {"bits": "0xfc00", "value": "-inf", "class": "infinity", "flags": []}
            {"bits": "0x8000", "value": -0.0, "class": "zero", "flags": []}

            """)
        let values = try result.output.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["value"]
        }
        #expect(values[0] as? Double == 0.0999755859375)
        #expect(values[2] is NSNull)
    }

    /// e4m3fn 300 rounded down is 288 (1.125 × 2^8), printed exactly, not as the shortest "300.0".
    @Test func smallFormatsPrintTheStoredValueAndExactOnRequest() {
        let result = convert("300\n", ConvertConfiguration(target: .float8_e4m3fn, options: RoundingOptions(rounding: .down), output: .exact, json: true))
        #expect(result.output == "{\"bits\": \"0x79\", \"value\": 288.0, \"class\": \"normal\", \"exact\": \"288\", \"flags\": [\"inexact\"]}\n")
    }

    /// tf32 1/3 in its float32 container: the code as --container prints it.
    @Test func containerCodes() {
        let result = convert("1/3\n", ConvertConfiguration(target: .tf32, container: true, json: true))
        #expect(result.output.hasPrefix("{\"bits\": \"0x3eaaa000\", "))
    }

    /// int8: 300.7 saturates at 127 (invalid), -5.5 rounds to even -6.
    @Test func integerTargets() {
        let result = convert("300.7\n-5.5\n", ConvertConfiguration(target: .float64, integerTarget: IntegerFormat.builtIn.first { $0.name == "int8" }, json: true))
        #expect(result.output == """
            {"bits": "0x7f", "value": 127, "flags": ["invalid"]}
            {"bits": "0xfa", "value": -6, "flags": ["inexact"]}

            """)
    }
}
