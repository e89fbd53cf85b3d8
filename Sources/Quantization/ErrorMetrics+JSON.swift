import SoftFloat

extension ErrorMetrics {
    /// `{"mse", "rmse", "max_abs_error", "sqnr_db", "cosine_similarity", "clamped",
    /// "bits_per_parameter"}`, float64 values as shortest decimals.
    var json: JSONValue {
        .object([
            ("mse", .double(meanSquaredError)),
            ("rmse", .double(rootMeanSquaredError)),
            ("max_abs_error", .double(maxAbsoluteError)),
            ("sqnr_db", .double(sqnr)),
            ("cosine_similarity", .double(cosineSimilarity)),
            ("clamped", .integer(clampedCount)),
            ("bits_per_parameter", .double(bitsPerParameter)),
        ])
    }

    /// The metrics as aligned `name  value` lines.
    var summaryLines: [String] {
        let rows: [(String, String)] = [
            ("MSE", Self.text(meanSquaredError)),
            ("RMSE", Self.text(rootMeanSquaredError)),
            ("max |x − x̂|", Self.text(maxAbsoluteError)),
            ("SQNR", Self.text(sqnr) + " dB"),
            ("cosine similarity", Self.text(cosineSimilarity)),
            ("clamped/saturated", String(clampedCount)),
            ("bits per parameter", Self.text(bitsPerParameter)),
        ]
        return rows.map { "  " + $0.0 + String(repeating: " ", count: max(1, 20 - $0.0.count)) + $0.1 }
    }

    static func text(_ value: Double) -> String { FloatFormat.float64.shortestDecimal(value.bitPattern) }
}
