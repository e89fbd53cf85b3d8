import SoftFloat
import Testing
@testable import LabCommands

/// The scalar benchmarks compute the same results as Berkeley SoftFloat 3e on the same operand
/// streams, so that `Scripts/oracles/scalar-vs-softfloat` compares equal work. The checksums
/// are the C harness's (/work/shared/bench/softfloat_scalar.c, built against SoftFloat 3e with
/// its own Makefile, 8086-SSE specialisation): `softfloat_scalar --verify --count 10000`, the
/// sum of the 10 000 result codes with every NaN result counted as 1 (the engines' NaN
/// encodings differ, their values must not); sub from the same harness compiled with
/// `-Df16_add=f16_sub -Df32_add=f32_sub`. The special set's sums are those of
/// Scripts/oracles/softfloat_scalar_special.c (built the same way), `--verify --count 10000`.
/// Nearest-even throughout.
@Suite("bench scalar results against Berkeley SoftFloat")
struct ScalarBenchmarkSoftFloatTests {
    static let count = 10_000

    struct ChecksumCase: Sendable, CustomTestStringConvertible {
        var format: FloatFormat
        var operation: ArithmeticOperation
        var set: ScalarOperandSet
        var checksum: UInt64
        var testDescription: String { "scalar \(format.name) \(operation.rawValue) (\(set.rawValue))" }
    }

    @Test(arguments: [
        ChecksumCase(format: .float16, operation: .add, set: .random, checksum: 351_132_144),
        ChecksumCase(format: .float16, operation: .multiply, set: .random, checksum: 303_413_762),
        ChecksumCase(format: .float16, operation: .divide, set: .random, checksum: 295_602_533),
        ChecksumCase(format: .float16, operation: .squareRoot, set: .random, checksum: 75_882_458),
        ChecksumCase(format: .float16, operation: .fusedMultiplyAdd, set: .random, checksum: 345_737_160),
        ChecksumCase(format: .float16, operation: .subtract, set: .random, checksum: 352_567_457),
        ChecksumCase(format: .float16, operation: .add, set: .normal, checksum: 381_301_619),
        ChecksumCase(format: .float16, operation: .multiply, set: .normal, checksum: 432_972_475),
        ChecksumCase(format: .float16, operation: .divide, set: .normal, checksum: 315_409_752),
        ChecksumCase(format: .float16, operation: .squareRoot, set: .normal, checksum: 91_042_176),
        ChecksumCase(format: .float16, operation: .fusedMultiplyAdd, set: .normal, checksum: 432_811_383),
        ChecksumCase(format: .float16, operation: .subtract, set: .normal, checksum: 378_473_143),
        ChecksumCase(format: .float32, operation: .add, set: .random, checksum: 24_682_221_320_218),
        ChecksumCase(format: .float32, operation: .multiply, set: .random, checksum: 21_234_586_631_767),
        ChecksumCase(format: .float32, operation: .divide, set: .random, checksum: 21_219_665_536_689),
        ChecksumCase(format: .float32, operation: .squareRoot, set: .random, checksum: 5_328_148_107_360),
        ChecksumCase(format: .float32, operation: .fusedMultiplyAdd, set: .random, checksum: 24_960_290_005_077),
        ChecksumCase(format: .float32, operation: .subtract, set: .random, checksum: 24_694_631_087_053),
        ChecksumCase(format: .float32, operation: .add, set: .normal, checksum: 21_964_817_569_850),
        ChecksumCase(format: .float32, operation: .multiply, set: .normal, checksum: 22_254_714_240_019),
        ChecksumCase(format: .float32, operation: .divide, set: .normal, checksum: 21_291_640_526_689),
        ChecksumCase(format: .float32, operation: .squareRoot, set: .normal, checksum: 5_436_820_196_763),
        ChecksumCase(format: .float32, operation: .fusedMultiplyAdd, set: .normal, checksum: 22_236_479_716_408),
        ChecksumCase(format: .float32, operation: .subtract, set: .normal, checksum: 21_768_792_350_230),
        ChecksumCase(format: .float16, operation: .add, set: .special, checksum: 171_242_642),
        ChecksumCase(format: .float16, operation: .subtract, set: .special, checksum: 170_581_699),
        ChecksumCase(format: .float16, operation: .multiply, set: .special, checksum: 127_451_707),
        ChecksumCase(format: .float16, operation: .divide, set: .special, checksum: 138_973_411),
        ChecksumCase(format: .float16, operation: .squareRoot, set: .special, checksum: 90_374_133),
        ChecksumCase(format: .float16, operation: .fusedMultiplyAdd, set: .special, checksum: 103_950_353),
        ChecksumCase(format: .float32, operation: .add, set: .special, checksum: 11_284_578_492_322),
        ChecksumCase(format: .float32, operation: .subtract, set: .special, checksum: 11_267_430_439_191),
        ChecksumCase(format: .float32, operation: .multiply, set: .special, checksum: 8_460_640_982_587),
        ChecksumCase(format: .float32, operation: .divide, set: .special, checksum: 9_253_986_036_450),
        ChecksumCase(format: .float32, operation: .squareRoot, set: .special, checksum: 6_050_079_367_635),
        ChecksumCase(format: .float32, operation: .fusedMultiplyAdd, set: .special, checksum: 6_902_033_409_041),
    ])
    func resultsMatchSoftFloat(_ check: ChecksumCase) {
        let x = check.set.operands(format: check.format, count: Self.count + 2)
        var checksum: UInt64 = 0
        for index in 0..<Self.count {
            let result = check.operation.evaluate(x[index], x[index + 1], x[index + 2], format: check.format).bits
            checksum &+= check.format.isNaN(result) ? 1 : result
        }
        #expect(checksum == check.checksum)
    }
}
