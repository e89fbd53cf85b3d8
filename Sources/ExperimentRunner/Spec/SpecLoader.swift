import Foundation
import TOMLKit

/// Reads spec files: TOML via TOMLKit, converted at once to Sendable ``SpecTable`` values
/// whose keys carry their source lines (found by ``TOMLKeyLocator``).
///
///     let spec = try SpecLoader.load(path: "Experiments/formats.toml")
///     spec.kind        // "formats"
///
/// Every problem is a ``SpecError`` naming the file, the key and the line.
public enum SpecLoader {
    /// Loads one spec file. `displayPath` is how the file is named in messages and reports
    /// (defaults to `path`).
    public static func load(path: String, displayPath: String? = nil) throws(SpecError) -> ExperimentSpec {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecError(file: shown, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: shown, message: "the file is not UTF-8")
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var spec = try parse(text: text, name: name, file: shown)
        spec.folder = (path as NSString).deletingLastPathComponent
        return spec
    }

    /// Parses spec text; `name` is the experiment name, `file` the path shown in messages.
    public static func parse(text: String, name: String, file: String) throws(SpecError) -> ExperimentSpec {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }), !name.isEmpty else {
            throw SpecError(file: file, message: "the file name '\(name)' must use only letters, digits, '-' and '_' (it names the report files)")
        }
        if let (line, scalar, problem) = TOMLCharacterCheck.firstMisplaced(in: text) {
            let code = String(scalar.value, radix: 16, uppercase: true)
            let name = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
            switch problem {
            case .notPrintableASCII:
                throw SpecError(file: file, line: line, message: "TOML syntax error: character \(name) outside a string or comment (TOML allows only printable ASCII there)")
            case .headerKey:
                throw SpecError(file: file, line: line, message: "TOML syntax error: a table header needs a key (a bare key or a quoted one) where it has character \(name)")
            }
        }
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SpecError(file: file, line: error.source.begin.line, message: "TOML syntax error: \(error.description)")
        } catch {
            throw SpecError(file: file, message: "TOML syntax error: \(error)")
        }
        let locator = TOMLKeyLocator(text: text)
        let root = try convert(document, path: [], file: file, locator: locator)
        try root.requireOnly(ExperimentSpec.topLevelKeys)
        let kind = try root.string("kind")
        let title = try root.string("title", default: name)
        let summary = try root.string("summary", default: "")
        let parameters = try root.table("parameters") ?? SpecTable(file: file, path: "parameters", line: nil, entries: [])
        let checks = try root.table("checks") ?? SpecTable(file: file, path: "checks", line: nil, entries: [])
        return ExperimentSpec(name: name, file: file, kind: kind, kindLine: root.entry("kind")?.line, title: title, summary: summary,
                              parameters: parameters, checks: checks, fingerprint: Fingerprint.fnv1a64(Array(text.utf8)))
    }

    private static func convert(_ table: TOMLTable, path: [String], file: String, locator: TOMLKeyLocator) throws(SpecError) -> SpecTable {
        var entries: [SpecEntry] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            let keyPath = path + [key]
            let converted = try convertValue(value, path: keyPath, file: file, locator: locator)
            entries.append(SpecEntry(key: key, value: converted, line: locator.line(for: keyPath)))
        }
        // Source order (TOMLKit's key order is not the file's).
        let ordered = entries.enumerated().sorted { a, b in
            let lineA = a.element.line ?? Int.max, lineB = b.element.line ?? Int.max
            return lineA != lineB ? lineA < lineB : a.offset < b.offset
        }.map(\.element)
        return SpecTable(file: file, path: dotted(path), line: path.isEmpty ? nil : locator.line(for: path), entries: ordered)
    }

    private static func convertValue(_ value: TOMLValueConvertible, path: [String], file: String, locator: TOMLKeyLocator) throws(SpecError) -> SpecValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .table:
            guard let table = value.table else { return .table(SpecTable(file: file, path: dotted(path), line: nil, entries: [])) }
            return .table(try convert(table, path: path, file: file, locator: locator))
        case .array:
            var items: [SpecValue] = []
            if let array = value.array {
                for (index, item) in array.enumerated() {
                    var elementPath = path
                    elementPath[elementPath.count - 1] += "[\(index)]"
                    items.append(try convertValue(item, path: elementPath, file: file, locator: locator))
                }
            }
            return .array(items)
        default:
            throw SpecError(file: file, key: dotted(path), line: locator.line(for: path),
                            message: "dates and times are not used by any experiment; write a string or a number")
        }
    }

    static func dotted(_ path: [String]) -> String {
        path.map { part in
            part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "[" || $0 == "]" } ? part : "\"\(part)\""
        }.joined(separator: ".")
    }
}
