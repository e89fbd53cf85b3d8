import Foundation

/// A one-line progress indicator on standard error, shown only when standard error is a
/// terminal (so logs and CI output stay clean). Two ways to report, redrawn in place:
///
///     progress.update(0.42)                    // "bench: 42%"          (a fraction done)
///     progress.start(total: 412)
///     progress.advance(label: "accumulation")  // "[1/412] 0% accumulation" (counted items)
///
/// The one progress line of the lab: `bench` and `verify` report fractions, and `run` counts
/// cells through ExperimentRunner's `RunProgress` (the executable adds the conformance).
public final class TerminalProgress: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var lastPercent = -1
    private var total = 0
    private var done = 0

    /// True when progress is shown (standard error is a terminal).
    public var isEnabled: Bool { enabled }

    /// `enabled: nil` decides by `isatty(2)`.
    public init(label: String = "", enabled: Bool? = nil) {
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

    /// Starts counting `total` items.
    public func start(total: Int) {
        lock.lock(); defer { lock.unlock() }
        self.total = total
        done = 0
        lastPercent = -1
    }

    /// Counts one finished item and shows `[done/total] percent% label`; redraws when the
    /// whole percentage changes and at the last item.
    public func advance(label item: String) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        done += 1
        let percent = total == 0 ? 100 : done * 100 / total
        guard percent != lastPercent || done == total else { return }
        lastPercent = percent
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)] \(percent)% \(item)".utf8))
    }

    /// Clears the progress line.
    public func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1b}[K".utf8))
    }
}
