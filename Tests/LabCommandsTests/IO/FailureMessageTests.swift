import Testing
import LabCommands

@Suite struct FailureMessageTests {
    @Test(arguments: [
        ("Error: Missing expected argument '--scheme'", "error: Missing expected argument '--scheme'"),
        ("error: /nonexistent: no such file", "error: /nonexistent: no such file"),
        ("Error: Unknown option '--x'\nUsage: precision-lab quantize", "error: Unknown option '--x'\nUsage: precision-lab quantize"),
    ])
    func messagesGetTheOneErrorStyle(message: String, line: String) {
        #expect(FailureMessage.standardErrorLine(for: message) == line)
    }

    /// `reportingFailure` prints `error: …` itself and throws `ExitCode.failure`, whose message
    /// is empty: nothing more may be written (it used to be a blank line after every error).
    @Test func anEmptyMessageWritesNoLine() {
        #expect(FailureMessage.standardErrorLine(for: "") == nil)
    }
}
