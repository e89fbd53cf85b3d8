import Quantization
import SoftFloat

extension InspectReport {
    /// How many representable neighbours on each side the explorer's number line shows.
    public static let neighborCount = 2

    /// The report as JSON, the one document behind `precision-lab inspect --json` and the
    /// explorer's `GET /api/inspect`: `{"value", "from", "source_exact", "rounding", "overflow",
    /// "subnormals", "seed", "position", "results": [{"format", "bits", "fields", "class",
    /// "exact", "shortest", "abs_error", "rel_error", "ulp_error", "flags", "next_up",
    /// "next_down", "position", "neighbors"}, …]}`. Errors that do not apply (`n/a` in the
    /// text) are null; NaN and infinities are strings, so the JSON stays strict.
    ///
    ///     // inspect 0.1 --format float8_e4m3fn --json
    ///     // "results": [{"format": "float8_e4m3fn", "bits": "0x1d", "exact": "0.1015625", …}]
    package var json: JSONValue {
        let inputPosition: JSONValue
        switch input {
        case .number(let number): inputPosition = Self.position(number.rounded(to: .float64).bits, of: .float64)
        case .code(let code, let format): inputPosition = Self.position(code, of: format)
        }
        return .object([
            ("value", .string(value)),
            ("from", source.map { .string($0.name) } ?? .null),
            ("source_exact", sourceValue.map(JSONValue.string) ?? .null),
            ("rounding", .string(options.rounding.rawValue)),
            ("overflow", .string(options.overflow.rawValue)),
            ("subnormals", .string(options.subnormals.rawValue)),
            ("seed", .number(String(seed))),
            ("position", inputPosition),
            ("results", .array(rows.indices.map { index in
                Self.result(rows[index], formats[index], neighbors: neighbors[index])
            })),
        ])
    }

    /// One result of `inspect`: the row's text, the fields split, flags as a list, errors with
    /// `n/a` as null, and the neighbours for the number line; with `neighbors`, also numpy's
    /// `spacing` (exact decimal) and the codes `below` and `above` the input (null: none).
    package static func result(_ row: InspectReport.Row, _ format: FloatFormat, neighbors near: ValueNeighbors? = nil) -> JSONValue {
        func error(_ text: String) -> JSONValue { text == "n/a" ? .null : .string(text) }
        let flags = row.flags == "none" ? [] : row.flags.split(separator: ",").map { JSONValue.string(String($0)) }
        var members: [(String, JSONValue)] = [
            ("format", .string(row.format)),
            ("bits", .string(row.hex)),
            ("fields", fields(row.binary, of: format)),
            ("class", .string(row.floatClass)),
            ("exact", .string(row.exactDecimal)),
            ("shortest", .string(row.shortestDecimal)),
            ("abs_error", error(row.error.absolute)),
            ("rel_error", error(row.error.relative)),
            ("ulp_error", error(row.error.ulps)),
            ("flags", .array(flags)),
            ("next_up", .string(format.hexString(format.nextUp(row.bits)))),
            ("next_down", .string(format.hexString(format.nextDown(row.bits)))),
            ("position", position(row.bits, of: format)),
            ("neighbors", neighbors(row.bits, of: format)),
        ]
        if let near {
            func code(_ bits: UInt64?) -> JSONValue { bits.map { .string(format.hexString($0)) } ?? .null }
            members.insert(contentsOf: [
                ("spacing", .string(format.exactDecimal(near.spacing))),
                ("below", code(near.below)), ("above", code(near.above)),
            ], at: members.firstIndex { $0.0 == "position" }!)
        }
        return .object(members)
    }

    /// `{"sign", "exponent", "mantissa"}` bit strings from the row's `s | e | m` text (an
    /// unsigned format has an empty sign, a format without mantissa bits an empty mantissa).
    package static func fields(_ binary: String, of format: FloatFormat) -> JSONValue {
        var pieces = binary.split(separator: " | ", omittingEmptySubsequences: false).map(String.init)
        let sign = format.isSigned ? pieces.removeFirst() : ""
        let exponent = pieces.isEmpty ? "" : pieces.removeFirst()
        let mantissa = pieces.first ?? ""
        return .object([("sign", .string(sign)), ("exponent", .string(exponent)), ("mantissa", .string(mantissa))])
    }

    /// The code and up to ``neighborCount`` representable values on each side, in increasing
    /// order: `[{"bits", "shortest", "position"}, …]` (NaN codes are left out).
    package static func neighbors(_ code: UInt64, of format: FloatFormat) -> JSONValue {
        guard !format.isNaN(code) else { return .array([]) }
        var below: [UInt64] = []
        var current = code
        for _ in 0..<neighborCount {
            let next = format.nextDown(current)
            guard next != current, !format.isNaN(next) else { break }
            below.insert(next, at: 0)
            current = next
        }
        var above: [UInt64] = []
        current = code
        for _ in 0..<neighborCount {
            let next = format.nextUp(current)
            guard next != current, !format.isNaN(next) else { break }
            above.append(next)
            current = next
        }
        return .array((below + [code] + above).map { neighbor in
            .object([
                ("bits", .string(format.hexString(neighbor))),
                ("shortest", .string(format.shortestDecimal(neighbor))),
                ("position", position(neighbor, of: format)),
            ])
        })
    }

    /// The code's value as a JSON number (the nearest float64), or null for ±inf and NaN.
    package static func position(_ code: UInt64, of format: FloatFormat) -> JSONValue {
        let value = format.doubleValue(code)
        guard value.isFinite else { return .null }
        return .number(FloatFormat.float64.shortestDecimal(value.bitPattern))
    }
}
