extension QuantizationErrorExperiment {
    /// A check key naming rows of the metric table: `theory` (the theory row) or
    /// `DISTRIBUTION SCHEME [BITS [GRANULARITY]]`, where `*` matches anything and BITS may be
    /// a range `LOW..HIGH`. Parsed when the spec is loaded.
    ///
    ///     try MetricSelector(parsing: "normal absmax 4..8")        // bits 4 through 8
    ///     try MetricSelector(parsing: "uniform zeropoint * group:64")
    ///     try MetricSelector(parsing: "normal")                    // nil: malformed
    enum MetricSelector: Sendable {
        case theory
        case rows(distribution: String, scheme: String, bits: ClosedRange<Int>?, granularity: String?)

        init?(parsing key: String) {
            if key == "theory" { self = .theory; return }
            let parts = key.split(separator: " ").map(String.init)
            guard (2...4).contains(parts.count), let distribution = parts.first else { return nil }
            let scheme = parts.dropFirst().first!
            var bits: ClosedRange<Int>? = nil
            if parts.count >= 3, let pattern = parts.dropFirst(2).first, pattern != "*" {
                let bounds = pattern.components(separatedBy: "..")
                guard (1...2).contains(bounds.count), let low = bounds.first.flatMap({ Int($0) }), let high = bounds.last.flatMap({ Int($0) }),
                      low <= high else { return nil }
                bits = low...high
            }
            let granularity = parts.count == 4 ? parts.last : nil
            self = .rows(distribution: distribution, scheme: scheme, bits: bits, granularity: granularity)
        }

        /// The matching rows of the metric table (none for ``theory``).
        func rows(in table: [MetricRow]) -> [MetricRow] {
            guard case .rows(let distribution, let scheme, let bits, let granularity) = self else { return [] }
            func matches(_ pattern: String, _ value: String) -> Bool { pattern == "*" || pattern == value }
            return table.filter { row in
                matches(distribution, row.distribution) && matches(scheme, row.scheme) && (bits.map { $0.contains(row.bits) } ?? true)
                    && (granularity.map { matches($0, row.granularity) } ?? true)
            }
        }
    }

    /// `[checks.absmax_example]` or `[checks.zeropoint_example]`: the expected scale (exact
    /// decimal), zero point and q of a worked example.
    struct ExampleCheck: Sendable {
        /// The example's rows in the examples table (`absmax`, `zeropoint`).
        var example: String
        var table: SpecTable
        var scale: String?
        var zeroPoint: Int?
        var q: [Int]?

        init?(checks: SpecTable, key: String, example: String, allowed: [String]) throws(SpecError) {
            guard let table = try checks.table(key) else { return nil }
            try table.requireOnly(allowed)
            self.example = example
            self.table = table
            if table["scale"] != nil {
                guard case .string(let expected)? = table["scale"] else { throw table.error("scale", "expected the exact decimal as a string") }
                scale = expected
            }
            if table["zero_point"] != nil { zeroPoint = try table.integer("zero_point") }
            if table["q"] != nil { q = try table.integers("q", range: Int(Int32.min)...Int(Int32.max)) }
        }
    }
}
