import SoftFloat

/// A TOML table of a spec, with typed accessors whose errors name the file, the full key
/// path and the line.
///
///     let counts = try parameters.integers("counts", default: [100, 1000], range: 1...16_777_216)
///     // a string there → "Experiments/accumulation.toml:9: key 'parameters.counts': expected an array of integers, got a string"
public struct SpecTable: Sendable, Hashable {
    /// The spec file, as displayed in messages.
    public var file: String
    /// The dotted path of this table (`parameters`), empty for the root.
    public var path: String
    /// Line of the table header or key, nil if unknown.
    public var line: Int?
    /// Entries in source order.
    public var entries: [SpecEntry]

    public init(file: String, path: String, line: Int?, entries: [SpecEntry]) {
        self.file = file
        self.path = path
        self.line = line
        self.entries = entries
    }

    /// The full dotted path of a key in this table.
    public func keyPath(_ key: String) -> String {
        let quoted = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } ? key : "\"\(key)\""
        return path.isEmpty ? quoted : path + "." + quoted
    }

    public func entry(_ key: String) -> SpecEntry? { entries.first { $0.key == key } }
    public subscript(key: String) -> SpecValue? { entry(key)?.value }
    public var keys: [String] { entries.map(\.key) }

    /// An error about `key` (or about the table itself when `key` is nil), located at the
    /// key's line, or the table's when the key is absent.
    public func error(_ key: String?, _ message: String) -> SpecError {
        guard let key else { return SpecError(file: file, key: path.isEmpty ? nil : path, line: line, message: message) }
        return SpecError(file: file, key: keyPath(key), line: entry(key)?.line ?? line, message: message)
    }

    /// The key a value is written under: `name`, or `alias` (an older spelling users already
    /// type, kept working); both at once is an error.
    ///
    ///     try parameters.key("case_formats", alias: "seed_formats")   // "seed_formats" in older specs
    public func key(_ name: String, alias: String) throws(SpecError) -> String {
        guard entry(alias) != nil else { return name }
        guard entry(name) == nil else { throw error(alias, "'\(alias)' is an alias of '\(name)'; write only one of them") }
        return alias
    }

    /// Rejects keys not in `allowed` (typos would otherwise be silently ignored).
    public func requireOnly(_ allowed: [String]) throws(SpecError) {
        for entry in entries where !allowed.contains(entry.key) {
            throw error(entry.key, "unknown key; expected one of: \(allowed.joined(separator: ", "))")
        }
    }

    // MARK: Scalars

    public func string(_ key: String, default fallback: String? = nil) throws(SpecError) -> String {
        guard let value = self[key] else {
            if let fallback { return fallback }
            throw error(key, "missing; expected a string")
        }
        guard case .string(let text) = value else { throw error(key, "expected a string, got \(value.typeDescription)") }
        return text
    }

    public func integer(_ key: String, default fallback: Int? = nil, range: ClosedRange<Int>? = nil) throws(SpecError) -> Int {
        guard let value = self[key] else {
            if let fallback { return fallback }
            throw error(key, "missing; expected an integer")
        }
        guard case .integer(let number) = value else { throw error(key, "expected an integer, got \(value.typeDescription)") }
        if let range, !range.contains(number) {
            throw error(key, "\(number) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    /// An unsigned 64-bit seed: a non-negative TOML integer (TOML integers are signed 64-bit).
    public func seed(_ key: String, default fallback: UInt64? = nil) throws(SpecError) -> UInt64 {
        UInt64(try integer(key, default: fallback.map { Int($0) }, range: 0...Int.max))
    }

    public func table(_ key: String) throws(SpecError) -> SpecTable? {
        guard let value = self[key] else { return nil }
        guard case .table(let table) = value else { throw error(key, "expected a table, got \(value.typeDescription)") }
        return table
    }

    // MARK: Arrays

    public func strings(_ key: String, default fallback: [String]? = nil) throws(SpecError) -> [String] {
        guard let value = self[key] else {
            if let fallback { return fallback }
            throw error(key, "missing; expected an array of strings")
        }
        guard case .array(let items) = value else { throw error(key, "expected an array of strings, got \(value.typeDescription)") }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw error(key, "element \(index) is \(item.typeDescription); expected an array of strings")
            }
            result.append(text)
        }
        guard !result.isEmpty else { throw error(key, "must not be empty") }
        return result
    }

    public func integers(_ key: String, default fallback: [Int]? = nil, range: ClosedRange<Int>? = nil) throws(SpecError) -> [Int] {
        guard let value = self[key] else {
            if let fallback { return fallback }
            throw error(key, "missing; expected an array of integers")
        }
        guard case .array(let items) = value else { throw error(key, "expected an array of integers, got \(value.typeDescription)") }
        var result: [Int] = []
        for (index, item) in items.enumerated() {
            guard case .integer(let number) = item else {
                throw error(key, "element \(index) is \(item.typeDescription); expected an array of integers")
            }
            if let range, !range.contains(number) {
                throw error(key, "element \(index) = \(number) is out of range \(range.lowerBound)...\(range.upperBound)")
            }
            result.append(number)
        }
        guard !result.isEmpty else { throw error(key, "must not be empty") }
        return result
    }

    // MARK: Domain values

    /// Floating-point formats: the string `"all"` (every built-in format) or an array of
    /// names accepted by `FloatFormat.named` (`float16`, `bf16`, `e4m3fn`, `e5m2:bias=16`).
    public func formats(_ key: String, default fallback: [FloatFormat]? = nil) throws(SpecError) -> [FloatFormat] {
        if case .string("all")? = self[key] { return FloatFormat.builtIn }
        if self[key] == nil, let fallback { return fallback }
        let names = try strings(key)
        var formats: [FloatFormat] = []
        for (index, name) in names.enumerated() {
            do {
                formats.append(try FloatFormat.named(name))
            } catch {
                throw self.error(key, "element \(index): \(error)")
            }
        }
        return formats
    }

    /// Rounding modes: `"all"` or an array of names (`nearest-even`, `toward-zero`, …).
    public func roundingModes(_ key: String, default fallback: [RoundingMode]? = nil) throws(SpecError) -> [RoundingMode] {
        if case .string("all")? = self[key] { return RoundingMode.allCases }
        if self[key] == nil, let fallback { return fallback }
        let names = try strings(key)
        var modes: [RoundingMode] = []
        for (index, name) in names.enumerated() {
            guard let mode = RoundingMode(rawValue: name) else {
                throw error(key, "element \(index): unknown rounding mode '\(name)'; expected one of: \(RoundingMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            modes.append(mode)
        }
        return modes
    }

    /// Integer types: `"all"` or an array of names (`int8`, `uint4`, …).
    public func integerFormats(_ key: String, default fallback: [IntegerFormat]? = nil) throws(SpecError) -> [IntegerFormat] {
        if case .string("all")? = self[key] { return IntegerFormat.builtIn }
        if self[key] == nil, let fallback { return fallback }
        let names = try strings(key)
        var result: [IntegerFormat] = []
        for (index, name) in names.enumerated() {
            guard let type = IntegerFormat.builtIn.first(where: { $0.name == name }) else {
                throw error(key, "element \(index): unknown integer type '\(name)'; expected one of: \(IntegerFormat.builtIn.map(\.name).joined(separator: ", "))")
            }
            result.append(type)
        }
        return result
    }

    /// Exact numbers written as text (`"1/3"`, `"0.1"`, `"1e-5"`), each parsed once, here, with
    /// the engine's parser.
    public func numbers(_ key: String, default fallback: [String]? = nil) throws(SpecError) -> [SpecNumber] {
        var numbers: [SpecNumber] = []
        for (index, text) in try strings(key, default: fallback).enumerated() {
            do {
                numbers.append(try SpecNumber(text))
            } catch {
                throw self.error(key, "element \(index): \(error)")
            }
        }
        return numbers
    }
}
