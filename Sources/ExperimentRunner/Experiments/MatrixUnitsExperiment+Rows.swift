extension MatrixUnitsExperiment {
    /// `<name>.csv`: one unit, one input set, one K, with or without promotion: the relative
    /// error of d against the exact dot product over the trials.
    ///
    ///     // hopper:wgmma.m64n8k32.f32.e4m3.e4m3, normal, K = 4096, no promotion: median ≈ 1e-3
    struct ErrorRow: TableRow {
        enum Column: String, TableColumn {
            case unit, inputs, k, promotion, trials, median_rel_error, max_rel_error
            static let textColumns: Set<Column> = [.unit, .inputs, .promotion]
        }

        var unit, inputs: String
        var k: Int
        /// `none` or the promotion interval (`128`).
        var promotion: String
        /// Trials whose exact sum is nonzero (the others have no relative error).
        var trials: Int
        /// Median and largest |computed − exact| / |exact|, 4 significant digits.
        var median, maximum: String

        init(unit: String, inputs: String, k: Int, promotion: String, trials: Int, median: String, maximum: String) {
            self.unit = unit; self.inputs = inputs; self.k = k; self.promotion = promotion
            self.trials = trials; self.median = median; self.maximum = maximum
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            unit = cells[.unit]; inputs = cells[.inputs]; k = try cells.integer(.k); promotion = cells[.promotion]
            trials = try cells.integer(.trials); median = cells[.median_rel_error]; maximum = cells[.max_rel_error]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .unit: unit
            case .inputs: inputs
            case .k: String(k)
            case .promotion: promotion
            case .trials: String(trials)
            case .median_rel_error: median
            case .max_rel_error: maximum
            }
        }
    }

    /// `<name>-outputs.csv`: d's code for every trial at the determinism K (inputs `normal`, no
    /// promotion), to compare units fed the same inputs.
    struct OutputRow: TableRow {
        enum Column: String, TableColumn {
            case unit, k, trial, d
            static let textColumns: Set<Column> = [.unit, .d]
        }

        var unit: String
        var k, trial: Int
        /// D's code in hex (`convert`'s widths).
        var d: String

        init(unit: String, k: Int, trial: Int, d: String) {
            self.unit = unit; self.k = k; self.trial = trial; self.d = d
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            unit = cells[.unit]; k = try cells.integer(.k); trial = try cells.integer(.trial); d = cells[.d]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .unit: unit
            case .k: String(k)
            case .trial: String(trial)
            case .d: d
            }
        }
    }
}
