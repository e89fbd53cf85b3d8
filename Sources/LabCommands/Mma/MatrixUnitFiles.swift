import Foundation
import MatrixUnits
import Quantization
import SoftFloat

/// Matrix mode of `precision-lab mma`: reads A, B (and C) .npy files, converts them to the unit's formats,
/// runs ``UnitMatrixProduct`` and writes D — all or nothing (D is written only at the end).
public enum MatrixUnitFiles {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Returns a note for standard error (how many inputs were inexact), or "".
    public static func run(unit: MatrixUnit, a aPath: String, b bPath: String, c cPath: String?, promoteEvery: Int?,
                    codes: Bool, output: String) throws -> String {
        var inexact = 0
        func load(_ path: String, format: FloatFormat, role: String) throws -> (codes: [UInt64], rows: Int, columns: Int) {
            if codes {
                let read = try MatrixReader.readCodes(path: path)
                guard read.width * 8 >= format.bitWidth, read.width * 8 < format.bitWidth + 8 else {
                    throw Failure(description: "\(path): \(role) holds \(read.width * 8)-bit codes, but \(unit.name) reads \(format.name) (\(format.bitWidth) bits)")
                }
                if let bad = read.codes.firstIndex(where: { $0 & ~format.codeMask != 0 }) {
                    throw Failure(description: "\(path) element \(bad): 0x\(String(read.codes[bad], radix: 16)) is not a \(format.name) code")
                }
                return (read.codes, read.rows, read.columns)
            }
            let matrix = try MatrixReader.read(path: path, format: .float64).matrix
            var converted = [UInt64](repeating: 0, count: matrix.codes.count)
            for (index, code) in matrix.codes.enumerated() {
                let rounded = FloatFormat.float64.convert(code, to: format)
                if rounded.flags.contains(.inexact) { inexact += 1 }
                converted[index] = rounded.bits
            }
            return (converted, matrix.rows, matrix.columns)
        }
        let a = try load(aPath, format: unit.a, role: "A")
        let b = try load(bPath, format: unit.b, role: "B")
        guard a.columns == b.rows else {
            throw Failure(description: "A is \(a.rows)×\(a.columns) and B is \(b.rows)×\(b.columns): A's columns must equal B's rows")
        }
        var c: [UInt64]? = nil
        if let cPath {
            let loaded = try load(cPath, format: unit.c, role: "C")
            guard loaded.rows == a.rows && loaded.columns == b.columns else {
                throw Failure(description: "C is \(loaded.rows)×\(loaded.columns), expected \(a.rows)×\(b.columns)")
            }
            c = loaded.codes
        }
        let product = try UnitMatrixProduct(unit: unit, m: a.rows, n: b.columns, k: a.columns, promoteEvery: promoteEvery)
        let d = product.multiply(a: a.codes, b: b.codes, c: c)
        let bytes = MatrixReader.npyBytes(codes: d, rows: a.rows, columns: b.columns, format: unit.d)
        do {
            try AtomicFileWriter.write(Data(bytes), to: output)
        } catch {
            throw Failure(description: "\(output): cannot write (\(error.reason.isEmpty ? "does its folder exist and is it writable?" : error.reason))")
        }
        return inexact == 0 ? "" : "\(inexact) input value\(inexact == 1 ? " was" : "s were") inexact in the unit's formats (rounded to nearest-even)"
    }
}
