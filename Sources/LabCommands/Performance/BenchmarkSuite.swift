import Foundation
import FastKernels
import PortableMath
import SoftFloat

/// The `bench` command's measurements: bulk conversions both ways for every built-in format,
/// and a memcpy of the same float32 buffer as the roofline reference.
///
/// Inputs are pre-generated once: N(0,1)·100 (``RandomVariates/boxMullerNormal()``, the stream
/// the C harness in /work/shared/bench regenerates) from the lab's seeded generator, with 1% special
/// values (±0, ±inf, NaN, subnormals, values beyond float16's range). Every bulk path is
/// checked against the scalar engine on the whole benchmark input before it is timed; a
/// mismatch throws ``BenchmarkError/mismatch(_:)``, so a fast wrong path never reports a time.
public struct BenchmarkSuite {
    public let elements: Int
    public let threads: Int
    public let repetitions: Int
    public var extraBenchmarks: [Benchmark] = []

    /// A named measurement: `prepare` runs once (and may self-check); `body` is timed.
    public struct Benchmark {
        public let name: String
        public let elements: Int
        public let bytesPerElement: Int
        public let run: () throws -> [Double]

        public init(name: String, elements: Int, bytesPerElement: Int, run: @escaping () throws -> [Double]) {
            self.name = name
            self.elements = elements
            self.bytesPerElement = bytesPerElement
            self.run = run
        }
    }

    public init(elements: Int = 1 << 26, threads: Int = 1, repetitions: Int = 7) {
        self.elements = elements
        self.threads = threads
        self.repetitions = repetitions
    }

    /// Benchmark input: N(0,1)·100 float32 with 1% specials, as bit patterns.
    public static func input(count: Int, seed: UInt64 = 26) -> [UInt32] {
        var random = RandomVariates(SplitMix64(seed: seed))
        let specials: [UInt32] = [0, 0x8000_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0x0000_0001, 0x8040_0000, 0x4780_0000, 0x7f7f_ffff]
        var values = [UInt32](repeating: 0, count: count)
        for index in 0..<count {
            if random.next() % 100 == 0 {
                values[index] = specials[Int(random.next() % UInt64(specials.count))]
            } else {
                values[index] = Float(random.boxMullerNormal() * 100).bitPattern
            }
        }
        return values
    }

    /// Runs every benchmark whose name contains `filter` (all when nil).
    public func run(filter: String?, progress: (String) -> Void = { _ in }) throws -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
        for benchmark in try benchmarks(filter: filter) {
            progress(benchmark.name)
            results.append(BenchmarkResult(name: benchmark.name, elements: benchmark.elements,
                                           bytesPerElement: benchmark.bytesPerElement, runs: try benchmark.run()))
        }
        return results
    }

    func benchmarks(filter: String?) throws -> [Benchmark] {
        let matches: (String) -> Bool = { name in filter.map { name.contains($0) } ?? true }
        var list: [Benchmark] = []
        let needsInput = matches("memcpy float32") || FloatFormat.builtIn.contains {
            matches("convert float32->\($0.name)") || matches("convert \($0.name)->float32")
        }
        guard needsInput else { return extraBenchmarks.filter { matches($0.name) } }
        let input = Self.input(count: elements)
        let count = elements
        let threads = threads
        let repetitions = repetitions
        if matches("memcpy float32") {
            list.append(Benchmark(name: "memcpy float32", elements: count, bytesPerElement: 8) {
                var copy = [UInt32](repeating: 0, count: count)
                return input.withUnsafeBytes { source in
                    copy.withUnsafeMutableBytes { destination in
                        let sourceBase = UInt(bitPattern: source.baseAddress)
                        let destinationBase = UInt(bitPattern: destination.baseAddress)
                        return Stopwatch.measure(repetitions: repetitions) {
                            ParallelSplit.run(count: count, threads: BulkConversion.workers(count: count, threads: threads), granule: 64) { range in
                                let from = UnsafeRawPointer(bitPattern: sourceBase)! + range.lowerBound * 4
                                let to = UnsafeMutableRawPointer(bitPattern: destinationBase)! + range.lowerBound * 4
                                to.copyMemory(from: from, byteCount: range.count * 4)
                            }
                        }
                    }
                }
            })
        }
        for format in FloatFormat.builtIn where format != .float32 {
            let conversion = BulkConversion(format: format)
            let width = conversion.storageBytes
            let narrowName = "convert float32->\(format.name)"
            let widenName = "convert \(format.name)->float32"
            guard matches(narrowName) || matches(widenName) else { continue }
            var codes = [UInt8](repeating: 0, count: count * width)
            input.withUnsafeBufferPointer { source in
                codes.withUnsafeMutableBytes { conversion.narrow(source, into: $0, threads: threads) }
            }
            try Self.checkNarrowing(input: input, codes: codes, format: format, width: width, threads: threads)
            if matches(narrowName) {
                list.append(Benchmark(name: narrowName, elements: count, bytesPerElement: 4 + width) {
                    var output = [UInt8](repeating: 0, count: count * width)
                    return input.withUnsafeBufferPointer { source in
                        output.withUnsafeMutableBytes { destination in
                            Stopwatch.measure(repetitions: repetitions) { conversion.narrow(source, into: destination, threads: threads) }
                        }
                    }
                })
            }
            if matches(widenName) {
                var widened = [UInt32](repeating: 0, count: count)
                codes.withUnsafeBytes { source in
                    widened.withUnsafeMutableBufferPointer { conversion.widen(source, count: count, into: $0, threads: threads) }
                }
                try Self.checkWidening(codes: codes, widened: widened, format: format, width: width)
                list.append(Benchmark(name: widenName, elements: count, bytesPerElement: 4 + width) {
                    var output = [UInt32](repeating: 0, count: count)
                    return codes.withUnsafeBytes { source in
                        output.withUnsafeMutableBufferPointer { destination in
                            Stopwatch.measure(repetitions: repetitions) { conversion.widen(source, count: count, into: destination, threads: threads) }
                        }
                    }
                })
            }
        }
        return list + extraBenchmarks.filter { matches($0.name) }
    }

    static func checkNarrowing(input: [UInt32], codes: [UInt8], format: FloatFormat, width: Int, threads: Int) throws {
        for (index, bits) in input.enumerated() {
            let bulk = BulkConversion.code(codes, at: index, width: width)
            let scalar = FloatFormat.float32.convert(UInt64(bits), to: format).bits
            let agrees = format.isNaN(scalar) ? format.isNaN(bulk) : bulk == scalar
            if !agrees {
                throw BenchmarkError.mismatch("convert float32->\(format.name): input 0x\(String(bits, radix: 16)) gave \(format.hexString(bulk)), the scalar engine \(format.hexString(scalar))")
            }
        }
    }

    static func checkWidening(codes: [UInt8], widened: [UInt32], format: FloatFormat, width: Int) throws {
        for index in widened.indices {
            let source = BulkConversion.code(codes, at: index, width: width)
            let scalar = format.convert(source, to: .float32).bits
            let agrees = format.isNaN(source) ? FloatFormat.float32.isNaN(UInt64(widened[index])) : UInt64(widened[index]) == scalar
            if !agrees {
                throw BenchmarkError.mismatch("convert \(format.name)->float32: code \(format.hexString(source)) gave 0x\(String(widened[index], radix: 16)), the scalar engine 0x\(String(scalar, radix: 16))")
            }
        }
    }
}
