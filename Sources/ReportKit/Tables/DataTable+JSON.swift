extension DataTable {
    /// The table as a JSON array with one object per row, members in column order. An empty
    /// cell is left out; a cell that is a JSON number (`65504.0`, `-0.0`, `1e-15`) is written
    /// as one, unless its column is in `textColumns`; everything else is a string (`inf`,
    /// `nan`, `0x7c00`, names).
    ///
    ///     DataTable(header: ["name", "max", "inf"], rows: [["float16", "65504.0", "0x7c00"]]).json()
    ///     // [
    ///     //   {"name": "float16", "max": 65504.0, "inf": "0x7c00"}
    ///     // ]
    public func json(textColumns: Set<String> = []) -> String {
        let objects = rows.map { row in
            let members = zip(header, row).compactMap { name, cell -> String? in
                guard !cell.isEmpty else { return nil }
                let value = !textColumns.contains(name) && JSONText.isNumber(cell) ? cell : JSONText.string(cell)
                return JSONText.string(name) + ": " + value
            }
            return "  {" + members.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
