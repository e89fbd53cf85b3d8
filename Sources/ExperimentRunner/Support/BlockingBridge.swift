import Foundation

/// Runs async work from synchronous code (the CLI's root command is a synchronous
/// `ParsableCommand`) by waiting on a semaphore while the work runs on the global
/// concurrent executor. Never call it from inside an async context.
public enum BlockingBridge {
    private final class Box<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    public static func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let semaphore = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await operation()) } catch { box.result = .failure(error) }
            semaphore.signal()
        }
        semaphore.wait()
        return try box.result!.get()
    }
}
