import SoftFloat

/// Reads a `.npy` file (format versions 1.0, 2.0 and 3.0): little-endian float16, float32 or
/// float64 in C order; integers int8, int16, int32, uint8, uint16 and uint32 (as their exact
/// values); ml_dtypes' arrays (bfloat16, float8_*, float6_*, float4_*: numpy sees them as the
/// void dtypes `<V2` and `<V1`) as codes of a format the caller names (`--input-format`); and,
/// for callers that ask for raw codes (`mma --codes`), uint8 and uint16 as codes. Writes
/// float16/float32/float64 `.npy` files (version 1.0).
///
///     // np.save("w.npy", x.astype(ml_dtypes.bfloat16)) → descr '<V2'
///     NumpyFile.read(bytes, name: "w.npy", codesOf: .bfloat16)   // a bfloat16 matrix
///     // np.save("q.npy", np.array([-128, 127], np.int8)) → descr '|i1'
///     NumpyFile.read(bytes, name: "q.npy")                       // float64 −128, 127
///
/// Layout: the magic `\x93NUMPY`, two version bytes, a little-endian header length (2 bytes
/// in version 1, 4 in versions 2 and 3), then a Python dict literal such as
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }` padded with spaces, then the
/// raw data. Shapes map to matrices as: `()` → 1 × 1, `(n,)` → 1 × n, `(r, c)` → r × c, and
/// more dimensions → (product of all but the last) × last.
enum NumpyFile {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

    /// With `rawCodes`, uint8 and uint16 arrays are accepted too: their elements are codes,
    /// returned in a `Matrix` whose format (float8_e5m2, float16) only stands for the width.
    /// With `codesOf`, one- and two-byte void, uint8 and uint16 arrays hold codes of that format
    /// (a code outside the format's bits is an error naming its index).
    static func read(_ bytes: [UInt8], name: String, rawCodes: Bool = false, codesOf: FloatFormat? = nil) throws(MatrixInputError) -> (Matrix, [Int]) {
        func corrupt(_ message: String) -> MatrixInputError { MatrixInputError(.corrupt, location: name, message) }
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw MatrixInputError(bytes.count < 10 ? .truncated : .corrupt, location: name, "not a .npy file: it must start with \\x93NUMPY and a version")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw MatrixInputError(.truncated, location: name, "truncated .npy header length") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw corrupt("unsupported .npy format version \(major).\(bytes[7]) (1.0, 2.0 and 3.0 are read)")
        }
        guard headerStart + headerLength <= bytes.count else {
            throw MatrixInputError(.truncated, location: name, "truncated .npy header: it declares \(headerLength) bytes but only \(bytes.count - headerStart) follow")
        }
        let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        guard let descr = stringValue(of: "descr", in: header) else { throw corrupt("the header has no 'descr' entry: \(header.trimmed)") }
        guard let fortran = literalValue(of: "fortran_order", in: header) else { throw corrupt("the header has no 'fortran_order' entry") }
        guard let shapeText = tupleValue(of: "shape", in: header) else { throw corrupt("the header has no 'shape' tuple") }
        var shape: [Int] = []
        for part in shapeText.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: " \t\n")
            if trimmed.isEmpty { continue }
            guard let dimension = Int(trimmed), dimension >= 0 else { throw corrupt("bad dimension '\(trimmed)' in shape (\(shapeText))") }
            shape.append(dimension)
        }
        guard fortran == "False" else {
            throw MatrixInputError(.unsupportedLayout, location: name, "Fortran-ordered arrays are not supported; save a C-ordered copy (np.ascontiguousarray)")
        }
        let format: FloatFormat
        let width: Int
        /// Integer dtypes: signed?, read as their exact values in float64.
        var integer: Bool? = nil
        let codeWidth: Int? = switch descr {
        case "|V1", "<V1", "|u1", "<u1": 1
        case "|V2", "<V2", "<u2": 2
        default: nil
        }
        if let codesOf, let codeWidth {
            guard codesOf.bitWidth <= 8 * codeWidth, codesOf.bitWidth > 8 * (codeWidth - 1) else {
                throw MatrixInputError(.unsupportedDtype, location: name, "'\(descr)' holds \(8 * codeWidth)-bit codes, but --input-format \(codesOf.name) has \(codesOf.bitWidth)-bit codes")
            }
            (format, width) = (codesOf, codeWidth)
        } else {
            switch descr {
            case "<f2": (format, width) = (.float16, 2)
            case "<f4": (format, width) = (.float32, 4)
            case "<f8": (format, width) = (.float64, 8)
            case "|u1" where rawCodes, "<u1" where rawCodes: (format, width) = (.float8_e5m2, 1)
            case "<u2" where rawCodes: (format, width) = (.float16, 2)
            case "|i1", "<i1": (format, width, integer) = (.float64, 1, true)
            case "<i2": (format, width, integer) = (.float64, 2, true)
            case "<i4": (format, width, integer) = (.float64, 4, true)
            case "|u1", "<u1": (format, width, integer) = (.float64, 1, false)
            case "<u2": (format, width, integer) = (.float64, 2, false)
            case "<u4": (format, width, integer) = (.float64, 4, false)
            case "|V1", "<V1", "|V2", "<V2":
                throw MatrixInputError(.unsupportedDtype, location: name, "'\(descr)' is raw \(descr.hasSuffix("1") ? 8 : 16)-bit codes (how numpy saves ml_dtypes' \(descr.hasSuffix("1") ? "float8/float6/float4" : "bfloat16") arrays): name their format with --input-format (e.g. \(descr.hasSuffix("1") ? "float8_e4m3fn" : "bfloat16"))")
            default:
                let reason = descr.hasPrefix(">") ? "big-endian data is not supported" : "unsupported dtype"
                let supported = rawCodes ? "'|u1' (uint8 codes), '<u2' (uint16 codes)"
                    : "'<f2' (float16), '<f4' (float32), '<f8' (float64), '|i1' '<i2' '<i4' '|u1' '<u2' '<u4' (integers), '<V2' '<V1' (ml_dtypes, with --input-format)"
                throw MatrixInputError(.unsupportedDtype, location: name, "\(reason) '\(descr)'; supported: \(supported)")
            }
        }
        let (rows, columns) = try BinaryTensor.matrixShape(shape, name: name)
        let dataStart = headerStart + headerLength
        let expected = rows * columns * width
        let available = bytes.count - dataStart
        guard available >= expected else {
            throw MatrixInputError(.truncated, location: name, "truncated data: shape \(shape) of \(descr) needs \(expected) bytes, the file has \(available)")
        }
        guard available == expected else {
            throw corrupt("\(available - expected) unexpected bytes after the \(expected) bytes of data for shape \(shape)")
        }
        var codes = BinaryTensor.littleEndianCodes(bytes, from: dataStart, count: rows * columns, width: width)
        if let signed = integer {
            // Exact: every 32-bit integer is a float64.
            let bits = 8 * width
            for index in codes.indices {
                let raw = codes[index]
                let value = signed && raw >> UInt64(bits - 1) != 0 ? Double(Int64(raw) - (Int64(1) << Int64(bits))) : Double(raw)
                codes[index] = value.bitPattern
            }
        } else if codesOf != nil, let index = codes.firstIndex(where: { $0 & ~format.codeMask != 0 }) {
            throw corrupt("element \(index) holds 0x\(String(codes[index], radix: 16)), not a \(format.bitWidth)-bit code of \(format.name)")
        }
        return (try! Matrix(rows: rows, columns: columns, format: format, codes: codes), shape)
    }

    /// A version 1.0 `.npy` file holding `codes` (little-endian, `width` bytes each) as a
    /// `rows × columns` array of dtype `descr`; the header is padded so the data starts at a
    /// multiple of 64 bytes.
    ///
    ///     NumpyFile.encode(codes: [0x3c00], rows: 1, columns: 1, descr: "<f2", width: 2)
    ///     // \x93NUMPY 01 00 76 00 {'descr': '<f2', 'fortran_order': False, 'shape': (1, 1), } … \n 00 3c
    static func encode(codes: [UInt64], rows: Int, columns: Int, descr: String, width: Int) -> [UInt8] {
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        let unpadded = magic.count + 4 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = magic + [1, 0, UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)] + Array(header.utf8)
        bytes.reserveCapacity(bytes.count + codes.count * width)
        for code in codes {
            for byte in 0..<width { bytes.append(UInt8(truncatingIfNeeded: code >> UInt64(8 * byte))) }
        }
        return bytes
    }

    /// The quoted value after `'key':`.
    static func stringValue(of key: String, in header: String) -> String? {
        guard let rest = valueText(of: key, in: header), let quote = rest.first, quote == "'" || quote == "\"" else { return nil }
        let body = rest.dropFirst()
        guard let end = body.firstIndex(of: quote) else { return nil }
        return String(body[..<end])
    }

    /// A bare literal (True/False) after `'key':`.
    static func literalValue(of key: String, in header: String) -> String? {
        guard let rest = valueText(of: key, in: header) else { return nil }
        return String(rest.prefix { $0.isLetter })
    }

    /// The inside of the parenthesized tuple after `'key':`.
    static func tupleValue(of key: String, in header: String) -> String? {
        guard let rest = valueText(of: key, in: header), rest.first == "(", let end = rest.firstIndex(of: ")") else { return nil }
        return String(rest[rest.index(after: rest.startIndex)..<end])
    }

    static func valueText(of key: String, in header: String) -> Substring? {
        for quote in ["'", "\""] {
            if let range = header.range(of: quote + key + quote) {
                var rest = header[range.upperBound...].drop { $0 == " " }
                guard rest.first == ":" else { return nil }
                rest = rest.dropFirst().drop { $0 == " " }
                return rest
            }
        }
        return nil
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: " \t\n") }

    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
