import ReportKit
import SoftFloat

/// The property table of every built-in format and integer type, as `precision-lab formats`
/// prints it (like torch.finfo / torch.iinfo, with more columns).
///
/// The rows come from ``FormatPropertyRow`` (the same builder as `Reports/formats.csv`, which
/// picks more columns) and are rendered by ReportKit's ``DataTable``. Floating-point numbers are
/// the shortest decimal that round-trips through float64 (`65504.0`, `3.3895313892515355e+38`,
/// `1e-05`); integers are exact. Columns that numpy's and ml_dtypes' `finfo` also have carry
/// finfo's name and value (`resolution`, `min`, `precision`, `maxexp`: 16 for float16, where
/// the lab's own `max_exponent` is 15). In the combined CSV table, integer rows fill `bits`,
/// `min` and `max` and leave the floating-point columns empty.
///
///     FormatTable.csv().split(separator: "\n")[0]
///     // name,bits,exponent_bits,mantissa_bits,bias,eps,max,lowest,smallest_normal,
///     // smallest_subnormal,resolution,decimal_digits,min_exponent,max_exponent,
///     // inf_encoding,nan_encoding,min,precision,epsneg,machep,negep,minexp,maxexp,nexp,
///     // nmant,iexp,tiny
public enum FormatTable {
    /// Column names of the combined table, in order.
    public static let columnNames = [
        "name", "bits", "exponent_bits", "mantissa_bits", "bias", "eps", "max", "lowest",
        "smallest_normal", "smallest_subnormal", "resolution", "decimal_digits",
        "min_exponent", "max_exponent", "inf_encoding", "nan_encoding", "min",
        "precision", "epsneg", "machep", "negep", "minexp", "maxexp", "nexp", "nmant", "iexp", "tiny",
    ]

    /// Columns printed left-aligned: names and encodings; everything else is a number.
    private static let textColumns: Set<String> = ["name", "inf_encoding", "nan_encoding"]

    private static func table(_ names: [String], _ rows: [FormatPropertyRow]) -> DataTable {
        DataTable(columns: names.map { DataColumn($0, alignment: textColumns.contains($0) ? .left : .right) },
                  rows: rows.map { $0.cells(names) })
    }

    /// One row per floating-point format: the lab's columns (numpy's finfo columns only in CSV,
    /// where width does not matter).
    static func floatingPoint(_ formats: [FloatFormat] = FloatFormat.builtIn) -> DataTable {
        table(Array(columnNames.prefix(16)), formats.map(FormatPropertyRow.init))
    }

    /// One row per integer type: name, bits, min, max.
    static func integer(_ types: [IntegerFormat] = IntegerFormat.builtIn) -> DataTable {
        table(["name", "bits", "min", "max"], types.map(FormatPropertyRow.init))
    }

    /// Every format, then every integer type, under ``columnNames``.
    static func combined(
        _ formats: [FloatFormat] = FloatFormat.builtIn, integers: [IntegerFormat] = IntegerFormat.builtIn
    ) -> DataTable {
        table(columnNames, formats.map(FormatPropertyRow.init) + integers.map(FormatPropertyRow.init))
    }

    /// The output of `precision-lab formats` in the given style: one CSV table (or JSON array),
    /// or a floating-point table and an integer table, each under its title, separated by a
    /// blank line (plain text with a dashed rule under the header; compact Markdown under `###`).
    /// Given `formats` (user-defined ones too: `e3m4:bias=5`), only those, without integers.
    public static func render(style: TableStyle, formats: [FloatFormat]? = nil) -> String {
        let integers = formats == nil ? IntegerFormat.builtIn : []
        let floats = formats ?? FloatFormat.builtIn
        var sections = [("Floating-point formats", floatingPoint(floats))]
        if !integers.isEmpty { sections.append(("Integer types", integer(integers))) }
        switch style {
        case .csv:
            return combined(floats, integers: integers).csv()
        case .json:
            return combined(floats, integers: integers).json(textColumns: textColumns)
        case .markdown:
            return sections.map { "### \($0.0)\n\n" + $0.1.markdown(layout: .compact) }.joined(separator: "\n")
        case .plain:
            return sections.map { $0.0 + "\n" + $0.1.plainText(headerRule: true) }.joined(separator: "\n")
        }
    }

    /// Every code of a format of at most 16 bits, as CSV: `code,class,exact` (`0x7e,normal,448`),
    /// the exact decimal of each code's value (`nan`, `inf`, `-0` for specials and zeros).
    ///
    /// - Throws: ``FormatTableError/tooManyCodes(_:)`` past 16 bits (2^32 rows).
    public static func codes(_ format: FloatFormat) throws(FormatTableError) -> String {
        guard format.bitWidth <= 16 else { throw .tooManyCodes(format) }
        var table = DataTable(header: ["code", "class", "exact"])
        for code in 0..<(UInt64(1) << UInt64(format.bitWidth)) {
            table.append([format.hexString(code), format.classify(code).rawValue, format.exactDecimal(code)])
        }
        return table.csv()
    }

    /// The CSV text (a convenience for scripts and tests).
    public static func csv() -> String { render(style: .csv) }
}
