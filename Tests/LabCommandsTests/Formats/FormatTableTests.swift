import Foundation
import SoftFloat
import Testing
@testable import LabCommands

@Suite struct FormatTableTests {
    /// Splits one RFC 4180 record (no embedded newlines in this table).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    quoted = false
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                if current.isEmpty { quoted = true } else { current.append("\"") }
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    var records: [[String: String]] {
        let lines = FormatTable.csv().split(separator: "\n")
        let header = Self.fields(lines[0])
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, Self.fields(line)))
        }
    }

    func record(_ name: String) -> [String: String] {
        records.first { $0["name"] == name } ?? [:]
    }

    @Test func csvHeaderMatchesTheCLIContract() {
        let header = FormatTable.csv().split(separator: "\n")[0]
        #expect(header.hasPrefix("name,bits,exponent_bits,mantissa_bits,bias,eps,max,lowest,smallest_normal,smallest_subnormal,resolution,"))
        #expect(header == "name,bits,exponent_bits,mantissa_bits,bias,eps,max,lowest,smallest_normal,smallest_subnormal,resolution,decimal_digits,min_exponent,max_exponent,inf_encoding,nan_encoding,min,precision,epsneg,machep,negep,minexp,maxexp,nexp,nmant,iexp,tiny")
    }

    @Test func everyBuiltInFormatAndIntegerTypeHasOneRowOfFullWidth() {
        let lines = FormatTable.csv().split(separator: "\n")
        let width = Self.fields(lines[0]).count
        #expect(lines.count == 1 + FloatFormat.builtIn.count + IntegerFormat.builtIn.count)
        for line in lines { #expect(Self.fields(line).count == width, "\(line)") }
        #expect(records.map { $0["name"]! } == FloatFormat.builtIn.map(\.name) + IntegerFormat.builtIn.map(\.name))
    }

    /// torch.finfo's layout facts; `resolution` and `min` as numpy/ml_dtypes' finfo hold them
    /// (bfloat16's 0.01 rounded to bfloat16 = 0.010009765625; torch prints the float64 0.01).
    @Test func bfloat16MatchesFinfo() {
        let row = record("bfloat16")
        #expect(row["bits"] == "16")
        #expect(row["exponent_bits"] == "8")
        #expect(row["mantissa_bits"] == "7")
        #expect(row["bias"] == "127")
        #expect(row["eps"] == "0.0078125")
        #expect(row["max"] == "3.3895313892515355e+38")
        #expect(row["lowest"] == "-3.3895313892515355e+38")
        #expect(row["smallest_normal"] == "1.1754943508222875e-38")
        #expect(row["resolution"] == "0.010009765625")
        #expect(row["min"] == "-3.3895313892515355e+38")
        #expect(row["maxexp"] == "128")
    }

    @Test func float16NumbersAreShortestFloat64Decimals() {
        let row = record("float16")
        #expect(row["max"] == "65504.0")
        #expect(row["smallest_normal"] == "6.103515625e-05")
        #expect(row["smallest_subnormal"] == "5.960464477539063e-08")
        #expect(row["resolution"] == "0.0010004043579101562")  // float16(0.001), exactly 0.00100040435791015625
        #expect(row["inf_encoding"] == "0x7c00")
        #expect(row["min_exponent"] == "-14")
        #expect(row["max_exponent"] == "15")
        #expect(row["maxexp"] == "16")  // numpy's: the first power of two that overflows
    }

    @Test func fieldsWithCommasAreQuoted() {
        #expect(FormatTable.csv().contains("\"0x7f,0xff\""))
        #expect(record("float8_e4m3fn")["nan_encoding"] == "0x7f,0xff")
        #expect(record("float8_e4m3fn")["max"] == "448.0")
        #expect(record("float8_e4m3fn")["inf_encoding"] == "none")
    }

    @Test(arguments: [
        ("int2", "2", "-2", "1"), ("int4", "4", "-8", "7"), ("uint4", "4", "0", "15"),
        ("int8", "8", "-128", "127"), ("uint8", "8", "0", "255"), ("int16", "16", "-32768", "32767"),
        ("int32", "32", "-2147483648", "2147483647"),
        ("int64", "64", "-9223372036854775808", "9223372036854775807"),
    ])
    func integerRowsFillBitsMinMaxOnly(_ name: String, _ bits: String, _ min: String, _ max: String) {
        let row = record(name)
        #expect(row["bits"] == bits)
        #expect(row["min"] == min)
        #expect(row["max"] == max)
        for column in ["exponent_bits", "mantissa_bits", "bias", "eps", "lowest", "smallest_normal", "nan_encoding"] {
            #expect(row[column] == "", "\(name).\(column)")
        }
    }

    @Test func plainAndMarkdownShowBothTables() {
        let plain = FormatTable.render(style: .plain)
        #expect(plain.hasPrefix("Floating-point formats\nname "))
        #expect(plain.contains("\n\nInteger types\nname "))
        #expect(plain.contains("float8_e4m3fn "))
        #expect(!plain.split(separator: "\n").contains { $0.hasSuffix(" ") })
        let markdown = FormatTable.render(style: .markdown)
        #expect(markdown.hasPrefix("### Floating-point formats\n\n| name | bits |"))
        #expect(markdown.contains("### Integer types"))
        #expect(markdown.contains("| int64 | 64 | -9223372036854775808 | 9223372036854775807 |"))
    }

    /// Byte for byte what `precision-lab formats` prints (Fixtures/formats.*, first written by the
    /// binary of commit c43510e, rewritten in December 2026 when `resolution` took numpy's
    /// value and the finfo columns were added): the README's example and scripts depend on it.
    @Test(arguments: [(TableStyle.plain, "formats.txt"), (.csv, "formats.csv"), (.markdown, "formats.md")])
    func outputIsUnchanged(_ style: TableStyle, _ fixture: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(fixture)")
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(FormatTable.render(style: style) == expected)
    }
}
