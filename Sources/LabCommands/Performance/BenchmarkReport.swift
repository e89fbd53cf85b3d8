/// Renders benchmark results as an aligned table or as JSON.
public enum BenchmarkReport {
    /// Columns: name, elements, ns/element (median, min, max), GB/s, ratio to memcpy.
    public static func table(_ results: [BenchmarkResult]) -> String {
        let memcpy = results.first { $0.name == "memcpy float32" }?.nanosecondsPerElement
        var rows = [["benchmark", "elements", "ns/element", "min", "max", "GB/s", "× memcpy"]]
        for result in results {
            rows.append([
                result.name, String(result.elements), fixed(result.nanosecondsPerElement, 3),
                fixed(result.nanosecondsPerElementMin, 3), fixed(result.nanosecondsPerElementMax, 3),
                fixed(result.gigabytesPerSecond, 2), memcpy.map { fixed(result.nanosecondsPerElement / $0, 2) } ?? "-",
            ])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            row.enumerated().map { column, text in
                column == 0 ? text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                            : String(repeating: " ", count: widths[column] - text.count) + text
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A JSON list of `{"name", "elements", "ns_per_element", "ns_per_element_min", "ns_per_element_max", "gb_per_s"}`.
    public static func json(_ results: [BenchmarkResult]) -> String {
        let items = results.map { result in
            "  {\"name\": \"\(result.name)\", \"elements\": \(result.elements), \"ns_per_element\": \(result.nanosecondsPerElement), \"ns_per_element_min\": \(result.nanosecondsPerElementMin), \"ns_per_element_max\": \(result.nanosecondsPerElementMax), \"gb_per_s\": \(result.gigabytesPerSecond)}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scaled = (value * pow10(digits)).rounded()
        if scaled == -0 { scaled = 0 }
        let integer = Int(scaled)
        let unit = Int(pow10(digits))
        let fraction = String(abs(integer) % unit)
        return (integer < 0 ? "-" : "") + String(abs(integer) / unit) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    static func pow10(_ digits: Int) -> Double {
        var value = 1.0
        for _ in 0..<digits { value *= 10 }
        return value
    }
}
