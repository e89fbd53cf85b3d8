import SoftFloat

extension QuantizedMatrix {
    /// Reads the document `quantize --json` writes: `scheme`, `convention`, `compute`,
    /// `granularity`, `shape`, `q`, `scale`, `scale_format`, and when present `bits`,
    /// `unsigned`, `zero_point`, `tensor_scale`, `scale_rounding`; the other members
    /// (`dequantized`, `metrics`, `packed`, …) are ignored. Every number is rounded once into
    /// its format, nearest-even (the writer prints each so that it lands on its code: exactly
    /// for formats of fewer than 32 bits, shortest round-trip for float32/float64); an element
    /// of `q` must be a value of its format exactly. So ``dequantized()`` reproduces the
    /// document's `"dequantized"` bit for bit.
    ///
    ///     // {"scheme": "fp8-e4m3", "convention": "deepseek", "compute": "float32",
    ///     //  "granularity": "block:1x128", "shape": [1, 3], "q": [[128.0, -256.0, 448.0]],
    ///     //  "scale": [0.0078125], "scale_format": "float32", …}
    ///     try QuantizedMatrix(json: bytes, location: "q.json").dequantized()   // [[1, -2, 3.5]]
    ///
    /// - Parameter location: the file name used in error messages.
    /// - Throws: ``MatrixInputError`` (`corrupt`) naming the member at fault.
    public init(json bytes: [UInt8], location: String) throws(MatrixInputError) {
        func corrupt(_ message: String) -> MatrixInputError { MatrixInputError(.corrupt, location: location, message) }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw corrupt("not JSON (\(error)); expected the document `quantize --json` writes")
        }
        guard let members = document.members else { throw corrupt("expected a JSON object (the document `quantize --json` writes)") }
        func member(_ key: String) throws(MatrixInputError) -> JSONValue {
            guard let value = members[key] else { throw corrupt("no \"\(key)\" member; expected the document `quantize --json` writes") }
            return value
        }
        func text(_ key: String) throws(MatrixInputError) -> String {
            guard case .string(let value) = try member(key) else { throw corrupt("\"\(key)\" must be a string") }
            return value
        }
        func integer(_ value: JSONValue, _ what: String) throws(MatrixInputError) -> Int64 {
            guard case .number(let digits) = value, let integer = Int64(digits) else { throw corrupt("\(what) must be an integer") }
            return integer
        }
        func array(_ value: JSONValue, _ what: String) throws(MatrixInputError) -> [JSONValue] {
            guard case .array(let elements) = value else { throw corrupt("\(what) must be an array") }
            return elements
        }
        func format(_ key: String) throws(MatrixInputError) -> FloatFormat {
            let name = try text(key)
            guard let format = try? FloatFormat.named(name) else { throw corrupt("\"\(key)\": unknown format '\(name)'") }
            return format
        }
        /// One number (or null for NaN, "inf"/"-inf", and "nan" as documents before 3 December wrote it) rounded into `format`, nearest-even: the shortest
        /// round-trip decimal of a float32 scale lands on its code; an element code (`exact`)
        /// must be a value of its format exactly (they are printed exactly).
        func code(_ value: JSONValue, _ format: FloatFormat, _ what: String, exact: Bool = false) throws(MatrixInputError) -> UInt64 {
            let literal: String
            switch value {
            case .number(let digits): literal = digits
            case .null: literal = "nan"
            case .string(let word) where ["nan", "inf", "-inf"].contains(word): literal = word
            default: throw corrupt("\(what) must be a number")
            }
            guard let rounded = try? format.round(literal), !rounded.flags.contains(.overflow),
                  format.isNaN(rounded.bits) || !exact || !rounded.flags.contains(.inexact) else {
                throw corrupt("\(what) = \(literal) is not a value of \(format.name)")
            }
            return rounded.bits
        }

