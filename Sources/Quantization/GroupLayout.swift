/// The groups of a ``Granularity`` over a rows × columns matrix, numbered row-major.
///
///     let layout = try GroupLayout(granularity: .group(2), rows: 2, columns: 5)
///     layout.groupCount          // 6
///     layout.group(row: 1, column: 4)   // 5: row 1's third group
struct GroupLayout: Sendable, Hashable {
    let granularity: Granularity
    let rows: Int
    let columns: Int
    /// Groups per row for `group(N)` (ceil(columns / N)), tiles per tile row for `block(R, C)`
    /// (ceil(columns / C)), 1 otherwise.
    let groupsPerRow: Int
    let groupCount: Int

    /// - Parameter allowsPartialRows: accept a group longer than a row (each row is then one
    ///   partial group); used for the schemes' default blocks (64 for NF4/FP4, 32 for MX),
    ///   while an explicit `group:N` longer than a row is an error.
    init(granularity: Granularity, rows: Int, columns: Int, allowsPartialRows: Bool = false) throws(QuantizationError) {
        self.granularity = granularity
        self.rows = rows
        self.columns = columns
        switch granularity {
        case .tensor:
            groupsPerRow = 1
            groupCount = 1
        case .row:
            groupsPerRow = 1
            groupCount = rows
        case .column:
            groupsPerRow = 1
            groupCount = columns
        case .group(let size):
            guard size > 0 else { throw .invalidConfiguration("group size must be positive, got \(size)") }
            guard size <= columns || allowsPartialRows else { throw .groupLargerThanRow(groupSize: size, columns: columns) }
            groupsPerRow = (columns + size - 1) / size
            groupCount = rows * groupsPerRow
        case .block(let tileRows, let tileColumns):
            guard tileRows > 0, tileColumns > 0 else {
                throw .invalidConfiguration("block sides must be positive, got \(tileRows)x\(tileColumns)")
            }
            groupsPerRow = (columns + tileColumns - 1) / tileColumns
            groupCount = ((rows + tileRows - 1) / tileRows) * groupsPerRow
        }
    }

    /// The group of element (row, column).
    func group(row: Int, column: Int) -> Int {
        switch granularity {
        case .tensor: return 0
        case .row: return row
        case .column: return column
        case .group(let size): return row * groupsPerRow + column / size
        case .block(let tileRows, let tileColumns): return (row / tileRows) * groupsPerRow + column / tileColumns
        }
    }

    /// The flat (row-major) element indices of one group, in row-major order.
    func elements(of group: Int) -> [Int] {
        var result: [Int] = []
        forEachElement(of: group) { result.append($0) }
        return result
    }

    /// Calls `body` with each flat element index of `group`, in row-major order, without
    /// allocating.
    @inline(__always)
    func forEachElement(of group: Int, _ body: (Int) throws -> Void) rethrows {
        switch granularity {
        case .tensor:
            for index in 0..<(rows * columns) { try body(index) }
        case .row:
            for column in 0..<columns { try body(group * columns + column) }
        case .column:
            for row in 0..<rows { try body(row * columns + group) }
        case .group(let size):
            let row = group / groupsPerRow
            let start = (group % groupsPerRow) * size
            for column in start..<min(start + size, columns) { try body(row * columns + column) }
        case .block(let tileRows, let tileColumns):
            let firstRow = (group / groupsPerRow) * tileRows
            let firstColumn = (group % groupsPerRow) * tileColumns
            for row in firstRow..<min(firstRow + tileRows, rows) {
                for column in firstColumn..<min(firstColumn + tileColumns, columns) { try body(row * columns + column) }
            }
        }
    }

    /// The flat index of the first element of `group`.
    func firstElement(of group: Int) -> Int {
        switch granularity {
        case .tensor: return 0
        case .row: return group * columns
        case .column: return group
        case .group(let size): return (group / groupsPerRow) * columns + (group % groupsPerRow) * size
        case .block(let tileRows, let tileColumns):
            return (group / groupsPerRow) * tileRows * columns + (group % groupsPerRow) * tileColumns
        }
    }

    /// The number of elements in `group`.
    func elementCount(of group: Int) -> Int {
        switch granularity {
        case .tensor: return rows * columns
        case .row: return columns
        case .column: return rows
        case .group(let size):
            let start = (group % groupsPerRow) * size
            return min(start + size, columns) - start
        case .block(let tileRows, let tileColumns):
            let firstRow = (group / groupsPerRow) * tileRows
            let firstColumn = (group % groupsPerRow) * tileColumns
            return (min(firstRow + tileRows, rows) - firstRow) * (min(firstColumn + tileColumns, columns) - firstColumn)
        }
    }
}
