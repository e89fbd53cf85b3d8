import Foundation
import SoftFloat

/// Reads a matrix from text, `.npy` or `.safetensors`, cast to a chosen format.
///
///     // "1.2 -0.5\n3 4\n" → 2 × 2, each number rounded once to float32
///     let source = try MatrixReader.read(text: "1.2 -0.5\n3 4\n", name: "<stdin>", format: .float32)
///
/// The input is cast to `format` (the compute format) the way torch's `tensor(…, dtype=)` and
/// `.to(dtype)` do: text is rounded once from its exact decimal value; binary values are
/// converted from their stored dtype with one nearest-even rounding. A finite value that
/// overflows `format` is an error naming its position; NaN and ±∞ are read as such.
public enum MatrixReader {
    /// Reads `path`, or standard input when `path` is nil. `.npy` files are recognized by
    /// their magic bytes or extension, `.safetensors` by extension; anything else is text.
    /// `codesOf` names the format of a `.npy` file of raw codes (ml_dtypes' `<V2`/`<V1` arrays,
    /// or uint8/uint16 codes); other inputs ignore it.
    public static func read(path: String?, tensor: String? = nil, format: FloatFormat, codesOf: FloatFormat? = nil) throws(MatrixInputError) -> MatrixSource {
        guard let path else {
            var data = Data()
            while let line = readLine(strippingNewline: false) { data.append(contentsOf: Array(line.utf8)) }
            return try read(text: String(decoding: data, as: UTF8.self), name: "<stdin>", format: format)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw MatrixInputError(.unreadable, location: path, exists ? "cannot read the file" : "no such file")
        }
        return try read(bytes: [UInt8](data), name: path, tensor: tensor, format: format, codesOf: codesOf)
    }

    /// Reads bytes, choosing the reader by magic bytes and the name's extension.
    public static func read(bytes: [UInt8], name: String, tensor: String? = nil, format: FloatFormat, codesOf: FloatFormat? = nil) throws(MatrixInputError) -> MatrixSource {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".safetensors") {
            let (matrix, chosen) = try SafetensorsFile.read(bytes, name: name, tensor: tensor)
            return MatrixSource(matrix: try cast(matrix, to: format, location: "\(name): tensor '\(chosen)'"), name: name, tensor: chosen)
        }
        if tensor != nil {
            throw MatrixInputError(.unsupportedLayout, location: name, "--tensor applies to .safetensors files only")
        }
        if lowered.hasSuffix(".npy") || bytes.starts(with: NumpyFile.magic) {
            let (matrix, _) = try NumpyFile.read(bytes, name: name, codesOf: codesOf)
            return MatrixSource(matrix: try cast(matrix, to: format, location: name), name: name)
        }
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
            throw MatrixInputError(.invalidNumber, location: name, "the file is neither UTF-8 text, .npy nor .safetensors")
        }
        return try read(text: text, name: name, format: format)
    }

    /// Reads a `.npy` file of raw codes (uint8 or uint16) without converting them: the codes,
    /// the shape as rows × columns, and the byte width of each code.
    public static func readCodes(path: String) throws(MatrixInputError) -> (codes: [UInt64], rows: Int, columns: Int, width: Int) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw MatrixInputError(.unreadable, location: path, exists ? "cannot read the file" : "no such file")
        }
        let (matrix, _) = try NumpyFile.read([UInt8](data), name: path, rawCodes: true)
        return (matrix.codes, matrix.rows, matrix.columns, (matrix.format.bitWidth + 7) / 8)
    }

    /// The bytes of a `.npy` file holding `codes` of `format` (float16, float32 or float64) as a
    /// rows × columns array.
    public static func npyBytes(codes: [UInt64], rows: Int, columns: Int, format: FloatFormat) -> [UInt8] {
        let descr: String
        switch format {
        case .float16: descr = "<f2"
        case .float32: descr = "<f4"
        default: precondition(format == .float64, "only float16, float32 and float64 .npy files are written"); descr = "<f8"
        }
        return NumpyFile.encode(codes: codes, rows: rows, columns: columns, descr: descr, width: format.bitWidth / 8)
    }

    /// Parses text: one row per line, numbers separated by blanks or commas.
    public static func read(text: String, name: String, format: FloatFormat) throws(MatrixInputError) -> MatrixSource {
        let (matrix, positions) = try TextMatrixParser(sourceName: name, format: format).parse(text)
        return MatrixSource(matrix: matrix, name: name, positions: positions)
    }

    static func cast(_ matrix: Matrix, to format: FloatFormat, location: String) throws(MatrixInputError) -> Matrix {
        do {
            return try matrix.castKeepingNonFinite(to: format)
        } catch {
            if case .nonFiniteInput(let row, let column, let value, let reason) = error {
                throw MatrixInputError(.overflow, location: "\(location) element [\(row), \(column)]", "\(value) \(reason)")
            }
            throw MatrixInputError(.corrupt, location: location, error.description)
        }
    }
}
