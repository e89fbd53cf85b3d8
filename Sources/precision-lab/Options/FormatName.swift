import ArgumentParser
import SoftFloat

/// Looks up a format name given on the command line; an unknown name becomes a validation
/// error whose message lists the valid names.
func parseFormat(_ name: String) throws(ValidationError) -> FloatFormat {
    do {
        return try FloatFormat.named(name)
    } catch {
        throw ValidationError(error.description)
    }
}
