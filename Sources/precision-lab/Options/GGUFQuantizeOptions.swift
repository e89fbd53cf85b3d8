import ArgumentParser
import Quantization

/// The gguf-* branch of `quantize`: parses the scheme name and runs the library's file workflow.
enum GGUFQuantizeOptions {
    static func type(_ scheme: String) throws -> GGUFType {
        guard let type = GGUFType(schemeName: scheme) else {
            throw ValidationError("unknown GGUF scheme '\(scheme)'; choose one of \(GGUFType.schemeNames.joined(separator: ", "))")
        }
        return type
    }

    /// Quantizes, writes the blocks, and returns the text to print.
    static func run(_ type: GGUFType, input: String?, tensor: String?, imatrix: String?, saveBlocks: String?, json: Bool) throws -> String {
        do {
            let result = try GGUFQuantization.run(type: type, input: input, tensor: tensor, importance: imatrix, blocksPath: saveBlocks)
            return json ? result.json : result.description
        } catch {
            printToStandardError("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
