/// The line `precision-lab` writes to standard error (newline added by the caller) for the
/// message ArgumentParser gives a failed run: one style, `error: ` (ArgumentParser writes
/// `Error: `), and no line at all for an empty message. A subcommand that failed on bad data has
/// already printed its own `error: …` line and exits through an `ExitCode`, whose message is
/// empty; printing that empty message used to add a blank line after every error.
///
///     FailureMessage.standardErrorLine(for: "Error: Missing expected argument '--scheme'")
///     // "error: Missing expected argument '--scheme'"
///     FailureMessage.standardErrorLine(for: "")   // nil: write nothing
public enum FailureMessage {
    public static func standardErrorLine(for message: String) -> String? {
        guard !message.isEmpty else { return nil }
        if message.hasPrefix("Error: ") { return "error: " + message.dropFirst("Error: ".count) }
        return message
    }
}
