import SoftFloat

/// Shared helpers of the binary readers.
enum BinaryTensor {
    /// Maps a tensor shape to rows × columns: `[]` → 1 × 1, `[n]` → 1 × n, `[r, c]` → r × c,
    /// `[d0, …, dk]` → (d0 ⋯ dk−1) × dk.
    static func matrixShape(_ shape: [Int], name: String) throws(MatrixInputError) -> (Int, Int) {
        if shape.contains(0) {
            throw MatrixInputError(.empty, location: name, "empty tensor: shape \(shape) has no elements")
        }
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (1, shape[0])
        default:
            var rows = 1
            for dimension in shape.dropLast() {
                let (product, overflow) = rows.multipliedReportingOverflow(by: dimension)
                guard !overflow, product < 1 << 40 else {
                    throw MatrixInputError(.corrupt, location: name, "shape \(shape) is too large")
                }
                rows = product
            }
            guard shape.last! < 1 << 40, rows.multipliedReportingOverflow(by: shape.last!).overflow == false,
                  rows * shape.last! < 1 << 40 else {
                throw MatrixInputError(.corrupt, location: name, "shape \(shape) is too large")
            }
            return (rows, shape.last!)
        }
    }

    /// Little-endian integers of `width` bytes, as codes.
    static func littleEndianCodes(_ bytes: [UInt8], from start: Int, count: Int, width: Int) -> [UInt64] {
        var codes = [UInt64](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<count {
                var code: UInt64 = 0
                let base = start + index * width
                for byte in 0..<width { code |= UInt64(buffer[base + byte]) << UInt64(8 * byte) }
                codes[index] = code
            }
        }
        return codes
    }
}
