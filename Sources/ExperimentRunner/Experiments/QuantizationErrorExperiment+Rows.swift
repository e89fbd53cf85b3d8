import Quantization

extension QuantizationErrorExperiment {
    /// `<name>.csv`: one quantize → dequantize round trip: every error metric and the
    /// uniform-noise model's SQNR (`n/a` for the codebooks). Numbers are shortest round-trip
    /// float64 decimals.
    struct MetricRow: TableRow {
        enum Column: String, TableColumn {
            case distribution, seed, scheme, bits, granularity, elements, groups, mse, rmse, max_abs_error, sqnr_db,
                 model_sqnr_db, cosine, clamped, bits_per_parameter
            static let textColumns: Set<Column> = [.distribution, .scheme, .granularity]
        }

        var distribution: String
        var seed: UInt64
        var scheme: String
        var bits: Int
        var granularity, elements, groups, mse, rmse, maxAbsoluteError, sqnr, modelSQNR, cosine, clamped, bitsPerParameter: String

        init(distribution: String, seed: UInt64, scheme: String, bits: Int, granularity: String, elements: String, groups: String,
             mse: String, rmse: String, maxAbsoluteError: String, sqnr: String, modelSQNR: String, cosine: String, clamped: String,
             bitsPerParameter: String) {
            self.distribution = distribution; self.seed = seed; self.scheme = scheme; self.bits = bits; self.granularity = granularity
            self.elements = elements; self.groups = groups; self.mse = mse; self.rmse = rmse; self.maxAbsoluteError = maxAbsoluteError
            self.sqnr = sqnr; self.modelSQNR = modelSQNR; self.cosine = cosine; self.clamped = clamped; self.bitsPerParameter = bitsPerParameter
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            distribution = cells[.distribution]; seed = try cells.unsigned(.seed); scheme = cells[.scheme]
            bits = try cells.integer(.bits); granularity = cells[.granularity]; elements = cells[.elements]; groups = cells[.groups]
            mse = cells[.mse]; rmse = cells[.rmse]; maxAbsoluteError = cells[.max_abs_error]; sqnr = cells[.sqnr_db]
            modelSQNR = cells[.model_sqnr_db]; cosine = cells[.cosine]; clamped = cells[.clamped]
            bitsPerParameter = cells[.bits_per_parameter]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .distribution: distribution
            case .seed: String(seed)
            case .scheme: scheme
            case .bits: String(bits)
            case .granularity: granularity
            case .elements: elements
            case .groups: groups
            case .mse: mse
            case .rmse: rmse
            case .max_abs_error: maxAbsoluteError
            case .sqnr_db: sqnr
            case .model_sqnr_db: modelSQNR
            case .cosine: cosine
            case .clamped: clamped
            case .bits_per_parameter: bitsPerParameter
            }
        }

        /// A numeric cell as a float64 (nil for `n/a`).
        func number(_ column: Column) -> Double? { NumberText.double(text(column)) }

        /// Whether this row is `variant` at `granularity`.
        func isVariant(_ variant: Variant, _ granularity: Granularity) -> Bool {
            scheme == variant.scheme.description && bits == variant.bits && self.granularity == granularity.description
        }
    }

    /// `<name>-theory.csv`: int8 absmax per tensor on many N(0, 1) values against the
    /// clip-free uniform-noise model 10·log10(12 · 127² · mean(x²) / amax²).
    struct TheoryRow: TableRow {
        enum Column: String, TableColumn {
            case samples, seed, distribution, scheme, bits, granularity, absmax, mean_square, sqnr_db, model_sqnr_db,
                 difference_db, full_scale_sine_db
            static let textColumns: Set<Column> = [.distribution, .scheme, .granularity]
        }

        var samples: Int
        var seed: UInt64
        var distribution, scheme, bits, granularity: String
        var absmax, meanSquare, sqnr, modelSQNR, difference, fullScaleSine: Double

        init(samples: Int, seed: UInt64, absmax: Double, meanSquare: Double, sqnr: Double, modelSQNR: Double, fullScaleSine: Double) {
            self.samples = samples; self.seed = seed
            distribution = "normal"; scheme = "absmax"; bits = "8"; granularity = "tensor"
            self.absmax = absmax; self.meanSquare = meanSquare; self.sqnr = sqnr; self.modelSQNR = modelSQNR
            difference = sqnr - modelSQNR
            self.fullScaleSine = fullScaleSine
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            samples = try cells.integer(.samples); seed = try cells.unsigned(.seed)
            distribution = cells[.distribution]; scheme = cells[.scheme]; bits = cells[.bits]; granularity = cells[.granularity]
            absmax = try cells.double(.absmax); meanSquare = try cells.double(.mean_square); sqnr = try cells.double(.sqnr_db)
            modelSQNR = try cells.double(.model_sqnr_db); difference = try cells.double(.difference_db)
            fullScaleSine = try cells.double(.full_scale_sine_db)
        }

        func text(_ column: Column) -> String {
            switch column {
            case .samples: String(samples)
            case .seed: String(seed)
            case .distribution: distribution
            case .scheme: scheme
            case .bits: bits
            case .granularity: granularity
            case .absmax: NumberText.shortest(absmax)
            case .mean_square: NumberText.shortest(meanSquare)
            case .sqnr_db: NumberText.shortest(sqnr)
            case .model_sqnr_db: NumberText.shortest(modelSQNR)
            case .difference_db: NumberText.shortest(difference)
            case .full_scale_sine_db: NumberText.shortest(fullScaleSine)
            }
        }
    }

    /// `<name>-examples.csv`: one element of a worked example (absmax vector, zero-point
    /// matrix), every step's exact value in the compute format.
    ///
    ///     // absmax, float16, element 2: x -4.3 → -4.30078125, scale 0.042510986328125, q -101
    struct ExampleRow: TableRow {
        enum Column: String, TableColumn {
            case example, compute, row, column, input, x, scale, zero_point, scaled, q, dequantized, error
            static let textColumns: Set<Column> = [.example, .compute, .input]
        }

        var example, compute: String
        var row, column: Int
        var input, x, scale: String
        var zeroPoint: Int64
        var scaled: String
        var q: Int64
        var dequantized, error: String

        init(example: String, compute: String, row: Int, column: Int, input: String, x: String, scale: String, zeroPoint: Int64,
             scaled: String, q: Int64, dequantized: String, error: String) {
            self.example = example; self.compute = compute; self.row = row; self.column = column; self.input = input; self.x = x
            self.scale = scale; self.zeroPoint = zeroPoint; self.scaled = scaled; self.q = q; self.dequantized = dequantized
            self.error = error
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            example = cells[.example]; compute = cells[.compute]; row = try cells.integer(.row); column = try cells.integer(.column)
            input = cells[.input]; x = cells[.x]; scale = cells[.scale]; zeroPoint = Int64(try cells.integer(.zero_point))
            scaled = cells[.scaled]; q = Int64(try cells.integer(.q)); dequantized = cells[.dequantized]; error = cells[.error]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .example: example
            case .compute: compute
            case .row: String(row)
            case .column: String(self.column)
            case .input: input
            case .x: x
            case .scale: scale
            case .zero_point: String(zeroPoint)
            case .scaled: scaled
            case .q: String(q)
            case .dequantized: dequantized
            case .error: error
            }
        }
    }
}
