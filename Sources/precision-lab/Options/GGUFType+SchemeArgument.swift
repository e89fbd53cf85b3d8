import ArgumentParser
import Quantization

extension GGUFType {
    /// The one parser of `--scheme gguf-T` for `quantize` and `dequantize`: case-insensitive,
    /// `gguf-` optional (``GGUFType/init(schemeName:)``), refused with the list of schemes.
    ///
    ///     try GGUFType(schemeArgument: "gguf-Q4_K")   // .q4_K
    init(schemeArgument scheme: String) throws(ValidationError) {
        guard let type = GGUFType(schemeName: scheme) else {
            throw ValidationError("unknown GGUF scheme '\(scheme)'; choose one of \(GGUFType.schemeNames.joined(separator: ", "))")
        }
        self = type
    }
}
