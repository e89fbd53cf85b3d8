/// One benchmark's timing: the median, fastest and slowest of the repeated runs.
public struct BenchmarkResult: Sendable, Hashable {
    public let name: String
    public let elements: Int
    /// Bytes read plus bytes written per element (for GB/s).
    public let bytesPerElement: Int
    public let nanosecondsPerElement: Double
    public let nanosecondsPerElementMin: Double
    public let nanosecondsPerElementMax: Double

    public init(name: String, elements: Int, bytesPerElement: Int, runs: [Double]) {
        let sorted = runs.sorted()
        self.name = name
        self.elements = elements
        self.bytesPerElement = bytesPerElement
        nanosecondsPerElement = sorted[sorted.count / 2] / Double(elements)
        nanosecondsPerElementMin = sorted.first! / Double(elements)
        nanosecondsPerElementMax = sorted.last! / Double(elements)
    }

    /// Throughput of the median run: bytes moved per nanosecond = GB/s.
    public var gigabytesPerSecond: Double { Double(bytesPerElement) / nanosecondsPerElement }
}
