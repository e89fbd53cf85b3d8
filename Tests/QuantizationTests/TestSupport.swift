import Foundation
import SoftFloat
import Testing
@testable import Quantization

/// Builds a matrix from decimal text, rounding each number once to `format`.
func matrix(_ rows: [[String]], _ format: FloatFormat = .float32) throws -> Matrix {
    try Matrix(rows: rows.count, columns: rows[0].count, format: format, values: rows.flatMap { $0 })
}

/// Builds a 1 × n matrix.
func vector(_ values: [String], _ format: FloatFormat = .float32) throws -> Matrix {
    try matrix([values], format)
}

/// The codes of `values` (decimal text) rounded to `format`, for bit-exact comparisons.
func codes(_ values: [String], _ format: FloatFormat) throws -> [UInt64] {
    try values.map { try format.round($0).bits }
}

/// Hex bit patterns, for readable mismatch reports (as swift-numerics prints binary).
func hex(_ codes: [UInt64], _ format: FloatFormat) -> [String] {
    codes.map { format.hexString($0) }
}

/// Decodes Fixtures/`name` (a JSON fixture committed with these tests, written by an oracle in
/// Scripts/oracles); a missing or broken file fails loudly.
func loadFixture<T: Decodable>(_ name: String, as type: T.Type) -> T {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try! JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// The bytes of a hex string, two digits each: `hexBytes("08ff") == [0x08, 0xff]`.
func hexBytes(_ hex: String) -> [UInt64] {
    var result: [UInt64] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        result.append(UInt64(hex[index..<next], radix: 16)!)
        index = next
    }
    return result
}
