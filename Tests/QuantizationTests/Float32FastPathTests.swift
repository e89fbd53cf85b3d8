import Foundation
import PortableMath
import SoftFloat
import Testing
@testable import Quantization

/// One configuration the float32 fast path covers, checked against the soft-float path on
/// every kind of random matrix.
struct FastPathCase: Sendable, CustomTestStringConvertible {
    let configuration: QuantizationConfiguration
    var testDescription: String {
        let c = configuration
        return "\(c.scheme) \(c.convention) \(c.bits)-bit\(c.isUnsigned ? " unsigned" : "") \(c.granularity.map { "\($0)" } ?? "default")\(c.scaleRounding.map { " \($0) scale" } ?? "")"
    }
}

/// A random float32 matrix of one kind, with a seed, as codes.
struct RandomMatrix: Sendable {
    let name: String
    let rows: Int
    let columns: Int
    let bits: [UInt32]

    var matrix: Matrix {
        // Nonempty by construction.
        try! Matrix(rows: rows, columns: columns, format: .float32, codes: bits.map { UInt64($0) })
    }
}

/// The float32 fast path (``Float32QuantizeKernel``) against the soft-float kernels, bit for
/// bit: q, scales, zero points, x̂, the clamped count and the errors.
@Suite struct Float32FastPathTests {
    static let integerCases: [FastPathCase] = {
        var cases: [FastPathCase] = []
        let granularities: [Granularity?] = [nil, .tensor, .row, .group(5), .group(16), .group(40)]
        for scheme in [QuantizationScheme.absmax, .zeroPoint] {
            for convention in [QuantizationConvention.textbook, .torch] {
                for (bits, unsigned) in [(8, false), (8, true), (4, false), (2, true), (12, false), (16, true)] {
                    for granularity in granularities {
                        cases.append(FastPathCase(configuration: QuantizationConfiguration(
                            scheme: scheme, bits: bits, isUnsigned: unsigned, granularity: granularity, convention: convention)))
                    }
                }
            }
        }
        for bits in [8, 4] {
            for granularity in granularities {
                cases.append(FastPathCase(configuration: QuantizationConfiguration(
                    scheme: .absmax, bits: bits, granularity: granularity, convention: .bitsandbytes)))
            }
        }
        return cases
    }()

    static let codebookAndMXCases: [FastPathCase] = {
        var cases: [FastPathCase] = []
        for granularity in [nil, .group(7), .group(16), .row, .tensor] as [Granularity?] {
            cases.append(FastPathCase(configuration: QuantizationConfiguration(scheme: .nf4, granularity: granularity)))
            cases.append(FastPathCase(configuration: QuantizationConfiguration(scheme: .fp4Bitsandbytes, granularity: granularity)))
        }
        for element in [MXElement.e4m3, .e5m2, .e2m3, .e3m2, .e2m1] {
            cases.append(FastPathCase(configuration: QuantizationConfiguration(scheme: .mx(element))))
            for rule in [MXScaleRounding.ceil, .even, .rceil] {
                cases.append(FastPathCase(configuration: QuantizationConfiguration(scheme: .mx(element), scaleRounding: rule)))
            }
        }
        return cases
    }()