        let schemeName = try text("scheme")
        guard let scheme = QuantizationScheme(name: schemeName) else { throw corrupt("\"scheme\": unknown scheme '\(schemeName)'") }
        let conventionName = try text("convention")
        guard let convention = QuantizationConvention(rawValue: conventionName) else {
            throw corrupt("\"convention\": unknown convention '\(conventionName)'")
        }
        let granularityName = try text("granularity")
        guard let granularity = Granularity(parsing: granularityName) else { throw corrupt("\"granularity\": cannot read '\(granularityName)'") }
        var configuration = QuantizationConfiguration(scheme: scheme, compute: try format("compute"), convention: convention)
        if let bits = members["bits"] { configuration.bits = Int(try integer(bits, "\"bits\"")) }
        if case .bool(let unsigned) = members["unsigned"] { configuration.isUnsigned = unsigned }
        if case .string(let rule) = members["scale_rounding"] {
            guard let rounding = MXScaleRounding(rawValue: rule) else { throw corrupt("\"scale_rounding\": unknown rule '\(rule)'") }
            configuration.scaleRounding = rounding
        }
        configuration.doubleQuantization = members["double_quantization"] != nil
        let scaleFormat = try format("scale_format")
        if case .scaledFloat = scheme, scaleFormat == .float8_e8m0fnu { configuration.blockScaleFormat = .ue8m0 }
        var tensorScale: UInt64? = nil
        if let value = members["tensor_scale"] { tensorScale = try code(value, .float32, "\"tensor_scale\"") }
        if scheme == .nvfp4 { configuration.tensorScale = tensorScale != nil }
        configuration.granularity = granularity

        let shape = try array(try member("shape"), "\"shape\"")
        guard shape.count == 2 else { throw corrupt("\"shape\" must be [rows, columns]") }
        let rows = Int(try integer(shape[0], "\"shape\"[0]"))
        let columns = Int(try integer(shape[1], "\"shape\"[1]"))
        guard rows > 0, columns > 0 else { throw corrupt("\"shape\" must be positive, got [\(rows), \(columns)]") }

        var stored = QuantizedMatrix(configuration: configuration, granularity: granularity, rows: rows, columns: columns,
                                     quantized: [], scales: [], tensorScale: tensorScale)
        guard stored.scaleFormat == scaleFormat else {
            throw corrupt("\"scale_format\" is \(scaleFormat.name), but \(scheme) with the \(convention) convention stores \(stored.scaleFormat.name) scales")
        }
        let qRows = try array(try member("q"), "\"q\"")
        guard qRows.count == rows else { throw corrupt("\"q\" has \(qRows.count) rows, \"shape\" says \(rows)") }
        let elementKind = stored.elementKind
        var cache: [String: Int64] = [:]
        var quantized: [Int64] = []
        quantized.reserveCapacity(rows * columns)
        for (row, value) in qRows.enumerated() {
            let elements = try array(value, "\"q\"[\(row)]")
            guard elements.count == columns else { throw corrupt("\"q\"[\(row)] has \(elements.count) elements, \"shape\" says \(columns)") }
            for (column, element) in elements.enumerated() {
                if case .float(let format) = elementKind {
                    guard case .number(let digits) = element else { throw corrupt("\"q\"[\(row)][\(column)] must be a number") }
                    if let known = cache[digits] {
                        quantized.append(known)
                    } else {
                        let bits = Int64(bitPattern: try code(element, format, "\"q\"[\(row)][\(column)]", exact: true))
                        cache[digits] = bits
                        quantized.append(bits)
                    }
                } else {
                    quantized.append(try integer(element, "\"q\"[\(row)][\(column)]"))
                }
            }
        }
        stored.quantized = quantized
        var scales: [UInt64] = []
        for (index, value) in try array(try member("scale"), "\"scale\"").enumerated() {
            scales.append(try code(value, scaleFormat, "\"scale\"[\(index)]"))
        }
        stored.scales = scales
        if let value = members["zero_point"] {
            var zeroPoints: [Int64] = []
            for (index, element) in try array(value, "\"zero_point\"").enumerated() {
                zeroPoints.append(try integer(element, "\"zero_point\"[\(index)]"))
            }
            stored.zeroPoints = zeroPoints
        }
        self = stored
    }
}
