import ArgumentParser
import Quantization

/// `quantize` and `matmul` check their configuration in `validate()`: a library
/// `QuantizationError` becomes ArgumentParser's `ValidationError`, so a bad option exits with
/// status 64 and the usage line, before any input is read.
///
///     try validated(configuration) { c throws(QuantizationError) in try c.validate() }
func validated<Configuration>(
    _ configuration: Configuration, _ check: (Configuration) throws(QuantizationError) -> Void
) throws(ValidationError) -> Configuration {
    do {
        try check(configuration)
    } catch {
        throw ValidationError(error.description)
    }
    return configuration
}
