import SoftFloat

extension RoundingExperiment {
    /// `<name>.csv`: one value rounded once into one format under one mode, with its code,
    /// exact expansion and exact errors (6 significant digits).
    ///
    ///     // 1/3 in float16, nearest-even: bits 0x3555, exact_decimal 0.333251953125,
    ///     // abs_error -8.13802e-05, rel_error -2.44141e-04, precision_bits 11
    struct ResultRow: TableRow {
        enum Column: String, TableColumn {
            case value, format, mode, bits, fields, `class`, exact_decimal, shortest, abs_error, rel_error, ulp_error, flags, precision_bits
            static let textColumns: Set<Column> = [.value, .format, .mode, .bits, .fields, .class, .flags]
        }

        var value, format, mode, bits, fields, valueClass, exactDecimal, shortest: String
        var absoluteError, relativeError, ulpError, flags: String
        var precisionBits: Int

        init(value: String, format: FloatFormat, mode: RoundingMode, rounded: Rounded, error: RoundingError) {
            self.value = value
            self.format = format.name
            self.mode = mode.rawValue
            bits = format.hexString(rounded.bits)
            fields = format.binaryFields(rounded.bits)
            valueClass = format.classify(rounded.bits).rawValue
            exactDecimal = format.exactDecimal(rounded.bits)
            shortest = format.shortestDecimal(rounded.bits)
            absoluteError = error.absolute
            relativeError = error.relative
            ulpError = error.ulps
            flags = rounded.flags.description
            precisionBits = format.precision
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            value = cells[.value]; format = cells[.format]; mode = cells[.mode]; bits = cells[.bits]; fields = cells[.fields]
            valueClass = cells[.class]; exactDecimal = cells[.exact_decimal]; shortest = cells[.shortest]
            absoluteError = cells[.abs_error]; relativeError = cells[.rel_error]; ulpError = cells[.ulp_error]; flags = cells[.flags]
            precisionBits = try cells.integer(.precision_bits)
        }

        func text(_ column: Column) -> String {
            switch column {
            case .value: value
            case .format: format
            case .mode: mode
            case .bits: bits
            case .fields: fields
            case .class: valueClass
            case .exact_decimal: exactDecimal
            case .shortest: shortest
            case .abs_error: absoluteError
            case .rel_error: relativeError
            case .ulp_error: ulpError
            case .flags: flags
            case .precision_bits: String(precisionBits)
            }
        }
    }
}
