import LabCommands
import Quantization
import SoftFloat

/// The explorer's JSON API as functions from a query to a JSON tree: the answers come from
/// LabCommands' ``InspectReport`` and SoftFloat's ``FormatPropertyRow`` (the code behind
/// `precision-lab inspect` and `precision-lab formats`), never from a second implementation.
///
///     let answer = try ExplorerAPI.inspect(QueryParameters([("value", "0.1"), ("format", "float8_e4m3fn")]))
///     // {"value": "0.1", …, "results": [{"format": "float8_e4m3fn", "bits": "0x1d",
///     //   "exact": "0.1015625", "shortest": "0.1", "abs_error": "1.56250e-03", …}]}
///
/// The JSON is strict: every number is finite; values JSON cannot spell (`inf`, `nan`) are
/// strings, a number line position that does not exist is `null`, and an error that does not
/// apply (`n/a` in `inspect`) is `null`.
public enum ExplorerAPI {
    /// `GET /api/formats`: `{"formats": [{name, bits, exponent_bits, mantissa_bits, bias, eps, max,
    /// lowest, smallest_normal, smallest_subnormal, resolution, decimal_digits, min_exponent,
    /// max_exponent, inf_encoding, nan_encoding}, …]}`, one object per built-in format, with the
    /// cells of `precision-lab formats` (integers and floats as JSON numbers, encodings as strings).
    package static func formats() -> JSONValue {
        let columns = FormatTable.columnNames.filter { $0 != "min" }
        let text: Set<String> = ["name", "inf_encoding", "nan_encoding"]
        let formats = FloatFormat.builtIn.map { format -> JSONValue in
            let row = FormatPropertyRow(format)
            return .object(columns.map { column in
                (column, text.contains(column) ? .string(row[column]) : .number(row[column]))
            } + [("nonfinite", .string(row["nonfinite"]))])
        }
        return .object([("formats", .array(formats))])
    }

    /// `GET /api/inspect?value=V&format=F…[&from=F][&rounding=R][&overflow=P][&subnormals=P][&seed=N]`:
    /// the ``InspectReport`` of `precision-lab inspect V --format F…`, one result per format.
    ///
    /// - Throws: ``APIError`` naming `value`, `format`, `from`, `rounding`, `overflow`,
    ///   `subnormals` or `seed`.
    package static func inspect(_ query: QueryParameters) throws(APIError) -> JSONValue {
        let value = try query.one("value")
        let formats = try formatList(query)
        let options = RoundingOptions(
            rounding: try query.choice("rounding", default: .nearestEven),
            overflow: try query.choice("overflow", default: .default),
            subnormals: try query.choice("subnormals", default: .keep))
        var seed: UInt64 = 0
        if let text = try query.optional("seed") {
            guard let parsed = UInt64(text) else { throw APIError(parameter: "seed", message: "expected an integer from 0 to 2^64 − 1, got '\(text)'") }
            seed = parsed
        }
        let source = try query.optional("from").map { name throws(APIError) in try format(name, parameter: "from") }
        let input: InspectReport.Input
        do {
            input = try InspectReport.Input(value, source: source)
        } catch {
            throw APIError(parameter: "value", message: error.description)
        }
        return InspectReport(value: value, input: input, formats: formats, options: options, seed: seed).json
    }

    /// `GET /api/decode?format=F&bits=0x1d`: what a code of a format stands for, and its
    /// neighbours: `{"format", "bits", "fields", "class", "exact", "shortest", "next_up",
    /// "next_down", "neighbors"}`.
    ///
    /// - Throws: ``APIError`` naming `format` or `bits` (unparsable, or wider than the format).
    package static func decode(_ query: QueryParameters) throws(APIError) -> JSONValue {
        let format = try format(try query.one("format"), parameter: "format")
        let text = try query.one("bits")
        let code: UInt64
        do {
            code = try format.parseCode(text)
        } catch {
            throw APIError(parameter: "bits", message: error.description)
        }
        let row = InspectReport.Row(code: code, of: format, error: .notApplicable, flags: "none")
        return .object([
            ("format", .string(row.format)),
            ("bits", .string(row.hex)),
            ("fields", InspectReport.fields(row.binary, of: format)),
            ("class", .string(row.floatClass)),
            ("exact", .string(row.exactDecimal)),
            ("shortest", .string(row.shortestDecimal)),
            ("next_up", .string(format.hexString(format.nextUp(code)))),
            ("next_down", .string(format.hexString(format.nextDown(code)))),
            ("position", InspectReport.position(code, of: format)),
            ("neighbors", InspectReport.neighbors(code, of: format)),
        ])
    }

    /// The `format` parameters (each may hold several names separated by commas), or
    /// ``InspectReport/defaultFormats`` when there are none.
    static func formatList(_ query: QueryParameters) throws(APIError) -> [FloatFormat] {
        let names = query.all("format").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard !names.isEmpty else { return InspectReport.defaultFormats }
        guard names.count <= QueryParameters.maxFormats else {
            throw APIError(parameter: "format", message: "\(names.count) formats; at most \(QueryParameters.maxFormats)")
        }
        return try names.map { name throws(APIError) in try format(name, parameter: "format") }
    }

    static func format(_ name: String, parameter: String) throws(APIError) -> FloatFormat {
        guard !name.isEmpty else { throw APIError(parameter: parameter, message: "empty format name") }
        guard name.utf8.count <= 64 else { throw APIError(parameter: parameter, message: "format name longer than 64 bytes") }
        do {
            return try FloatFormat.named(name)
        } catch {
            throw APIError(parameter: parameter, message: error.description)
        }
    }
}