    /// Matrices of every kind, in shapes with partial SIMD vectors, partial groups and partial
    /// MX blocks.
    static func matrices(seed: UInt64, allowsNonFinite: Bool) -> [RandomMatrix] {
        var random = RandomVariates(SplitMix64(seed: seed))
        func uniform() -> Double { random.uniform() }
        func gaussian() -> Double { random.boxMullerNormal() }
        func make(_ name: String, _ rows: Int, _ columns: Int, _ value: (Int, Int) -> Float) -> RandomMatrix {
            var bits: [UInt32] = []
            for row in 0..<rows { for column in 0..<columns { bits.append(value(row, column).bitPattern) } }
            return RandomMatrix(name: name, rows: rows, columns: columns, bits: bits)
        }
        var list = [
            make("normal", 3, 37) { _, _ in Float(gaussian()) },
            make("normal ×1000", 2, 70) { _, _ in Float(gaussian() * 1000) },
            make("uniform [0, 1)", 4, 33) { _, _ in Float(uniform()) },
            make("uniform negative", 2, 20) { _, _ in Float(-uniform() - 0.5) },
            make("outliers", 3, 64) { _, _ in Float(uniform() < 0.05 ? gaussian() * 300 : gaussian()) },
            make("zeros and subnormals", 3, 35) { row, _ in
                switch random.next() % 4 {
                case 0: return 0
                case 1: return -0.0
                case 2: return Float(bitPattern: UInt32(random.next() % 0x80_0000) | (random.next() % 2 == 0 ? 0 : 0x8000_0000))
                default: return row == 0 ? Float(gaussian()) : Float(bitPattern: UInt32(random.next() % 0x80_0000))
                }
            },
            make("halves (ties after scaling)", 2, 48) { _, column in column == 0 ? 127 : Float(Int(random.next() % 255) - 127) + 0.5 },
            make("powers of two", 2, 40) { _, _ in Float(sign: random.next() % 2 == 0 ? .plus : .minus, exponent: Int(random.next() % 40) - 20, significand: 1) },
            make("constant rows", 3, 18) { row, _ in [0.5, -2, 0][row] },
            make("all zero", 2, 16) { _, _ in 0 },
            make("narrow range far from 0", 2, 25) { _, _ in 1000 + Float(uniform()) * 0.01 },
            make("huge", 2, 17) { _, _ in Float(gaussian()) * 1e37 },
            make("tiny normal", 2, 17) { _, _ in Float(gaussian()) * 1e-36 },
            make("one column", 19, 1) { _, _ in Float(gaussian()) },
            make("mantissas near 1.75 and 1.875", 2, 64) { _, column in
                Float(sign: column % 2 == 0 ? .plus : .minus, exponent: Int(random.next() % 6),
                      significand: Float(1.75 + Double(random.next() % 65) / 512))
            },
        ]
        if allowsNonFinite {
            list.append(make("NaN and infinities in some blocks", 2, 80) { row, column in
                switch (row, column) {
                case (0, 3): return .nan
                case (1, 40): return .infinity
                case (1, 70): return -.infinity
                default: return Float(gaussian())
                }
            })
        }
        return list
    }

    @Test(arguments: integerCases + codebookAndMXCases)
    func agreesWithSoftFloat(_ testCase: FastPathCase) throws {
        let configuration = testCase.configuration
        let kernel = try #require(Float32QuantizeKernel(configuration: configuration))
        for matrix in Self.matrices(seed: 7, allowsNonFinite: configuration.scheme.isMX) {
            try compareWithSoftFloat(matrix, kernel: kernel, configuration: configuration) { output, reference in
                try expectSame(output, kernel: kernel, as: reference, matrix: matrix)
                let automatic = try quantize(matrix.matrix, configuration)
                #expect(automatic.quantized == reference.quantized, "\(matrix.name)")
                #expect(automatic.dequantized == reference.dequantized, "\(matrix.name)")
                #expect(automatic.elementKind == reference.elementKind, "\(matrix.name)")  // FP4's codebook, not NF4's
                // Compared as text: huge inputs give NaN metrics, and NaN ≠ NaN.
                #expect("\(automatic.metrics)" == "\(reference.metrics)", "\(matrix.name)")
            } bothFailed: { softError in
                // The fast path reports the first failing group too; quantize() re-raises the
                // soft path's error, so its message never depends on the path.
                #expect(throws: softError) { try quantize(matrix.matrix, configuration) }
            }
        }
    }

