extension MatmulErrorExperiment {
    /// `<name>.csv`: the error of one method's C = A·B against the float64 product, at one
    /// outlier magnitude and seed. Numbers are shortest round-trip float64 decimals; the
    /// float16 columns are `n/a` for the float methods.
    struct ErrorRow: TableRow {
        enum Column: String, TableColumn {
            case magnitude, seed, method, sqnr_db, relative_error, rms_error, max_abs_error, cosine, float16_columns,
                 float16_fraction, bits_per_parameter
            static let textColumns: Set<Column> = [.method]
        }

        var magnitude: String
        var seed: UInt64
        var method, sqnr, relativeError, rmsError, maxAbsoluteError, cosine, float16Columns, float16Fraction, bitsPerParameter: String

        init(magnitude: String, seed: UInt64, method: String, sqnr: String, relativeError: String, rmsError: String,
             maxAbsoluteError: String, cosine: String, float16Columns: String, float16Fraction: String, bitsPerParameter: String) {
            self.magnitude = magnitude; self.seed = seed; self.method = method; self.sqnr = sqnr; self.relativeError = relativeError
            self.rmsError = rmsError; self.maxAbsoluteError = maxAbsoluteError; self.cosine = cosine
            self.float16Columns = float16Columns; self.float16Fraction = float16Fraction; self.bitsPerParameter = bitsPerParameter
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            magnitude = cells[.magnitude]; seed = try cells.unsigned(.seed); method = cells[.method]; sqnr = cells[.sqnr_db]
            relativeError = cells[.relative_error]; rmsError = cells[.rms_error]; maxAbsoluteError = cells[.max_abs_error]
            cosine = cells[.cosine]; float16Columns = cells[.float16_columns]; float16Fraction = cells[.float16_fraction]
            bitsPerParameter = cells[.bits_per_parameter]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .magnitude: magnitude
            case .seed: String(seed)
            case .method: method
            case .sqnr_db: sqnr
            case .relative_error: relativeError
            case .rms_error: rmsError
            case .max_abs_error: maxAbsoluteError
            case .cosine: cosine
            case .float16_columns: float16Columns
            case .float16_fraction: float16Fraction
            case .bits_per_parameter: bitsPerParameter
            }
        }

        /// A numeric cell as a float64 (nil for `n/a`).
        func number(_ column: Column) -> Double? { NumberText.double(text(column)) }
    }
}
