import SoftFloat

/// The property table of every built-in format and integer type, as `precision-lab formats`
/// prints it (like torch.finfo / torch.iinfo, with more columns).
///
/// Floating-point numbers are the shortest decimal that round-trips through float64
/// (Swift's `Double.description`: `65504.0`, `3.3895313892515355e+38`, `1e-05`); integers
/// are exact. In the combined CSV table, integer rows fill `bits`, `min` and `max` and leave
/// the floating-point columns empty.
///
///     FormatTable.csv().split(separator: "\n")[0]
///     // name,bits,exponent_bits,mantissa_bits,bias,eps,max,lowest,smallest_normal,
///     // smallest_subnormal,resolution,decimal_digits,min_exponent,max_exponent,
///     // inf_encoding,nan_encoding,min
public enum FormatTable {
    /// Column names of the combined table, in order.
    public static let columnNames = [
        "name", "bits", "exponent_bits", "mantissa_bits", "bias", "eps", "max", "lowest",
        "smallest_normal", "smallest_subnormal", "resolution", "decimal_digits",
        "min_exponent", "max_exponent", "inf_encoding", "nan_encoding", "min",
    ]

    /// Columns printed left-aligned: names and encodings; everything else is a number.
    private static let textColumns: Set<String> = ["name", "inf_encoding", "nan_encoding"]

    private static func columns(_ names: [String]) -> [TextTable.Column] {
        names.map { TextTable.Column($0, alignment: textColumns.contains($0) ? .left : .right) }
    }

    /// One row per floating-point format, with every column but `min`.
    static func floatingPoint(_ formats: [FloatFormat] = FloatFormat.builtIn) -> TextTable {
        let names = columnNames.filter { $0 != "min" }
        let rows = formats.map { format in
            let cells = floatCells(format)
            return names.map { cells[$0] ?? "" }
        }
        return TextTable(title: "Floating-point formats", columns: columns(names), rows: rows)
    }

    /// One row per integer type: name, bits, min, max.
    static func integer(_ types: [IntegerFormat] = IntegerFormat.builtIn) -> TextTable {
        let names = ["name", "bits", "min", "max"]
        let rows = types.map { type in
            let cells = integerCells(type)
            return names.map { cells[$0] ?? "" }
        }
        return TextTable(title: "Integer types", columns: columns(names), rows: rows)
    }

    /// Every format, then every integer type, under ``columnNames``.
    static func combined(
        _ formats: [FloatFormat] = FloatFormat.builtIn, integers: [IntegerFormat] = IntegerFormat.builtIn
    ) -> TextTable {
        let rows = formats.map(floatCells) + integers.map(integerCells)
        return TextTable(
            title: "Formats", columns: columns(columnNames),
            rows: rows.map { cells in columnNames.map { cells[$0] ?? "" } })
    }

    /// The output of `precision-lab formats` in the given style: one CSV table, or a
    /// floating-point table and an integer table separated by a blank line.
    public static func render(style: TableStyle) -> String {
        switch style {
        case .csv:
            return CSVRenderer().render(combined())
        case .markdown:
            let renderer = MarkdownRenderer()
            return renderer.render(floatingPoint()) + "\n" + renderer.render(integer())
        case .plain:
            let renderer = PlainTableRenderer()
            return renderer.render(floatingPoint()) + "\n" + renderer.render(integer())
        }
    }

    /// The CSV text (a convenience for scripts and tests).
    public static func csv() -> String { render(style: .csv) }

    static func floatCells(_ format: FloatFormat) -> [String: String] {
        let info = FormatProperties(format)
        return [
            "name": format.name,
            "bits": String(format.bitWidth),
            "exponent_bits": String(format.exponentBits),
            "mantissa_bits": String(format.mantissaBits),
            "bias": String(format.bias),
            "eps": info.eps.description,
            "max": info.max.description,
            "lowest": info.lowest.description,
            "smallest_normal": info.smallestNormal.description,
            "smallest_subnormal": info.smallestSubnormal.description,
            "resolution": info.resolution.description,
            "decimal_digits": String(info.decimalDigits),
            "min_exponent": String(info.minExponent),
            "max_exponent": String(info.maxExponent),
            "inf_encoding": info.infinityEncoding,
            "nan_encoding": info.nanEncoding,
        ]
    }

    static func integerCells(_ type: IntegerFormat) -> [String: String] {
        ["name": type.name, "bits": String(type.bits), "min": String(type.min), "max": String(type.max)]
    }
}
