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
        guard case .array(let items) = value, items.count == 2 else { throw error(key, "expected [lower, upper]") }
        var bounds: [Double] = []
        for item in items {
            switch item {
            case .integer(let number): bounds.append(Double(number))
            case .float(let number): bounds.append(number)
            default: throw error(key, "expected [lower, upper] with numbers, got \(item.typeDescription)")
            }
        }
        guard bounds[0] <= bounds[1] else { throw error(key, "lower bound above upper bound") }
        return bounds[0]...bounds[1]
    }

    /// A table of `name = "text"` pairs (for expected digits and values).
    func stringPairs(_ key: String) throws(SpecError) -> [(String, String)] {
        guard let table = try table(key) else { return [] }
        var pairs: [(String, String)] = []
        for entry in table.entries {
            guard case .string(let text) = entry.value else { throw table.error(entry.key, "expected a string, got \(entry.value.typeDescription)") }
            pairs.append((entry.key, text))
        }
        return pairs
    }
}
