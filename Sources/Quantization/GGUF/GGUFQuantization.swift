import Foundation
import SoftFloat

/// The CLI's GGUF workflow, file to file: `quantize --scheme gguf-T --input X --save-blocks OUT`
/// and `dequantize --scheme gguf-T --blocks IN --shape R,C --output OUT.npy`. Every input is
/// checked before anything is written, and outputs are written atomically, so a refused run
/// leaves no file behind.
public struct GGUFQuantization: Sendable {
    public let type: GGUFType
    public let rows: Int
    public let columns: Int
    /// The ggml block bytes, rows concatenated.
    public let blocks: [UInt8]
    /// The blocks decoded again (`dequantize_row_T`).
    public let dequantized: [Float]
    /// Whether an importance matrix was given (and read: Q8_0, TQ*, MXFP4 and NVFP4 ignore it).
    public let importanceGiven: Bool
    /// The error of `dequantized` against the input, in float64.
    public let metrics: ErrorMetrics

    /// Quantizes a float32 matrix (already read).
    public init(values: [Float], rows: Int, columns: Int, type: GGUFType, importance: [Float]?) throws(GGUFError) {
        self.type = type
        self.rows = rows
        self.columns = columns
        blocks = try GGUFCodec.quantize(values, rows: rows, columns: columns, type: type, importance: importance)
        dequantized = try GGUFCodec.dequantize(blocks, rows: rows, columns: columns, type: type)
        importanceGiven = importance != nil
        metrics = ErrorMetrics(reference: values.map(Double.init), approximation: dequantized.map(Double.init), bitsPerParameter: type.bitsPerParameter)
    }

    /// Reads the matrix (text, .npy or .safetensors, cast to float32) and the importance vector
    /// (any shape with C elements), quantizes, and writes the blocks to `blocksPath` if given.
    public static func run(type: GGUFType, input: String?, tensor: String? = nil, importance: String?, blocksPath: String?) throws(GGUFRunError) -> GGUFQuantization {
        // The same reader as `quantize` and `matmul`: the matrix, then the importance vector.
        var files = [MatrixInputs.File(path: input, tensor: tensor)]
        if let importance { files.append(MatrixInputs.File(path: importance)) }
        let inputs: MatrixInputs
        do {
            inputs = try MatrixInputs(reading: files, format: .float32)
        } catch {
            throw .input(error)
        }
        func float32Values(_ matrix: Matrix) -> [Float] { matrix.codes.map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) } }
        let matrix = inputs.sources[0].matrix
        let values = float32Values(matrix)
        let weights = importance == nil ? nil : float32Values(inputs.sources[1].matrix)
        let result: GGUFQuantization
        do {
            result = try GGUFQuantization(values: values, rows: matrix.rows, columns: matrix.columns, type: type, importance: weights)
        } catch {
            switch error {
            case .importanceLength, .importanceValue: throw .codec(error, file: importance ?? "<imatrix>")
            default: throw .codec(error, file: input ?? "<stdin>")
            }
        }
        if let blocksPath {
            do { try AtomicFileWriter.write(Data(result.blocks), to: blocksPath) } catch { throw .input(MatrixInputError(error, output: blocksPath)) }
        }
        return result
    }

    /// Reads a block file, decodes it as `rows × columns` of `type`, and writes float32 .npy.
    public static func dequantizeFile(type: GGUFType, blocksPath: String, rows: Int, columns: Int, outputPath: String) throws(GGUFRunError) {
        guard let data = FileManager.default.contents(atPath: blocksPath) else {
            let exists = FileManager.default.fileExists(atPath: blocksPath)
            throw .input(MatrixInputError(.unreadable, location: blocksPath, exists ? "cannot read the file" : "no such file"))
        }
        let values: [Float]
        do {
            values = try GGUFCodec.dequantize([UInt8](data), rows: rows, columns: columns, type: type)
        } catch {
            throw .codec(error, file: blocksPath)
        }
        do {
            try AtomicFileWriter.write(Data(NumpyFile.float32File(values, rows: rows, columns: columns)), to: outputPath)
        } catch {
            throw .input(MatrixInputError(error, output: outputPath))
        }
    }
}