    /// Quantizes `matrix` on the soft-float path and with `kernel`: both must succeed (then
    /// `bothSucceeded(fast output, soft result)` compares them) or both fail with the same error
    /// (then `bothFailed(error)`); one path failing alone is an issue.
    func compareWithSoftFloat(
        _ matrix: RandomMatrix, kernel: Float32QuantizeKernel, configuration: QuantizationConfiguration,
        bothSucceeded: (Float32QuantizeOutput, QuantizationResult) throws -> Void,
        bothFailed: (QuantizationError) -> Void = { _ in }
    ) rethrows {
        let soft = Result { () throws(QuantizationError) in try quantize(matrix.matrix, configuration, path: .softFloat) }
        let fast = Result { () throws(QuantizationError) in
            try matrix.bits.withUnsafeBufferPointer { source in
                Result { () throws(QuantizationError) in try kernel.quantize(source, rows: matrix.rows, columns: matrix.columns) }
            }.get()
        }
        switch (soft, fast) {
        case (.success(let reference), .success(let output)):
            try bothSucceeded(output, reference)
        case (.failure(let softError), .failure(let fastError)):
            #expect(softError == fastError, "\(matrix.name)")
            bothFailed(softError)
        case (.success, .failure(let error)):
            Issue.record("\(matrix.name): the fast path threw \(error), the soft-float path succeeded")
        case (.failure(let error), .success):
            Issue.record("\(matrix.name): the soft-float path threw \(error), the fast path succeeded")
        }
    }

    static let nvfp4Cases: [QuantizationConfiguration] = [
        .init(scheme: .nvfp4, convention: .torchao),
        .init(scheme: .nvfp4, convention: .torchao, tensorScale: false),
        .init(scheme: .nvfp4, convention: .transformerEngine),
    ]

