import ArgumentParser
import Quantization

extension PrecisionLab {
    /// `precision-lab dequantize --input Q.json [--output OUT.npy] [--full]`, or
    /// `precision-lab dequantize --scheme gguf-T --blocks IN.bin --shape R,C --output OUT.npy`
    struct Dequantize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode stored codes and scales: a `quantize --json` document (every scheme), or ggml (GGUF) blocks.",
            usage: """
                precision-lab dequantize --input <file> [--output <file>] [--full]
                precision-lab dequantize --scheme <scheme> --blocks <file> --shape <R,C> --output <file>
                """,
            discussion: """
                --input Q.json reads the document `quantize --json` writes (`-`: \
                standard input): "scheme", "convention", "compute", "granularity", "shape", "q", \
                "scale", "scale_format", and "bits", "unsigned", "zero_point", "tensor_scale", \
                "scale_rounding" where the scheme has them; other members are ignored. Each code \
                is decoded with the formula `quantize` used, in the compute format, so the result \
                equals the document's "dequantized" bit for bit. With --output the values go to a \
                .npy file (float32, or float64 when the compute format does not fit float32); \
                without it they are printed, one row per line.

                --scheme gguf-T --blocks IN.bin: IN.bin holds the blocks of an R×C matrix, rows \
                concatenated, no header (what `quantize --scheme gguf-T --save-blocks` and \
                ggml_quantize_chunk write). Its size must be exactly R × C / (block elements) × \
                (block bytes). Decoded bit for bit as ggml's dequantize_row_T. Types: \
                \(GGUFType.schemeNames.joined(separator: ", ")).
                """)

        @Option(help: ArgumentHelp("A `quantize --json` document (`-`: standard input).", valueName: "file"))
        var input: String?

        @Option(help: ArgumentHelp("The GGUF type: gguf-q4_0 … gguf-iq3_s (case-insensitive).", valueName: "scheme"))
        var scheme: String?

        @Option(help: ArgumentHelp("The GGUF block file.", valueName: "file"))
        var blocks: String?

        @Option(help: ArgumentHelp("GGUF: rows and columns of the matrix, R,C.", valueName: "R,C"))
        var shape: String?

        @Option(help: ArgumentHelp("The .npy file to write (required for GGUF).", valueName: "file"))
        var output: String?

        @Flag(help: "Print every row and column (by default more than 12 rows or 10 columns are elided in the middle).")
        var full = false

        func validate() throws {
            if scheme != nil || blocks != nil || shape != nil {
                guard input == nil else { throw ValidationError("--input reads a quantize --json document; --scheme, --blocks and --shape are for GGUF blocks") }
                _ = try ggufArguments()
            } else if input == nil {
                throw ValidationError("give --input Q.json (a quantize --json document) or --scheme gguf-T --blocks IN.bin --shape R,C --output OUT.npy")
            }
        }

        /// The GGUF form's type, shape and output file.
        func ggufArguments() throws -> (GGUFType, Int, Int, String) {
            let type = try scheme.map(GGUFType.init(schemeArgument:))
            guard let type, let shape, blocks != nil, let output else {
                let missing = [("--scheme gguf-T", scheme), ("--blocks IN.bin", blocks), ("--shape R,C", shape), ("--output OUT.npy", output)]
                    .filter { $0.1 == nil }.map(\.0)
                throw ValidationError("GGUF blocks need --scheme gguf-T, --blocks IN.bin, --shape R,C and --output OUT.npy; missing: \(missing.joined(separator: ", "))")
            }
            let parts = shape.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2, let rows = Int(parts[0].filter { $0 != " " }), let columns = Int(parts[1].filter { $0 != " " }), rows > 0, columns > 0 else {
                throw ValidationError("--shape must be R,C with positive integers, got '\(shape)'")
            }
            return (type, rows, columns, output)
        }

        func run() throws {
            if let blocks {
                let (type, rows, columns, output) = try ggufArguments()
                try reportingFailure {
                    try GGUFQuantization.dequantizeFile(type: type, blocksPath: blocks, rows: rows, columns: columns, outputPath: output)
                }
                return
            }
            let matrix = try reportingFailure { try QuantizedMatrix.dequantizeFile(jsonPath: input, outputPath: output) }
            if output == nil { print(matrix.text(full: full)) }
        }
    }
}
