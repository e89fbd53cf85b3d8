extension BlockScaledFormatsExperiment {
    /// `<name>.csv`: one recipe on one matrix: SQNR, relative error, clamps and underflows,
    /// and the 6.02·p + 7.44 dB anchor of its element format (`n/a` for integers and NF4).
    struct MetricRow: TableRow {
        enum Column: String, TableColumn {
            case distribution, seed, recipe, family, elements, groups, bits_per_element, significand_bits, sqnr_db, anchor_db,
                 relative_error, max_relative_error, clamped, underflows
            static let textColumns: Set<Column> = [.distribution, .recipe, .family]
        }

        var distribution: String
        var seed: UInt64
        var recipe, family: String
        var elements, groups: Int
        var bitsPerElement, significandBits, sqnr, anchor, relativeError, maxRelativeError: String
        var clamped, underflows: Int

        init(distribution: String, seed: UInt64, recipe: String, family: String, elements: Int, groups: Int, bitsPerElement: String,
             significandBits: String, sqnr: String, anchor: String, relativeError: String, maxRelativeError: String, clamped: Int,
             underflows: Int) {
            self.distribution = distribution; self.seed = seed; self.recipe = recipe; self.family = family; self.elements = elements
            self.groups = groups; self.bitsPerElement = bitsPerElement; self.significandBits = significandBits; self.sqnr = sqnr
            self.anchor = anchor; self.relativeError = relativeError; self.maxRelativeError = maxRelativeError; self.clamped = clamped
            self.underflows = underflows
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            distribution = cells[.distribution]; seed = try cells.unsigned(.seed); recipe = cells[.recipe]; family = cells[.family]
            elements = try cells.integer(.elements); groups = try cells.integer(.groups); bitsPerElement = cells[.bits_per_element]
            significandBits = cells[.significand_bits]; sqnr = cells[.sqnr_db]; anchor = cells[.anchor_db]
            relativeError = cells[.relative_error]; maxRelativeError = cells[.max_relative_error]
            clamped = try cells.integer(.clamped); underflows = try cells.integer(.underflows)
        }

        func text(_ column: Column) -> String {
            switch column {
            case .distribution: distribution
            case .seed: String(seed)
            case .recipe: recipe
            case .family: family
            case .elements: String(elements)
            case .groups: String(groups)
            case .bits_per_element: bitsPerElement
            case .significand_bits: significandBits
            case .sqnr_db: sqnr
            case .anchor_db: anchor
            case .relative_error: relativeError
            case .max_relative_error: maxRelativeError
            case .clamped: String(clamped)
            case .underflows: String(underflows)
            }
        }

        /// A numeric cell as a float64 (nil for `n/a`).
        func number(_ column: Column) -> Double? { NumberText.double(text(column)) }
    }

    /// `<name>-disagreement.csv`: two recipes of one family on one matrix: how many element
    /// codes, decoded values x̂ and block scales differ, and the first element whose x̂ differs
    /// (else whose code differs) reduced to
    /// the few values that decide its code (`example_values`, re-quantized under both recipes
    /// to confirm: `example_reproduced`).
    struct DisagreementRow: TableRow {
        enum Column: String, TableColumn {
            case distribution, seed, family, recipe_a, recipe_b, elements, codes_differ, values_differ, groups, scales_differ, example_row,
                 example_column, example_x, example_values, code_a, code_b, value_a, value_b, scale_a, scale_b, example_reproduced
            static let textColumns: Set<Column> = [.distribution, .family, .recipe_a, .recipe_b, .example_values, .code_a, .code_b,
                                                   .example_reproduced]
        }

        var distribution: String
        var seed: UInt64
        var family, recipeA, recipeB: String
        var elements, codesDiffer, valuesDiffer, groups, scalesDiffer: Int
        var exampleRow, exampleColumn, exampleX, exampleValues, codeA, codeB, valueA, valueB, scaleA, scaleB, exampleReproduced: String

        init(distribution: String, seed: UInt64, family: String, recipeA: String, recipeB: String, elements: Int, codesDiffer: Int,
             valuesDiffer: Int, groups: Int, scalesDiffer: Int, example: Example?) {
            self.distribution = distribution; self.seed = seed; self.family = family; self.recipeA = recipeA; self.recipeB = recipeB
            self.elements = elements; self.codesDiffer = codesDiffer; self.valuesDiffer = valuesDiffer; self.groups = groups; self.scalesDiffer = scalesDiffer
            exampleRow = example.map { String($0.row) } ?? "n/a"
            exampleColumn = example.map { String($0.column) } ?? "n/a"
            exampleX = example?.x ?? "n/a"
            exampleValues = example?.values ?? "n/a"
            codeA = example?.codeA ?? "n/a"; codeB = example?.codeB ?? "n/a"
            valueA = example?.valueA ?? "n/a"; valueB = example?.valueB ?? "n/a"
            scaleA = example?.scaleA ?? "n/a"; scaleB = example?.scaleB ?? "n/a"
            exampleReproduced = example.map { $0.reproduced ? "yes" : "no" } ?? "n/a"
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            distribution = cells[.distribution]; seed = try cells.unsigned(.seed); family = cells[.family]
            recipeA = cells[.recipe_a]; recipeB = cells[.recipe_b]; elements = try cells.integer(.elements)
            codesDiffer = try cells.integer(.codes_differ); valuesDiffer = try cells.integer(.values_differ); groups = try cells.integer(.groups); scalesDiffer = try cells.integer(.scales_differ)
            exampleRow = cells[.example_row]; exampleColumn = cells[.example_column]; exampleX = cells[.example_x]
            exampleValues = cells[.example_values]; codeA = cells[.code_a]; codeB = cells[.code_b]; valueA = cells[.value_a]
            valueB = cells[.value_b]; scaleA = cells[.scale_a]; scaleB = cells[.scale_b]; exampleReproduced = cells[.example_reproduced]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .distribution: distribution
            case .seed: String(seed)
            case .family: family
            case .recipe_a: recipeA
            case .recipe_b: recipeB
            case .elements: String(elements)
            case .codes_differ: String(codesDiffer)
            case .values_differ: String(valuesDiffer)
            case .groups: String(groups)
            case .scales_differ: String(scalesDiffer)
            case .example_row: exampleRow
            case .example_column: exampleColumn
            case .example_x: exampleX
            case .example_values: exampleValues
            case .code_a: codeA
            case .code_b: codeB
            case .value_a: valueA
            case .value_b: valueB
            case .scale_a: scaleA
            case .scale_b: scaleB
            case .example_reproduced: exampleReproduced
            }
        }
    }

    /// The first element two recipes code differently, as the report shows it.
    struct Example: Sendable {
        var row, column: Int
        /// The element, float32 shortest decimal.
        var x: String
        /// The reduced input: `position:value` pairs of its non-zero elements (one row).
        var values: String
        /// Each recipe's element code (hex) and decoded element, in the full matrix.
        var codeA, codeB: String
        /// Each recipe's x̂.
        var valueA, valueB: String
        /// Each recipe's effective scale of the element's block (block scale × tensor scale).
        var scaleA, scaleB: String
        /// Whether the reduced input alone gives the two recipes different x̂ for x (different
        /// codes when the example's x̂ agree).
        var reproduced: Bool
    }
}
