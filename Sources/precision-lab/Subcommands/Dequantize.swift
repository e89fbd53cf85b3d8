import ArgumentParser
import Quantization

extension PrecisionLab {
    /// `precision-lab dequantize --scheme gguf-T --blocks IN.bin --shape R,C --output OUT.npy`
    struct Dequantize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode ggml (GGUF) blocks to a float32 .npy, bit for bit as ggml's dequantize_row_T.",
            discussion: """
                IN.bin holds the blocks of an R×C matrix, rows concatenated, no header (what \
                `quantize --scheme gguf-T --save-blocks` and ggml_quantize_chunk write). Its size \
                must be exactly R × C / (block elements) × (block bytes). Types: \
                \(GGUFType.schemeNames.joined(separator: ", ")).
                """)

        @Option(help: ArgumentHelp("The GGUF type: gguf-q4_0 … gguf-iq3_s (case-insensitive).", valueName: "scheme"))
        var scheme: String

        @Option(help: ArgumentHelp("The block file.", valueName: "file"))
        var blocks: String

        @Option(help: ArgumentHelp("Rows and columns of the matrix, R,C.", valueName: "R,C"))
        var shape: String

        @Option(help: ArgumentHelp("The float32 .npy file to write.", valueName: "file"))
        var output: String

        func validate() throws {
            _ = try parsed()
        }

        func parsed() throws -> (GGUFType, Int, Int) {
            let type = try GGUFType(schemeArgument: scheme)
            let parts = shape.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2, let rows = Int(parts[0].filter { $0 != " " }), let columns = Int(parts[1].filter { $0 != " " }), rows > 0, columns > 0 else {
                throw ValidationError("--shape must be R,C with positive integers, got '\(shape)'")
            }
            return (type, rows, columns)
        }

        func run() throws {
            let (type, rows, columns) = try parsed()
            try reportingFailure {
                try GGUFQuantization.dequantizeFile(type: type, blocksPath: blocks, rows: rows, columns: columns, outputPath: output)
            }
        }
    }
}
