import SoftFloat

/// A dense row-major matrix of codes of one ``FloatFormat``.
///
/// Kernels read and write codes (bit patterns), never `Double`s, so the values are exactly
/// the ones the format can hold:
///
///     let m = try Matrix(rows: 1, columns: 2, format: .float16, values: ["1.2", "-0.5"])
///     m[0, 0]                        // 0x3ccd, the float16 nearest 1.2
///     m.doubleValue(row: 0, column: 0) // 1.2001953125
///
/// A vector is a 1 × n matrix.
public struct Matrix: Sendable, Hashable {
    public let rows: Int
    public let columns: Int
    public let format: FloatFormat
    /// The codes, row after row: element (r, c) is `codes[r * columns + c]`.
    public private(set) var codes: [UInt64]

    /// Wraps codes already in `format`.
    ///
    /// - Throws: ``QuantizationError/shapeMismatch(_:)`` when `codes.count != rows × columns`,
    ///   or ``QuantizationError/emptyMatrix`` for a matrix without elements.
    public init(rows: Int, columns: Int, format: FloatFormat, codes: [UInt64]) throws(QuantizationError) {
        guard rows > 0, columns > 0 else { throw .emptyMatrix }
        guard codes.count == rows * columns else {
            throw .shapeMismatch("\(codes.count) codes do not fill a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.format = format
        self.codes = codes
    }

    /// Rounds decimal (or rational, or hex-float) text to `format`, once per element.
    ///
    ///     try Matrix(rows: 2, columns: 1, format: .float32, values: ["0.1", "1/3"])
    ///
    /// - Throws: ``QuantizationError/invalidNumber(_:)`` for text that is not a number.
    public init(rows: Int, columns: Int, format: FloatFormat, values: [String]) throws(QuantizationError) {
        var codes: [UInt64] = []
        codes.reserveCapacity(values.count)
        for text in values {
            do {
                codes.append(try format.round(text).bits)
            } catch {
                throw .invalidNumber(error.description)
            }
        }
        try self.init(rows: rows, columns: columns, format: format, codes: codes)
    }

    /// Rounds `Double`s to `format`, once per element (a `Double` is exact, so this is the
    /// same single rounding as torch's `tensor(values, dtype=…)` from Python floats).
    public init(rows: Int, columns: Int, format: FloatFormat, doubles: [Double]) throws(QuantizationError) {
        let codes = doubles.map { FloatFormat.float64.convert($0.bitPattern, to: format).bits }
        try self.init(rows: rows, columns: columns, format: format, codes: codes)
    }

    /// The number of elements.
    public var count: Int { rows * columns }

    /// The code at (row, column).
    public subscript(row: Int, column: Int) -> UInt64 {
        get { codes[row * columns + column] }
        set { codes[row * columns + column] = newValue }
    }

    /// The exact value at (row, column) as a `Double`.
    public func doubleValue(row: Int, column: Int) -> Double {
        format.doubleValue(self[row, column])
    }

    /// Every element's exact value, row after row (for the float64 metrics).
    public var doubleValues: [Double] { codes.map(format.doubleValue) }

    /// The rows as arrays of `Double`.
    public var doubleRows: [[Double]] {
        (0..<rows).map { row in (0..<columns).map { doubleValue(row: row, column: $0) } }
    }

    /// The transpose (codes are moved, not rounded).
    public var transposed: Matrix {
        var moved = [UInt64](repeating: 0, count: count)
        for row in 0..<rows {
            for column in 0..<columns { moved[column * rows + row] = codes[row * columns + column] }
        }
        // Same element count and nonzero sides, so the initializer cannot throw.
        return try! Matrix(rows: columns, columns: rows, format: format, codes: moved)
    }
}
