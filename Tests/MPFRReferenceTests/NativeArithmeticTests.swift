import MPFRReference
import SoftFloat
import Testing

/// The oracle against the hardware's own IEEE arithmetic in round-to-nearest-even: Double and
/// Float (SSE on x86_64), and Float16, whose +, −, ×, ÷ and √ Swift computes in Float and
/// rounds back — correct for those operations because 24 ≥ 2 × 11 + 2 (no double-rounding
/// error). NaN results are compared for NaN-ness only.
@Suite struct NativeArithmeticTests {
    static let casesPerOperation = 1500

    /// One native binary operation on one native type.
    struct NativeOperation: Sendable, CustomTestStringConvertible {
        var operation: ArithmeticOperation
        var format: FloatFormat
        var compute: @Sendable (UInt64, UInt64, UInt64) -> UInt64
        var testDescription: String { "\(format.name) \(operation)" }
    }

    static let operations: [NativeOperation] = {
        var list: [NativeOperation] = []
        func double(_ op: ArithmeticOperation, _ f: @escaping @Sendable (Double, Double, Double) -> Double) {
            list.append(NativeOperation(operation: op, format: .float64) { a, b, c in
                f(Double(bitPattern: a), Double(bitPattern: b), Double(bitPattern: c)).bitPattern
            })
        }
        func float(_ op: ArithmeticOperation, _ f: @escaping @Sendable (Float, Float, Float) -> Float) {
            list.append(NativeOperation(operation: op, format: .float32) { a, b, c in
                UInt64(f(Float(bitPattern: UInt32(a)), Float(bitPattern: UInt32(b)), Float(bitPattern: UInt32(c))).bitPattern)
            })
        }
        func half(_ op: ArithmeticOperation, _ f: @escaping @Sendable (Float16, Float16) -> Float16) {
            list.append(NativeOperation(operation: op, format: .float16) { a, b, _ in
                UInt64(f(Float16(bitPattern: UInt16(a)), Float16(bitPattern: UInt16(b))).bitPattern)
            })
        }
        double(.add) { a, b, _ in a + b }; double(.subtract) { a, b, _ in a - b }
        double(.multiply) { a, b, _ in a * b }; double(.divide) { a, b, _ in a / b }
        double(.squareRoot) { a, _, _ in a.squareRoot() }; double(.fusedMultiplyAdd) { a, b, c in c.addingProduct(a, b) }
        float(.add) { a, b, _ in a + b }; float(.subtract) { a, b, _ in a - b }
        float(.multiply) { a, b, _ in a * b }; float(.divide) { a, b, _ in a / b }
        float(.squareRoot) { a, _, _ in a.squareRoot() }; float(.fusedMultiplyAdd) { a, b, c in c.addingProduct(a, b) }
        half(.add) { $0 + $1 }; half(.subtract) { $0 - $1 }; half(.multiply) { $0 * $1 }; half(.divide) { $0 / $1 }
        half(.squareRoot) { a, _ in a.squareRoot() }
        return list
    }()

    @Test(arguments: operations)
    func matchesNativeArithmetic(_ native: NativeOperation) {
        let format = native.format
        var sampler = CodeSampler(format: format, seed: UInt64(format.bitWidth) << 8 | UInt64(native.operation.arity))
        var failures: [String] = []
        for _ in 0..<Self.casesPerOperation {
            let a = sampler.next()
            let b = sampler.random.next() & 3 == 0 ? sampler.near(a) : sampler.next()
            let c = sampler.random.next() & 1 == 0 ? sampler.near(a) : sampler.next()
            let operands = Array([a, b, c].prefix(native.operation.arity))
            let expected = native.compute(a, b, c)
            let observed = MPFRReference.evaluate(native.operation, operands, format: format)!.bits
            if !sameResult(expected, observed, format) {
                failures.append("\(native.operation)(\(operands.map { hex($0, format) }.joined(separator: ", "))): native \(hex(expected, format)), MPFR \(hex(observed, format))")
            }
        }
        #expect(failures.count == 0, "first mismatches: \(failures.prefix(5).joined(separator: "; "))")
    }

    /// Conversions between native types, round to nearest even: Double → Float, Double →
    /// Float16 and Float → Float16 (Swift converts directly, without an intermediate rounding),
    /// and the exact widenings back.
    @Test func matchesNativeConversions() {
        var doubles = CodeSampler(format: .float64, seed: 42)
        var floats = CodeSampler(format: .float32, seed: 43)
        var failures: [String] = []
        func check(_ bits: UInt64, _ source: FloatFormat, _ target: FloatFormat, native: UInt64) {
            let observed = MPFRReference.convert(bits: bits, from: source, to: target)!
            if !sameResult(native, observed.bits, target) {
                failures.append("\(source.name) \(hex(bits, source)) → \(target.name): native \(hex(native, target)), MPFR \(hex(observed.bits, target))")
            }
        }
        for _ in 0..<2000 {
            // Scale Double samples into the narrower ranges half the time, to hit their edges.
            var d = Double(bitPattern: doubles.next())
            if doubles.random.next() & 1 == 0 && d.isFinite { d = Double(sign: d.sign, exponent: Int(doubles.random.next() % 300) - 160, significand: d.significand) }
            let f = Float(bitPattern: UInt32(floats.next()))
            check(d.bitPattern, .float64, .float32, native: UInt64(Float(d).bitPattern))
            check(d.bitPattern, .float64, .float16, native: UInt64(Float16(d).bitPattern))
            check(UInt64(f.bitPattern), .float32, .float16, native: UInt64(Float16(f).bitPattern))
            check(UInt64(f.bitPattern), .float32, .float64, native: Double(f).bitPattern)
            let h = Float16(f)
            check(UInt64(h.bitPattern), .float16, .float32, native: UInt64(Float(h).bitPattern))
        }
        #expect(failures.count == 0, "first mismatches: \(failures.prefix(5).joined(separator: "; "))")
    }

    /// Every float16 code widened to float32 and float64 is exact, and narrowing back gives the
    /// same code; the decimal expansion matches Swift's own parse of it.
    @Test func float16CodesRoundTrip() {
        for code in UInt64(0)...0xffff {
            let half = Float16(bitPattern: UInt16(code))
            let wide = MPFRReference.convert(bits: code, from: .float16, to: .float64)!
            #expect(sameResult(wide.bits, Double(half).bitPattern, .float64), "\(hex(code, .float16))")
            guard !half.isNaN else { continue }
            #expect(wide.flags.isEmpty)
            #expect(MPFRReference.convert(bits: wide.bits, from: .float64, to: .float16)! == Rounded(bits: code))
        }
    }
}
