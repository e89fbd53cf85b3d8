/// A table while ``TOMLReader`` reads a document: its keys in source order, with their lines,
/// and how it came to exist, which decides what may still add to it (TOML 1.0's rules).
///
///     [a.b.c]      # a and a.b: .implicit, a.b.c: .header
///     [a]          # a: .implicit → .header (defining an implicit table once is fine)
///     x.y = 1      # a.x: .dotted
///     z = {w = 1}  # a.z: .inline
struct TOMLDraftTable {
    /// How a table came to exist.
    enum Origin {
        /// Only as a prefix of a header (`a` of `[a.b]`): a `[a]` header may still define it,
        /// once, and dotted keys may add to it.
        case implicit
        /// By a `[header]` or a `[[header]]` element (or the root): no other header may define
        /// it, and dotted keys from another table's section may not add to it.
        case header
        /// By a dotted key (`a` of `a.b = 1`): more dotted keys may add to it, `[a]` may not
        /// define it, `[a.c]` may still go through it.
        case dotted
        /// An inline table `{…}`: complete as written.
        case inline
    }

    var origin: Origin
    /// The line of the header, dotted key, inline table or header prefix that made it.
    var line: Int
    /// Tables and arrays from the root down to this table (the root is 0).
    var depth: Int
    var keys: [String] = []
    var values: [TOMLDraftValue] = []
    var lines: [Int] = []
    /// Entry index by the key's UTF-8 bytes (not `String`, whose equality is canonical
    /// equivalence: `"é"` and `"e\u{301}"` are two TOML keys).
    var positions: [[UInt8]: Int] = [:]

    init(origin: Origin, line: Int, depth: Int) {
        self.origin = origin
        self.line = line
        self.depth = depth
    }

    /// Adds `key = value` (the caller has checked that `key` is new).
    mutating func add(_ key: [UInt8], _ value: TOMLDraftValue, line: Int) {
        positions[key] = keys.count
        keys.append(String(decoding: key, as: UTF8.self))
        values.append(value)
        lines.append(line)
    }
}
