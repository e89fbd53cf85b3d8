import Foundation

/// A one-line progress indicator on standard error, shown only when standard error is a
/// terminal (so logs and CI output stay clean).
public final class TerminalProgress: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var lastPercent = -1

    /// True when progress is shown (standard error is a terminal).
    public var isEnabled: Bool { enabled }

    public init(label: String, enabled: Bool? = nil) {
        self.label = label
        self.enabled = enabled ?? (isatty(STDERR_FILENO) != 0)
    }

    /// Reports the fraction done (0…1); redraws only when the whole percentage changes.
    @Sendable public func update(_ fraction: Double) {
        guard enabled else { return }
        let percent = Int(fraction * 100)
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastPercent else { return }
        lastPercent = percent
        FileHandle.standardError.write(Data("\r\(label): \(percent)%".utf8))
    }

    /// Clears the progress line.
    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1b}[K".utf8))
    }
}
