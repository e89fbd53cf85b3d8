import SoftFloat

extension MatmulResult {
    /// The `--json` document: `{"c": [[…]], "outlier_columns": […], "metrics": {…}, …}` with
    /// C in the compute format, the float64 reference, the quantized operands, scales and the
    /// int32 accumulators.
    public var json: String {
        let columns = product.columns
        func grid(_ values: [Int64], rows: Int, columns: Int) -> JSONValue {
            .array((0..<rows).map { row in .array((0..<columns).map { .integer(values[row * columns + $0]) }) })
        }
        var members: [(String, JSONValue)] = [
            ("scheme", .string(configuration.scheme.rawValue)),
            ("convention", .string(configuration.convention.rawValue)),
            ("compute", .string(configuration.compute.name)),
            ("bits", .integer(configuration.bits)),
        ]
        members.append(("outlier_threshold", configuration.outlierThreshold.map { .double($0) } ?? .null))
        members.append(("c", QuantizationResult.json(product)))
        members.append(("outlier_columns", .array(outlierColumns.map { .integer($0) })))
        members.append(("reference", .array((0..<product.rows).map { row in
            .array((0..<columns).map { .double(reference[row * columns + $0]) })
        })))
        members.append(("q_a", grid(quantizedA, rows: a.rows, columns: a.columns)))
        members.append(("q_b", grid(quantizedB, rows: b.rows, columns: b.columns)))
        members.append(("scale_a", .array(scalesA.map { .code($0, configuration.compute) })))
        members.append(("scale_b", .array(scalesB.map { .code($0, configuration.compute) })))
        members.append(("accumulators", grid(accumulators, rows: product.rows, columns: columns)))
        members.append(("overflowed", .integer(overflowCount)))
        members.append(("metrics", metrics.json))
        return JSONValue.object(members).rendered()
    }
}
