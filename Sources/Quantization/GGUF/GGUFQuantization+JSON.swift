extension GGUFQuantization {
    /// `{"scheme", "ggml_type", "rows", "columns", "block_elements", "block_bytes", "blocks",
    /// "bytes", "importance", "metrics"}` (the blocks themselves are in the --save-blocks file).
    public var json: String {
        JSONValue.object([
            ("scheme", .string(type.schemeName)),
            ("ggml_type", .integer(type.ggmlTypeID)),
            ("rows", .integer(rows)),
            ("columns", .integer(columns)),
            ("block_elements", .integer(type.blockElements)),
            ("block_bytes", .integer(type.blockBytes)),
            ("blocks", .integer(rows * columns / type.blockElements)),
            ("bytes", .integer(blocks.count)),
            ("importance", .bool(importanceGiven && type.usesImportance)),
            ("metrics", metrics.json),
        ]).rendered()
    }
}
