import SoftFloat

/// A matrix read from a file or standard input, with enough provenance to name an element
/// in an error message.
public struct MatrixSource: Sendable {
    /// The matrix, in the format it was read into (the compute format).
    public let matrix: Matrix
    /// The file name (`<stdin>` for standard input).
    public let name: String
    /// The safetensors tensor, if any.
    public let tensor: String?
    /// Text inputs: each element's line and column.
    let positions: [SourcePosition]?

    init(matrix: Matrix, name: String, tensor: String? = nil, positions: [SourcePosition]? = nil) {
        self.matrix = matrix
        self.name = name
        self.tensor = tensor
        self.positions = positions
    }

    /// Where element (row, column) came from: `in.txt:3:7` for text, `w.npy element [2, 6]`,
    /// `m.safetensors tensor 'w' element [2, 6]` for binary files (0-based indices).
    public func location(row: Int, column: Int) -> String {
        if let positions {
            let position = positions[row * matrix.columns + column]
            return "\(name):\(position.line):\(position.column)"
        }
        let tensorPart = tensor.map { " tensor '\($0)'" } ?? ""
        return "\(name)\(tensorPart) element [\(row), \(column)]"
    }

    /// Rewrites a kernel's error about an element with this source's location; other errors
    /// are described as they are.
    public func describe(_ error: QuantizationError) -> String {
        if case .nonFiniteInput(let row, let column, let value, let reason) = error {
            return "\(location(row: row, column: column)): \(value) \(reason)"
        }
        return error.description
    }
}
