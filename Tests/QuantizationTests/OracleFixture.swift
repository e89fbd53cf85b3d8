import Foundation
import SoftFloat
import Testing
@testable import Quantization

/// A fixture the block-scaled oracles write with `--fixture` (`Scripts/oracles/nvfp4_oracle.py`,
/// `fp8_block_oracle.py`, `mx_scale_oracle.py`): float32 tensors as 8-digit hex bit patterns,
/// each with the reference's results, one per configuration.
///
///     static let cases = OracleFixture<Result>.load("nvfp4.json").cases
///     // one Case per (tensor, result): 2 tensors × 4 conventions = 8 for nvfp4.json
struct OracleFixture<Result: Decodable & Sendable>: Decodable, Sendable {
    struct Tensor: Decodable, Sendable {
        let kind: String
        let rows: Int
        let columns: Int
        let bits: [String]
        let results: [Result]

        func matrix() throws -> Matrix {
            try Matrix(rows: rows, columns: columns, format: .float32, codes: bits.map { UInt64($0, radix: 16)! })
        }
    }

    /// One tensor with one of its results: the argument of an `@Test(arguments:)`.
    struct Case: Sendable, CustomTestStringConvertible {
        let tensor: Tensor
        let result: Result
        var testDescription: String { "\(tensor.kind) \(result)" }
    }

    let tensors: [Tensor]

    /// Every (tensor, result) pair, tensor by tensor.
    var cases: [Case] { tensors.flatMap { tensor in tensor.results.map { Case(tensor: tensor, result: $0) } } }

    /// Reads Fixtures/`name` next to this file (committed with the tests).
    static func load(_ name: String) -> Self {
        loadFixture(name, as: Self.self)
    }
}
