extension GGUFCodecsExperiment {
    /// `<name>.csv`: one codec on one distribution, with or without the importance matrix.
    ///
    ///     // normal, gguf-q8_0, imatrix none: 8.5 bits, SQNR ≈ 40 dB, rmse/step ≈ 0.2887 (1/√12)
    struct CodecRow: TableRow {
        enum Column: String, TableColumn {
            case distribution, scheme, family, imatrix, bits_per_parameter, sqnr_db, weighted_sqnr_db, relative_rmse, max_abs_error, rmse_over_step
            static let textColumns: Set<Column> = [.distribution, .scheme, .family, .imatrix]
        }

        var values: [Column: String]

        init(_ values: [Column: String]) { self.values = values }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            values = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0, cells[$0]) })
        }

        func text(_ column: Column) -> String { values[column] ?? "" }
        func double(_ column: Column) -> Double? { NumberText.double(text(column)) }
    }

    /// `<name>-ties.csv`: ggml's MXFP4 or NVFP4 against the OCP/NVIDIA rule on the same input,
    /// float32 values or the same values rounded to bfloat16 first (as a bf16 checkpoint stores
    /// them): blocks whose scale differs, and elements that decode differently — at an exact tie
    /// of the element grid (ggml keeps the smaller magnitude, nearest-even may not), under a
    /// different block scale, or otherwise (the float32 product x · (1/s) rounding across a
    /// midpoint).
    struct TieRow: TableRow {
        enum Column: String, TableColumn {
            case distribution, codec, reference, source, blocks, scale_differences, elements, differing_elements, ties, under_other_scale, other
            static let textColumns: Set<Column> = [.distribution, .codec, .reference, .source]
        }

        var values: [Column: String]

        init(_ values: [Column: String]) { self.values = values }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            values = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0, cells[$0]) })
        }

        func text(_ column: Column) -> String { values[column] ?? "" }
        func integer(_ column: Column) -> Int { Int(text(column)) ?? 0 }
    }
}
