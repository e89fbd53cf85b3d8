/// One entry of a spec's `[checks]`, parsed and validated when the spec is loaded (before any
/// cell is computed): where it is written, for messages, and what it expects.
///
///     // [checks.first_overflow]
///     // float16 = "65520.0"
///     try spec.checks.stringChecks("first_overflow")
///     // [SpecCheck(table: checks.first_overflow, key: "float16", expected: "65520.0")]
struct SpecCheck<Expected: Sendable>: Sendable {
    /// The table holding the key (its file, path and lines locate messages).
    var table: SpecTable
    var key: String
    var expected: Expected

    /// A failure located at this check's key.
    func failure(_ message: String) -> CheckFailure { CheckFailure(table.error(key, message)) }
}

extension SpecTable {
    /// `[checks.KEY]` as `name = "text"` pairs; none when the table is absent.
    func stringChecks(_ key: String) throws(SpecError) -> [SpecCheck<String>] {
        guard let table = try table(key) else { return [] }
        var checks: [SpecCheck<String>] = []
        for entry in table.entries {
            guard case .string(let text) = entry.value else { throw table.error(entry.key, "expected a string, got \(entry.value.typeDescription)") }
            checks.append(SpecCheck(table: table, key: entry.key, expected: text))
        }
        return checks
    }

    /// `[checks.KEY.GROUP]` tables of `name = "text"` pairs, by group, in source order.
    func groupedStringChecks(_ key: String) throws(SpecError) -> [(group: String, checks: [SpecCheck<String>])] {
        guard let table = try table(key) else { return [] }
        var groups: [(group: String, checks: [SpecCheck<String>])] = []
        for entry in table.entries {
            guard case .table = entry.value else { throw table.error(entry.key, "expected a table of name = \"value\" pairs, got \(entry.value.typeDescription)") }
            groups.append((entry.key, try table.stringChecks(entry.key)))
        }
        return groups
    }

    /// `[checks.KEY]` as `name = [lower, upper]` pairs; none when the table is absent.
    func rangeChecks(_ key: String) throws(SpecError) -> [SpecCheck<ClosedRange<Double>>] {
        guard let table = try table(key) else { return [] }
        var checks: [SpecCheck<ClosedRange<Double>>] = []
        for entry in table.entries {
            checks.append(SpecCheck(table: table, key: entry.key, expected: try table.range(entry.key)!))
        }
        return checks
    }

    /// `[checks.KEY]` as `name = number` pairs (integers or floats); none when the table is absent.
    func numberChecks(_ key: String, what: String) throws(SpecError) -> [SpecCheck<Double>] {
        guard let table = try table(key) else { return [] }
        var checks: [SpecCheck<Double>] = []
        for entry in table.entries {
            switch entry.value {
            case .float(let value): checks.append(SpecCheck(table: table, key: entry.key, expected: value))
            case .integer(let value): checks.append(SpecCheck(table: table, key: entry.key, expected: Double(value)))
            default: throw table.error(entry.key, "expected \(what) (a number)")
            }
        }
        return checks
    }
}
