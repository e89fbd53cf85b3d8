import Foundation
import SoftFloat

extension QuantizedMatrix {
    /// Reads a `quantize --json` document from `path` (standard input for `-`, or nil),
    /// decodes it (``dequantized()``) and, with `outputPath`, writes the values as a `.npy`:
    /// float32 (`<f4`) when every value converts to float32 exactly (every compute format of
    /// at most 32 bits), float64 (`<f8`) otherwise. The file is written whole or not at all.
    ///
    ///     // quantize --scheme nf4 --json > q.json; dequantize --input q.json --output x.npy
    ///
    /// - Returns: the decoded matrix, in the compute format.
    /// - Throws: ``MatrixCommandFailure`` with the one line to print after `error: `.
    public static func dequantizeFile(jsonPath: String?, outputPath: String?) throws(MatrixCommandFailure) -> Matrix {
        let name = jsonPath.flatMap { $0 == "-" ? nil : $0 } ?? "<stdin>"
        let data: Data?
        if let path = jsonPath, path != "-" {
            data = FileManager.default.contents(atPath: path)
            if data == nil {
                let exists = FileManager.default.fileExists(atPath: path)
                throw MatrixCommandFailure(description: "\(path): \(exists ? "cannot read the file" : "no such file")")
            }
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let matrix: Matrix
        do {
            matrix = try QuantizedMatrix(json: [UInt8](data ?? Data()), location: name).dequantized()
        } catch let error as MatrixInputError {
            throw MatrixCommandFailure(description: error.description)
        } catch {
            throw MatrixCommandFailure(description: "\(name): \(error)")
        }
        if let outputPath {
            do {
                try AtomicFileWriter.write(Data(npyBytes(matrix)), to: outputPath)
            } catch {
                throw MatrixCommandFailure(description: MatrixInputError(error, output: outputPath).description)
            }
        }
        return matrix
    }

    /// The `.npy` bytes of a decoded matrix: float32 when exact, else float64.
    ///
    ///     // float16 1.1904296875 → '<f4' 0x3f985c00
    static func npyBytes(_ matrix: Matrix) -> [UInt8] {
        let exact = matrix.codes.allSatisfy { code in
            matrix.format.isNaN(code) || !matrix.format.convert(code, to: .float32).flags.contains(.inexact)
        }
        let target: FloatFormat = exact && matrix.format.bitWidth <= 32 ? .float32 : .float64
        let codes = matrix.format == target ? matrix.codes : matrix.codes.map { matrix.format.convert($0, to: target).bits }
        return MatrixReader.npyBytes(codes: codes, rows: matrix.rows, columns: matrix.columns, format: target)
    }
}
