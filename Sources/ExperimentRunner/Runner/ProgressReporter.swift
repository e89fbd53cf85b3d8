import Foundation

/// Progress on standard error — `[37/412] accumulation` rewritten in place — only when
/// standard error is a terminal; silent otherwise (CI logs, pipes, tests).
public final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var total = 0
    private var done = 0
    private var lastPrinted = -1

    /// `enabled: nil` decides by `isatty(2)`.
    public init(enabled: Bool? = nil) {
        self.enabled = enabled ?? (isatty(STDERR_FILENO) != 0)
    }

    func start(total: Int) {
        lock.lock(); defer { lock.unlock() }
        self.total = total
        done = 0
        lastPrinted = -1
    }

    func advance(label: String) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        done += 1
        let percent = total == 0 ? 100 : done * 100 / total
        guard percent != lastPrinted || done == total else { return }
        lastPrinted = percent
        emit("\r\u{1B}[K[\(done)/\(total)] \(percent)% \(label)")
    }

    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        emit("\r\u{1B}[K")
    }

    private func emit(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
