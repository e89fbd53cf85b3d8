extension FP8TrainingRecipesExperiment {
    /// `<name>.csv`: one recipe over the whole sequence: saturations, underflows, SQNR.
    struct SummaryRow: TableRow {
        enum Column: String, TableColumn {
            case format, recipe, steps, elements, saturated, steps_saturated, underflows, mean_sqnr_db, min_sqnr_db, min_sqnr_step
            static let textColumns: Set<Column> = [.format, .recipe]
        }

        var format, recipe: String
        var steps, elements, saturated, stepsSaturated, underflows: Int
        var meanSQNR, minSQNR: String
        var minSQNRStep: Int

        init(format: String, recipe: String, steps: Int, elements: Int, saturated: Int, stepsSaturated: Int, underflows: Int,
             meanSQNR: String, minSQNR: String, minSQNRStep: Int) {
            self.format = format; self.recipe = recipe; self.steps = steps; self.elements = elements; self.saturated = saturated
            self.stepsSaturated = stepsSaturated; self.underflows = underflows; self.meanSQNR = meanSQNR; self.minSQNR = minSQNR
            self.minSQNRStep = minSQNRStep
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            format = cells[.format]; recipe = cells[.recipe]; steps = try cells.integer(.steps); elements = try cells.integer(.elements)
            saturated = try cells.integer(.saturated); stepsSaturated = try cells.integer(.steps_saturated)
            underflows = try cells.integer(.underflows); meanSQNR = cells[.mean_sqnr_db]; minSQNR = cells[.min_sqnr_db]
            minSQNRStep = try cells.integer(.min_sqnr_step)
        }

        func text(_ column: Column) -> String {
            switch column {
            case .format: format
            case .recipe: recipe
            case .steps: String(steps)
            case .elements: String(elements)
            case .saturated: String(saturated)
            case .steps_saturated: String(stepsSaturated)
            case .underflows: String(underflows)
            case .mean_sqnr_db: meanSQNR
            case .min_sqnr_db: minSQNR
            case .min_sqnr_step: String(minSQNRStep)
            }
        }
    }

    /// `<name>-steps.csv`: one recipe at one step: the amplitude, the tensor's amax, the scale
    /// the step used (float32 shortest decimals), saturated and underflowed elements, SQNR
    /// (6 significant digits; the summary's mean uses the unrounded values).
    struct StepRow: TableRow {
        enum Column: String, TableColumn {
            case format, recipe, step, log2_amplitude, amax, scale, saturated, underflows, sqnr_db
            static let textColumns: Set<Column> = [.format, .recipe]
        }

        var format, recipe: String
        var step: Int
        var log2Amplitude, amax, scale: String
        var saturated, underflows: Int
        var sqnr: String

        init(format: String, recipe: String, step: Int, log2Amplitude: String, amax: String, scale: String, saturated: Int, underflows: Int,
             sqnr: String) {
            self.format = format; self.recipe = recipe; self.step = step; self.log2Amplitude = log2Amplitude; self.amax = amax
            self.scale = scale; self.saturated = saturated; self.underflows = underflows; self.sqnr = sqnr
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            format = cells[.format]; recipe = cells[.recipe]; step = try cells.integer(.step); log2Amplitude = cells[.log2_amplitude]
            amax = cells[.amax]; scale = cells[.scale]; saturated = try cells.integer(.saturated); underflows = try cells.integer(.underflows)
            sqnr = cells[.sqnr_db]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .format: format
            case .recipe: recipe
            case .step: String(step)
            case .log2_amplitude: log2Amplitude
            case .amax: amax
            case .scale: scale
            case .saturated: String(saturated)
            case .underflows: String(underflows)
            case .sqnr_db: sqnr
            }
        }
    }
}
