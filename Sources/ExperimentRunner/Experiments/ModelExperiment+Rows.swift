extension ModelExperiment {
    /// `<name>.csv`: one (tensor, scheme) round trip, the columns of `precision-lab model --csv`
    /// (numbers as shortest round-trip decimals; empty when the scheme did not apply).
    struct MeasurementRow: TableRow {
        enum Column: String, TableColumn {
            case tensor, shape, parameters, dtype, scheme, bits_per_parameter, sqnr_db, rmse, relative_rmse, max_abs_error, cosine_similarity, note
            static let textColumns: Set<Column> = [.tensor, .shape, .dtype, .scheme, .note]
        }

        var values: [Column: String]

        /// From a row of `ModelReport.measurementTable()`, whose header is these columns.
        init(cells: [String]) {
            values = Dictionary(uniqueKeysWithValues: zip(Column.allCases, cells))
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            values = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0, cells[$0]) })
        }

        func text(_ column: Column) -> String { values[column] ?? "" }

        func double(_ column: Column) -> Double? { NumberText.double(text(column)) }
        var tensor: String { text(.tensor) }
        var scheme: String { text(.scheme) }
        var parameters: Int { Int(text(.parameters)) ?? 0 }
    }

    /// `<name>-tensors.csv`: one tensor's statistics, the columns of `model-tensors.csv`.
    struct StatisticsRow: TableRow {
        enum Column: String, TableColumn {
            case tensor, shape, parameters, dtype, absmax, rms, kurtosis, beyond_6_sigma
            static let textColumns: Set<Column> = [.tensor, .shape, .dtype]
        }

        var values: [Column: String]

        init(cells: [String]) {
            values = Dictionary(uniqueKeysWithValues: zip(Column.allCases, cells))
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            values = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0, cells[$0]) })
        }

        func text(_ column: Column) -> String { values[column] ?? "" }
        func double(_ column: Column) -> Double { NumberText.double(text(column)) ?? .nan }
    }
}
