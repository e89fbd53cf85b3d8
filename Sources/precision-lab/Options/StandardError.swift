import LabCommands

/// Writes `message` and a newline to standard error, ignoring failures.
func printToStandardError(_ message: String) {
    var standardError = FileDescriptorOutput.standardError
    var text = message + "\n"
    text.withUTF8 { bytes in try? standardError.write(UnsafeRawBufferPointer(bytes)) }
}
