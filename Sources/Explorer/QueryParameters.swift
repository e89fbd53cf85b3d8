/// The query of one API request, already percent-decoded, in order: `format` may repeat.
/// Independent of the HTTP stack, so the API can be called (and tested) without a server.
///
///     let query = QueryParameters([("value", "0.1"), ("format", "float16"), ("format", "bf16")])
///     try query.one("value")   // "0.1"
///     query.all("format")      // ["float16", "bf16"]
public struct QueryParameters: Sendable, Hashable {
    /// Longest accepted parameter value, in bytes: a decimal of 1,000 digits is still a number,
    /// a longer one is a mistake (or an attack on the exact arithmetic).
    public static let maxValueLength = 1000
    /// Most `format` parameters in one request.
    public static let maxFormats = 32

    public var pairs: [(name: String, value: String)]

    public init(_ pairs: [(String, String)]) {
        self.pairs = pairs.map { (name: $0.0, value: $0.1) }
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }

    /// Every value of `name`, in order.
    public func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The one value of `name`, or nil when absent.
    ///
    /// - Throws: ``APIError`` when it is given twice, empty, or longer than ``maxValueLength``.
    public func optional(_ name: String) throws(APIError) -> String? {
        let values = all(name)
        guard let value = values.first else { return nil }
        guard values.count == 1 else { throw APIError(parameter: name, message: "given \(values.count) times; give it once") }
        guard !value.isEmpty else { throw APIError(parameter: name, message: "empty") }
        guard value.utf8.count <= Self.maxValueLength else {
            throw APIError(parameter: name, message: "longer than \(Self.maxValueLength) bytes")
        }
        return value
    }

    /// The one value of `name`.
    ///
    /// - Throws: ``APIError`` when it is missing, or as ``optional(_:)``.
    public func one(_ name: String) throws(APIError) -> String {
        guard let value = try optional(name) else { throw APIError(parameter: name, message: "missing") }
        return value
    }

    /// `name` read as a case of `Choice` by its raw value (`rounding=toward-zero`), or `fallback`.
    public func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, default fallback: Choice
    ) throws(APIError) -> Choice where Choice.RawValue == String {
        guard let text = try optional(name) else { return fallback }
        guard let choice = Choice(rawValue: text) else {
            throw APIError(parameter: name, message: "unknown value '\(text)'; expected one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }
}