    static let fp8BlockCases: [QuantizationConfiguration] = [
        .init(scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 1, columns: 128), convention: .deepseek),
        .init(scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 1, columns: 128), convention: .deepgemm),
        .init(scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 1, columns: 128), convention: .deepgemm,
              blockScaleFormat: .ue8m0),
    ]

    /// FP8 1 × 128 blocks (deepseek, deepgemm, UE8M0) against ``FP8BlockKernel`` and NVFP4
    /// 1 × 16 (torchao with and without the tensor scale, TE) against ``NVFP4Kernel``: the usual
    /// matrices (one partial block per row) and rows of whole blocks plus a partial one, with
    /// blocks of zeros, of float32 subnormals (deepseek's subnormal and zero scales,
    /// DeepGEMM's 1e-4 floor) and of values near FLT_MAX; a NaN or ±∞ is the soft path's error.
    @Test(arguments: fp8BlockCases + nvfp4Cases)
    func fp8BlocksAgreeWithSoftFloat(_ configuration: QuantizationConfiguration) throws {
        let kernel = try #require(Float32QuantizeKernel(configuration: configuration))
        var random = RandomVariates(SplitMix64(seed: 128))
        var wide: [UInt32] = []
        let rows = 6, columns = 304
        for row in 0..<rows {
            for column in 0..<columns {
                let g = Float(random.boxMullerNormal())
                switch (row, column / 128) {
                case (1, 0): wide.append(0)
                case (1, 1): wide.append(UInt32(random.next() % 0x80_0000) | UInt32(column % 2) << 31)
                case (2, _): wide.append((g * 1e-39).bitPattern)
                case (3, _): wide.append((g * 1e37).bitPattern)
                case (4, _): wide.append((g * 1e-5).bitPattern)
                default: wide.append(g.bitPattern)
                }
            }
        }
        let matrices = Self.matrices(seed: 7, allowsNonFinite: true) + [RandomMatrix(name: "whole and partial blocks", rows: rows, columns: columns, bits: wide)]
            + Self.wholeBlockMatrices(seed: 16)
        for matrix in matrices {
            try compareWithSoftFloat(matrix, kernel: kernel, configuration: configuration) { output, reference in
                try expectSame(output, kernel: kernel, as: reference, matrix: matrix)
                #expect(try quantize(matrix.matrix, configuration).scales == reference.scales, "\(matrix.name)")
            }
        }
    }

    /// Rows of whole 16-element blocks for NVFP4's corner cases: tensor scales so small that
    /// torchao's 1/t overflows (NaN products, NaN block scales), zeros of both signs (TE's
    /// −0 rule), subnormal-only matrices, values near FLT_MAX, and a non-finite element in a
    /// later row (the error names it whatever pass finds it).
    static func wholeBlockMatrices(seed: UInt64) -> [RandomMatrix] {
        var random = RandomVariates(SplitMix64(seed: seed))
        func make(_ name: String, _ rows: Int, _ columns: Int, _ value: (Int, Int) -> Float) -> RandomMatrix {
            var bits: [UInt32] = []
            for row in 0..<rows { for column in 0..<columns { bits.append(value(row, column).bitPattern) } }
            return RandomMatrix(name: name, rows: rows, columns: columns, bits: bits)
        }
        func subnormal() -> Float {
            Float(bitPattern: UInt32(random.next() % 0x80_0000) | (random.next() % 2 == 0 ? 0 : 0x8000_0000))
        }
        return [
            make("tiny normal, whole blocks", 3, 32) { _, _ in Float(random.boxMullerNormal()) * 1e-36 },
            make("subnormals and signed zeros", 3, 48) { _, _ in random.next() % 3 == 0 ? (random.next() % 2 == 0 ? 0 : -0.0) : subnormal() },
            make("signed zeros only", 2, 32) { _, column in column % 3 == 0 ? -0.0 : 0 },
            make("zero blocks beside tiny ones", 2, 64) { _, column in column < 32 ? (column % 2 == 0 ? -0.0 : 0) : subnormal() },
            make("near FLT_MAX, whole blocks", 2, 32) { _, _ in Float(random.boxMullerNormal()) * 1e38 },
            make("one infinity in the last row", 3, 160) { row, column in row == 2 && column == 137 ? -.infinity : Float(random.boxMullerNormal()) },
        ]
    }

    /// Element for element, with hex codes on a mismatch.
    func expectSame(_ output: Float32QuantizeOutput, kernel: Float32QuantizeKernel, as reference: QuantizationResult, matrix: RandomMatrix) throws {
        let count = matrix.rows * matrix.columns
        let fastQ = (0..<count).map { output.quantized(at: $0) }
        let fastX = kernel.dequantize(output).map { UInt64($0) }
        for index in 0..<count where fastQ[index] != reference.quantized[index] || fastX[index] != reference.dequantized.codes[index] {
            Issue.record("""
                \(matrix.name) [\(index / matrix.columns), \(index % matrix.columns)] x = 0x\(String(matrix.bits[index], radix: 16)): \
                fast q \(fastQ[index]) x̂ 0x\(String(fastX[index], radix: 16)), \
                soft q \(reference.quantized[index]) x̂ 0x\(String(reference.dequantized.codes[index], radix: 16))
                """)
            return
        }
        #expect(output.scales.map { UInt64($0) } == reference.scales, "\(matrix.name) scales")
        #expect(output.zeroPoints.map { Int64($0) } == reference.zeroPoints, "\(matrix.name) zero points")
        #expect(output.clampedCount == reference.metrics.clampedCount, "\(matrix.name) clamped count")
        #expect(output.tensorScale.map { UInt64($0) } == reference.tensorScale, "\(matrix.name) tensor scale")
    }

    /// Splitting rows (or, per tensor, the two passes) over threads changes nothing.
    @Test(arguments: [
        QuantizationConfiguration(scheme: .absmax, granularity: .tensor),
        QuantizationConfiguration(scheme: .zeroPoint, granularity: .row, convention: .torch),
        QuantizationConfiguration(scheme: .nf4),
        QuantizationConfiguration(scheme: .fp4Bitsandbytes),
        QuantizationConfiguration(scheme: .mx(.e2m1)),
        QuantizationConfiguration(scheme: .nvfp4, convention: .torchao),
        QuantizationConfiguration(scheme: .nvfp4, convention: .torchao, tensorScale: false),
        QuantizationConfiguration(scheme: .nvfp4, convention: .transformerEngine),
    ])
    func threadsDoNotChangeResults(_ configuration: QuantizationConfiguration) throws {
        let kernel = try #require(Float32QuantizeKernel(configuration: configuration))
        var random = SplitMix64(seed: 11)
        // NVFP4 needs whole 16-element blocks; 1000 leaves partial vectors for the others.
        let rows = 9, columns = configuration.scheme == .nvfp4 ? 1008 : 1000
        let bits = (0..<(rows * columns)).map { _ in Float(Double(Int64(bitPattern: random.next()) >> 40) / 1e3).bitPattern }
        try bits.withUnsafeBufferPointer { source in
            let one = try kernel.quantize(source, rows: rows, columns: columns, threads: 1)
            let two = try kernel.quantize(source, rows: rows, columns: columns, threads: 2)
            let three = try kernel.quantize(source, rows: rows, columns: columns, threads: 3)
            #expect(one == two)
            #expect(one == three)
            #expect(kernel.dequantize(one, threads: 1) == kernel.dequantize(one, threads: 2))
        }
    }

    /// Covered: compute float32 with the schemes and granularities listed in the kernel's
    /// documentation. Everything else keeps the soft-float path.
    @Test func eligibility() {
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .absmax)) != nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .absmax, compute: .float16)) == nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .absmax, compute: .bfloat16)) == nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .absmax, granularity: .column)) == nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .nf4, doubleQuantization: true)) == nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .nf4, convention: .bitsandbytes)) == nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .fp4Bitsandbytes)) != nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .fp4Bitsandbytes, convention: .bitsandbytes)) == nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .scaledFloat(.float8_e4m3fn))) == nil)
        #expect(Float32QuantizeKernel(configuration: .init(
            scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 128, columns: 128), convention: .deepseek)) == nil)
        #expect(Float32QuantizeKernel(configuration: .init(
            scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 1, columns: 128), convention: .deepseek)) != nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .mx(.int8))) == nil)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .absmax, bits: 1)) == nil)  // invalid
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .mx(.e4m3)))?.scaleFormat == .float8_e8m0fnu)
        #expect(Float32QuantizeKernel(configuration: .init(scheme: .zeroPoint, bits: 12))?.elementBytes == 2)
    }

    /// The non-finite error names the first NaN, as the soft path's cast does.
    @Test func nonFiniteInputIsAnError() throws {
        let kernel = try #require(Float32QuantizeKernel(configuration: .init(scheme: .zeroPoint, granularity: .row)))
        let bits: [UInt32] = [0x3f80_0000, 0x4000_0000, 0x7fc0_0000, 0x3f80_0000]
        #expect(throws: QuantizationError.nonFiniteInput(
            row: 1, column: 0, value: "nan",
            reason: "is not finite; this kernel needs finite inputs (only the MX schemes define NaN and ±inf: the block decodes to NaN)")
        ) {
            try bits.withUnsafeBufferPointer { try kernel.quantize($0, rows: 2, columns: 2) }
        }
    }

    /// The self-check finds a corrupted element, scale or x̂, and accepts the real output.
    @Test(arguments: [
        QuantizationConfiguration(scheme: .absmax, granularity: .tensor),
        QuantizationConfiguration(scheme: .zeroPoint, granularity: .row),
        QuantizationConfiguration(scheme: .mx(.e4m3)),
    ])
    func selfCheckCatchesCorruption(_ configuration: QuantizationConfiguration) throws {
        let kernel = try #require(Float32QuantizeKernel(configuration: configuration))
        let matrix = Self.matrices(seed: 3, allowsNonFinite: false)[0]
        try matrix.bits.withUnsafeBufferPointer { source in
            let output = try kernel.quantize(source, rows: matrix.rows, columns: matrix.columns)
            let xhat = kernel.dequantize(output)
            func check(_ output: Float32QuantizeOutput, _ xhat: [UInt32]) -> String? {
                xhat.withUnsafeBufferPointer { kernel.firstMismatch(input: source, output: output, dequantized: $0, sampleRows: [1]) }
            }
            #expect(check(output, xhat) == nil)
            var element = output
            element.elements[matrix.columns + 2] ^= 1
            #expect(check(element, xhat) != nil)
            var scale = output
            scale.scales[output.scales.count == 1 ? 0 : output.scales.count / matrix.rows] ^= 1  // row 1's first group
            #expect(check(scale, xhat) != nil)
            var dequantized = xhat
            dequantized[matrix.columns + 5] ^= 1
            #expect(check(output, dequantized) != nil)
        }
    }

    /// The magic-number rounding is round-half-even on ties and exact elsewhere.
    @Test func magicNumberRounding() {
        let values: [Float] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, -3.5, 127.5, -128.5, 0.49999997, 65535.5, 4194303.5, -4194304]
        for value in values {
            #expect(Float32Bits.roundedInteger(value) == Int32(value.rounded(.toNearestOrEven)), "\(value)")
        }
    }
}
