import SoftFloat

/// Benchmarks of the scalar soft-float operations (add, sub, mul, div, sqrt, fma) for float16,
/// bfloat16, float32, float8_e4m3fn and float8_e5m2, over pre-generated operands
/// (``ScalarOperandSet``: random encodings, N(0,1)·100 values, or special codes only),
/// nearest-even. Named `scalar FORMAT OP (random|normal|special)`; one element is one operation.
public enum ScalarOperationBenchmarks {
    public static let formats: [FloatFormat] = [.float16, .bfloat16, .float32, .float8_e4m3fn, .float8_e5m2]
    public static let operations: [ArithmeticOperation] = [.add, .subtract, .multiply, .divide, .squareRoot, .fusedMultiplyAdd]

    public static func benchmarks(operands count: Int, repetitions: Int) -> [BenchmarkSuite.Benchmark] {
        var list: [BenchmarkSuite.Benchmark] = []
        for format in formats {
            for set in ScalarOperandSet.allCases {
                for operation in operations {
                    let name = "scalar \(format.name) \(operation.rawValue) (\(set.rawValue))"
                    list.append(BenchmarkSuite.Benchmark(name: name, elements: count, bytesPerElement: 0) {
                        let operands = set.operands(format: format, count: count + 2)
                        return operands.withUnsafeBufferPointer { buffer in
                            Stopwatch.measure(repetitions: repetitions) {
                                var checksum: UInt64 = 0
                                Self.run(operation, format: format, buffer, count: count, checksum: &checksum)
                                blackHole(checksum)
                            }
                        }
                    })
                }
            }
        }
        return list
    }

    @inline(never)
    static func run(_ operation: ArithmeticOperation, format: FloatFormat, _ x: UnsafeBufferPointer<UInt64>, count: Int, checksum: inout UInt64) {
        // One loop per operation, each calling the engine directly (no per-element dispatch).
        switch operation {
        case .add: for index in 0..<count { checksum &+= format.add(x[index], x[index + 1]).bits }
        case .subtract: for index in 0..<count { checksum &+= format.subtract(x[index], x[index + 1]).bits }
        case .multiply: for index in 0..<count { checksum &+= format.multiply(x[index], x[index + 1]).bits }
        case .divide: for index in 0..<count { checksum &+= format.divide(x[index], x[index + 1]).bits }
        case .squareRoot: for index in 0..<count { checksum &+= format.squareRoot(x[index]).bits }
        default: for index in 0..<count { checksum &+= format.fusedMultiplyAdd(x[index], x[index + 1], x[index + 2]).bits }
        }
    }

    @inline(never)
    static func blackHole(_ value: UInt64) {
        if value == 0x1234_5678_9abc_def0 { print("") }
    }
}
