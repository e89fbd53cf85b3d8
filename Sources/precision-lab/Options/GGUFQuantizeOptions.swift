import ArgumentParser
import Quantization

/// The gguf-* branch of `quantize`: runs the library's file workflow.
enum GGUFQuantizeOptions {
    /// Quantizes, writes the blocks, and returns the text to print.
    static func run(_ type: GGUFType, input: String?, tensor: String?, imatrix: String?, saveBlocks: String?, json: Bool) throws -> String {
        try reportingFailure {
            let result = try GGUFQuantization.run(type: type, input: input, tensor: tensor, importance: imatrix, blocksPath: saveBlocks)
            return json ? result.json : result.description
        }
    }
}
