extension AccumulationExperiment {
    /// `<name>.csv`: one sum of `count` values in one accumulator by one method, against the
    /// exact sum of the stored values.
    ///
    ///     // bfloat16 running, 10000 values, seed 1: computed 256.0 (the sum stalls at 2^8)
    struct SumRow: TableRow {
        enum Column: String, TableColumn {
            case accumulator, method, count, seed, computed, exact, exact_rounded, abs_error, rel_error
            static let textColumns: Set<Column> = [.accumulator, .method]
        }

        var accumulator, method: String
        var count: Int
        var seed: UInt64
        /// The computed sum, the exact sum (nearest float64) and the exact sum rounded to the accumulator.
        var computed, exact, exactRounded: String
        /// computed − exact and (computed − exact)/exact, 6 significant digits (`n/a` for an exact sum of 0).
        var absoluteError, relativeError: String

        init(accumulator: String, method: String, count: Int, seed: UInt64, computed: String, exact: String,
             exactRounded: String, absoluteError: String, relativeError: String) {
            self.accumulator = accumulator; self.method = method; self.count = count; self.seed = seed
            self.computed = computed; self.exact = exact; self.exactRounded = exactRounded
            self.absoluteError = absoluteError; self.relativeError = relativeError
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            accumulator = cells[.accumulator]; method = cells[.method]
            count = try cells.integer(.count); seed = try cells.unsigned(.seed)
            computed = cells[.computed]; exact = cells[.exact]; exactRounded = cells[.exact_rounded]
            absoluteError = cells[.abs_error]; relativeError = cells[.rel_error]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .accumulator: accumulator
            case .method: method
            case .count: String(count)
            case .seed: String(seed)
            case .computed: computed
            case .exact: exact
            case .exact_rounded: exactRounded
            case .abs_error: absoluteError
            case .rel_error: relativeError
            }
        }
    }

    /// `<name>-trace.csv`: a partial sum after `n` terms, with the exact partial sum.
    struct TraceRow: TableRow {
        enum Column: String, TableColumn {
            case accumulator, method, seed, n, sum, exact
            static let textColumns: Set<Column> = [.accumulator, .method]
        }

        var accumulator, method: String
        var seed: UInt64
        var n: Int
        var sum, exact: String

        init(accumulator: String, method: String, seed: UInt64, n: Int, sum: String, exact: String) {
            self.accumulator = accumulator; self.method = method; self.seed = seed; self.n = n; self.sum = sum; self.exact = exact
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            accumulator = cells[.accumulator]; method = cells[.method]; seed = try cells.unsigned(.seed)
            n = try cells.integer(.n); sum = cells[.sum]; exact = cells[.exact]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .accumulator: accumulator
            case .method: method
            case .seed: String(seed)
            case .n: String(n)
            case .sum: sum
            case .exact: exact
            }
        }
    }
}
