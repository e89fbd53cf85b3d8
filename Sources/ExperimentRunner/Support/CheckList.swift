/// Collects passed self-checks and throws ``CheckFailure`` (located at the check's key in the
/// spec) on the first mismatch.
///
///     var checks = CheckList()
///     try checks.expectEqual(computed: "65504.0", expected: "65504.0", at: spec.checks, key: "max",
///                            what: "float16 max")
///     checks.passed   // ["float16 max = 65504.0"]
struct CheckList {
    private(set) var passed: [String] = []

    mutating func expectEqual(computed: String, expected: String, at table: SpecTable, key: String, what: String) throws(CheckFailure) {
        guard computed == expected else {
            throw CheckFailure(table.error(key, "\(what): expected \(expected), computed \(computed)"))
        }
        passed.append("\(what) = `\(computed)`")
    }

    /// `computed` must equal the check's expected text.
    mutating func expectEqual(computed: String, _ check: SpecCheck<String>, what: String) throws(CheckFailure) {
        try expectEqual(computed: computed, expected: check.expected, at: check.table, key: check.key, what: what)
    }

    /// `value` must lie in the check's range.
    mutating func expectWithin(_ value: Double, _ check: SpecCheck<ClosedRange<Double>>, what: String, shown: String) throws(CheckFailure) {
        try expectWithin(value, check.expected, at: check.table, key: check.key, what: what, shown: shown)
    }

    mutating func expectWithin(_ value: Double, _ range: ClosedRange<Double>, at table: SpecTable, key: String, what: String, shown: String) throws(CheckFailure) {
        guard range.contains(value) else {
            throw CheckFailure(table.error(key, "\(what) = \(shown), expected within [\(NumberText.shortest(range.lowerBound)), \(NumberText.shortest(range.upperBound))]"))
        }
        passed.append("\(what) = `\(shown)`, within [\(NumberText.shortest(range.lowerBound)), \(NumberText.shortest(range.upperBound))]")
    }

    mutating func note(_ text: String) { passed.append(text) }
}

extension SpecTable {
    /// `[lower, upper]` as two numbers (integers or floats).
    func range(_ key: String) throws(SpecError) -> ClosedRange<Double>? {
        guard let value = self[key] else { return nil }
        guard case .array(let items) = value, items.count == 2, let first = items.first, let last = items.last else {
            throw error(key, "expected [lower, upper]")
        }
        func number(_ item: SpecValue) throws(SpecError) -> Double {
            switch item {
            case .integer(let number): return Double(number)
            case .float(let number): return number
            default: throw error(key, "expected [lower, upper] with numbers, got \(item.typeDescription)")
            }
        }
        let lower = try number(first), upper = try number(last)
        guard lower <= upper else { throw error(key, "lower bound above upper bound") }
        return lower...upper
    }
}
