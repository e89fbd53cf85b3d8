import Dispatch

/// Wall-clock timing in nanoseconds from the monotonic clock.
public enum Stopwatch {
    /// Runs `body` once untimed (warm-up), then `repetitions` times, returning each run's nanoseconds.
    public static func measure(repetitions: Int, _ body: () -> Void) -> [Double] {
        body()
        return (0..<max(1, repetitions)).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start)
        }
    }
}
