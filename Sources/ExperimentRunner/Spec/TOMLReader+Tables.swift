/// TOML 1.0's rules for what may define or add to a table, and the finished ``SpecTable``.
///
///     [a.b]         # fine: a is implicit, a.b is defined
///     [a]           # fine: defines the implicit a, once
///     c = {d = 1}
///     [a]           # error: table 'a' is already defined
///     [[a.b]]       # error: table 'a.b' is already defined (not an array of tables)
///     [a.c.e]       # error: 'a.c' is an inline table, complete as written
extension TOMLReader {
    /// `[key]`: defines the table, creating missing tables on the way (a new one, or one only
    /// made by an earlier header's prefix). Returns it and its path.
    mutating func defineTable(_ key: [[UInt8]], line: Int) throws(SpecError) -> (Int, [String]) {
        let (parent, parentPath) = try walkHeader(key.dropLast(), line: line)
        let last = key[key.count - 1]
        let path = parentPath + [Self.name(last)]
        guard let position = tables[parent].positions[last] else {
            return (try addTable(last, to: parent, origin: .header, line: line), path)
        }
        let value = tables[parent].values[position]
        guard case .table(let table) = value, tables[table].origin == .implicit else {
            throw failure(conflict(value, path: path, with: "a [table] header"), line: line)
        }
        tables[table].origin = .header
        tables[table].line = line
        tables[parent].lines[position] = line
        return (table, path)
    }

    /// `[[key]]`: a new table at the end of the array of tables (created on the first header).
    mutating func appendTableArrayElement(_ key: [[UInt8]], line: Int) throws(SpecError) -> (Int, [String]) {
        let (parent, parentPath) = try walkHeader(key.dropLast(), line: line)
        let last = key[key.count - 1]
        let depth = tables[parent].depth + 2
        try checkDepth(depth)
        let element = tables.count
        if let position = tables[parent].positions[last] {
            guard case .tableArray(var elements) = tables[parent].values[position] else {
                throw failure(conflict(tables[parent].values[position], path: parentPath + [Self.name(last)], with: "a [[table array]] header"), line: line)
            }
            tables.append(TOMLDraftTable(origin: .header, line: line, depth: depth))
            tables[parent].values[position] = .tableArray([])  // so that the append below does not copy
            elements.append(element)
            tables[parent].values[position] = .tableArray(elements)
            return (element, parentPath + [Self.name(last) + "[\(elements.count - 1)]"])
        }
        tables.append(TOMLDraftTable(origin: .header, line: line, depth: depth))
        tables[parent].add(last, .tableArray([element]), line: line)
        return (element, parentPath + [Self.name(last) + "[0]"])
    }

    /// The table a header's prefix leads to: through tables that are not inline (creating
    /// missing ones as implicit) and into the last element of arrays of tables.
    private mutating func walkHeader(_ parts: ArraySlice<[UInt8]>, line: Int) throws(SpecError) -> (Int, [String]) {
        var table = 0
        var path: [String] = []
        for part in parts {
            let name = Self.name(part)
            guard let position = tables[table].positions[part] else {
                table = try addTable(part, to: table, origin: .implicit, line: line)
                path.append(name)
                continue
            }
            switch tables[table].values[position] {
            case .table(let child) where tables[child].origin != .inline:
                table = child
                path.append(name)
            case .tableArray(let elements) where !elements.isEmpty:
                table = elements[elements.count - 1]
                path.append(name + "[\(elements.count - 1)]")
            case let value:
                throw failure(conflict(value, path: path + [name], with: "a header"), line: line)
            }
        }
        return (table, path)
    }

    /// `key = value` in `table` (path `path`): dotted parts go through (or create) tables made
    /// by dotted keys or only by header prefixes; the last part must be new.
    mutating func insert(_ key: [[UInt8]], _ value: TOMLDraftValue, into section: Int, path: [String], line: Int) throws(SpecError) {
        var table = section
        var path = path
        for part in key.dropLast() {
            path.append(Self.name(part))
            guard let position = tables[table].positions[part] else {
                table = try addTable(part, to: table, origin: .dotted, line: line)
                continue
            }
            let existing = tables[table].values[position]
            guard case .table(let child) = existing, tables[child].origin == .implicit || tables[child].origin == .dotted else {
                throw failure(conflict(existing, path: path, with: "a dotted key"), line: line)
            }
            tables[child].origin = .dotted
            table = child
        }
        let last = key[key.count - 1]
        if let position = tables[table].positions[last] {
            throw failure(conflict(tables[table].values[position], path: path + [Self.name(last)], with: "a key"), line: line)
        }
        tables[table].add(last, value, line: line)
    }

    /// A new empty table under `key` in `parent`.
    private mutating func addTable(_ key: [UInt8], to parent: Int, origin: TOMLDraftTable.Origin, line: Int) throws(SpecError) -> Int {
        let depth = tables[parent].depth + 1
        try checkDepth(depth)
        tables.append(TOMLDraftTable(origin: origin, line: line, depth: depth))
        tables[parent].add(key, .table(tables.count - 1), line: line)
        return tables.count - 1
    }

    /// Why `existing`, at `path`, cannot take what `what` writes there.
    private func conflict(_ existing: TOMLDraftValue, path: [String], with what: String) -> String {
        let name = "'\(Self.dotted(path))'"
        switch existing {
        case .scalar, .array:
            return "\(name) already has a value; \(what) cannot define it again"
        case .tableArray:
            return "\(name) is an array of tables ([[…]]); \(what) cannot define it again"
        case .table(let table):
            switch tables[table].origin {
            case .inline: return "\(name) is an inline table, complete as written; \(what) cannot add to it"
            case .dotted: return "\(name) is a table made by dotted keys; \(what) cannot define it again"
            case .header, .implicit: return "table \(name) is already defined; \(what) cannot define it again or add to it from here"
            }
        }
    }

    // MARK: The finished document

    /// The table at `index` as a ``SpecTable`` (its path with `[i]` on array elements).
    func specTable(_ index: Int, path: [String], line: Int?) -> SpecTable {
        let draft = tables[index]
        var entries: [SpecEntry] = []
        entries.reserveCapacity(draft.keys.count)
        for position in draft.keys.indices {
            let key = draft.keys[position]
            entries.append(SpecEntry(key: key, value: specValue(draft.values[position], path: path + [key]), line: draft.lines[position]))
        }
        return SpecTable(file: file, path: Self.dotted(path), line: line, entries: entries)
    }

    private func specValue(_ value: TOMLDraftValue, path: [String]) -> SpecValue {
        switch value {
        case .scalar(let scalar):
            return scalar
        case .table(let table):
            return .table(specTable(table, path: path, line: tables[table].line))
        case .array(let items):
            return .array(items.enumerated().map { specValue($1, path: Self.element($0, of: path)) })
        case .tableArray(let elements):
            return .array(elements.enumerated().map { .table(specTable($1, path: Self.element($0, of: path), line: tables[$1].line)) })
        }
    }

    /// `path` with `[index]` on its last part: `parameters.cases` → `parameters.cases[2]`.
    private static func element(_ index: Int, of path: [String]) -> [String] {
        var path = path
        if !path.isEmpty { path[path.count - 1] += "[\(index)]" }
        return path
    }
}
