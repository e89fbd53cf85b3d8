import ModelAnalysis

extension ModelFidelityExperiment {
    /// `<name>.csv`: one run over every sentence.
    struct RunRow: TableRow {
        enum Column: String, TableColumn {
            case run, sentences, tokens, mean_cosine, worst_cosine, worst_line, neighbour_agreement
            static let textColumns: Set<Column> = [.run]
        }

        var values: [Column: String]

        init(run: String, sentences: Int, tokens: Int, meanCosine: Double, worstCosine: Double, worstLine: Int, neighbourAgreement: Double) {
            values = [.run: run, .sentences: String(sentences), .tokens: String(tokens),
                      .mean_cosine: ReportNumber.fixed(meanCosine, decimals: 7), .worst_cosine: ReportNumber.fixed(worstCosine, decimals: 7),
                      .worst_line: String(worstLine), .neighbour_agreement: ReportNumber.fixed(neighbourAgreement, decimals: 3)]
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            values = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0, cells[$0]) })
        }

        func text(_ column: Column) -> String { values[column] ?? "" }
        func double(_ column: Column) -> Double { NumberText.double(text(column)) ?? .nan }
    }

    /// `<name>-layers.csv`: the relative error ‖h − h₃₂‖ / ‖h₃₂‖ of one hidden state over every
    /// sentence and token (layer 0 is the embeddings' LayerNorm output).
    struct LayerRow: TableRow {
        enum Column: String, TableColumn {
            case run, layer, relative_error
            static let textColumns: Set<Column> = [.run]
        }

        var values: [Column: String]

        init(run: String, layer: Int, relativeError: Double) {
            values = [.run: run, .layer: String(layer), .relative_error: ReportNumber.significant(relativeError, digits: 4)]
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            values = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0, cells[$0]) })
        }

        func text(_ column: Column) -> String { values[column] ?? "" }
        func double(_ column: Column) -> Double { NumberText.double(text(column)) ?? .nan }
    }
}
