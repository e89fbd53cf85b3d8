import SoftFloat
import Testing
@testable import LabCommands

/// The scalar benchmarks compute the same results as Berkeley SoftFloat 3e on the same operand
/// streams, so that `Scripts/oracles/scalar-vs-softfloat` compares equal work. The checksums
/// are the C harness's (/work/shared/bench/softfloat_scalar.c, built against SoftFloat 3e with
/// its own Makefile, 8086-SSE specialisation): `softfloat_scalar --verify --count 10000`, the
/// sum of the 10 000 result codes with every NaN result counted as 1 (the engines' NaN
/// encodings differ, their values must not); sub from the same harness compiled with
/// `-Df16_add=f16_sub -Df32_add=f32_sub`. Nearest-even throughout.
@Suite("bench scalar results against Berkeley SoftFloat")
struct ScalarBenchmarkSoftFloatTests {
    static let count = 10_000

    struct ChecksumCase: Sendable, CustomTestStringConvertible {
        var format: FloatFormat
        var operation: ArithmeticOperation
        var normal: Bool
        var checksum: UInt64
        var testDescription: String { "scalar \(format.name) \(operation.rawValue) (\(normal ? "normal" : "random"))" }
    }

    @Test(arguments: [
        ChecksumCase(format: .float16, operation: .add, normal: false, checksum: 351_132_144),
        ChecksumCase(format: .float16, operation: .multiply, normal: false, checksum: 303_413_762),
        ChecksumCase(format: .float16, operation: .divide, normal: false, checksum: 295_602_533),
        ChecksumCase(format: .float16, operation: .squareRoot, normal: false, checksum: 75_882_458),
        ChecksumCase(format: .float16, operation: .fusedMultiplyAdd, normal: false, checksum: 345_737_160),
        ChecksumCase(format: .float16, operation: .subtract, normal: false, checksum: 352_567_457),
        ChecksumCase(format: .float16, operation: .add, normal: true, checksum: 381_301_619),
        ChecksumCase(format: .float16, operation: .multiply, normal: true, checksum: 432_972_475),
        ChecksumCase(format: .float16, operation: .divide, normal: true, checksum: 315_409_752),
        ChecksumCase(format: .float16, operation: .squareRoot, normal: true, checksum: 91_042_176),
        ChecksumCase(format: .float16, operation: .fusedMultiplyAdd, normal: true, checksum: 432_811_383),
        ChecksumCase(format: .float16, operation: .subtract, normal: true, checksum: 378_473_143),
        ChecksumCase(format: .float32, operation: .add, normal: false, checksum: 24_682_221_320_218),
        ChecksumCase(format: .float32, operation: .multiply, normal: false, checksum: 21_234_586_631_767),
        ChecksumCase(format: .float32, operation: .divide, normal: false, checksum: 21_219_665_536_689),
        ChecksumCase(format: .float32, operation: .squareRoot, normal: false, checksum: 5_328_148_107_360),
        ChecksumCase(format: .float32, operation: .fusedMultiplyAdd, normal: false, checksum: 24_960_290_005_077),
        ChecksumCase(format: .float32, operation: .subtract, normal: false, checksum: 24_694_631_087_053),
        ChecksumCase(format: .float32, operation: .add, normal: true, checksum: 21_964_817_569_850),
        ChecksumCase(format: .float32, operation: .multiply, normal: true, checksum: 22_254_714_240_019),
        ChecksumCase(format: .float32, operation: .divide, normal: true, checksum: 21_291_640_526_689),
        ChecksumCase(format: .float32, operation: .squareRoot, normal: true, checksum: 5_436_820_196_763),
        ChecksumCase(format: .float32, operation: .fusedMultiplyAdd, normal: true, checksum: 22_236_479_716_408),
        ChecksumCase(format: .float32, operation: .subtract, normal: true, checksum: 21_768_792_350_230),
    ])
    func resultsMatchSoftFloat(_ check: ChecksumCase) {
        let x = ScalarOperationBenchmarks.operands(format: check.format, count: Self.count + 2, normal: check.normal)
        var checksum: UInt64 = 0
        for index in 0..<Self.count {
            let result = check.operation.evaluate(x[index], x[index + 1], x[index + 2], format: check.format).bits
            checksum &+= check.format.isNaN(result) ? 1 : result
        }
        #expect(checksum == check.checksum)
    }
}
