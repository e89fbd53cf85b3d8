#if arch(x86_64) && canImport(Glibc)
import Glibc
import MPFRReference
import SoftFloat
import Testing

/// The oracle against x86-64 SSE in all four IEEE rounding directions, flags included. SSE
/// detects tininess after rounding and raises underflow only when the result is also inexact
/// (with the exception masked) — the convention ``FloatFlags`` documents. The rounding mode
/// and exception flags are per-thread, and each sample sets, uses and restores them inside one
/// unoptimised function, so the compiler cannot move the arithmetic across the mode switch.
@Suite struct HardwareRoundingTests {
    static let casesPerOperation = 600

    struct HardwareCase: Sendable, CustomTestStringConvertible {
        var operation: ArithmeticOperation?   // nil: conversion float64 → float32
        var format: FloatFormat
        var rounding: RoundingMode
        var testDescription: String { "\(format.name) \(operation.map { "\($0)" } ?? "from float64") \(rounding.rawValue)" }
    }

    static let roundings: [RoundingMode] = [.nearestEven, .towardZero, .up, .down]
    static let cases: [HardwareCase] = roundings.flatMap { rounding in
        [FloatFormat.float64, .float32].flatMap { format in
            ArithmeticOperation.correctlyRounded.map { HardwareCase(operation: $0, format: format, rounding: rounding) }
        } + [HardwareCase(operation: nil, format: .float32, rounding: rounding)]
    }

    @Test(arguments: cases)
    func matchesHardware(_ test: HardwareCase) {
        let format = test.format
        let seed = UInt64(format.bitWidth) << 16 | UInt64(Self.roundings.firstIndex(of: test.rounding)!) << 8
            | UInt64(test.operation.map { ArithmeticOperation.correctlyRounded.firstIndex(of: $0)! + 1 } ?? 0)
        var sampler = CodeSampler(format: test.operation == nil ? .float64 : format, seed: seed)
        var failures: [String] = []
        for _ in 0..<Self.casesPerOperation {
            let a = sampler.next()
            let b = sampler.random.next() & 3 == 0 ? sampler.near(a) : sampler.next()
            let c = sampler.random.next() & 1 == 0 ? sampler.near(a) : sampler.next()
            let native: (bits: UInt64, flags: FloatFlags)
            let expected: Rounded
            let label: String
            if let operation = test.operation {
                let operands = Array([a, b, c].prefix(operation.arity))
                native = Hardware.evaluate(operation, operands, format: format, rounding: test.rounding)
                expected = MPFRReference.evaluate(operation, operands, format: format, rounding: test.rounding)!
                label = "\(operation)(\(operands.map { hex($0, format) }.joined(separator: ", ")))"
            } else {
                native = Hardware.narrow(a, rounding: test.rounding)
                expected = MPFRReference.convert(bits: a, from: .float64, to: .float32, rounding: test.rounding)!
                label = "float32(\(hex(a, .float64)))"
            }
            if !sameResult(native.bits, expected.bits, format) || native.flags != expected.flags {
                failures.append("\(label): hardware \(hex(native.bits, format)) [\(native.flags)], MPFR \(hex(expected.bits, format)) [\(expected.flags)]")
            }
        }
        #expect(failures.count == 0, "first mismatches: \(failures.prefix(5).joined(separator: "; "))")
    }
}

/// Native arithmetic under a chosen rounding mode, with the exception flags it raised.
enum Hardware {
    static let invalid: Int32 = FE_INVALID
    static let divideByZero: Int32 = FE_DIVBYZERO
    static let overflow: Int32 = FE_OVERFLOW
    static let underflow: Int32 = FE_UNDERFLOW
    static let inexact: Int32 = FE_INEXACT
    static let nearest: Int32 = FE_TONEAREST
    static let allExceptions = invalid | divideByZero | overflow | underflow | inexact

    static func mode(_ rounding: RoundingMode) -> Int32 {
        switch rounding {
        case .towardZero: let mode: Int32 = FE_TOWARDZERO; return mode
        case .up: let mode: Int32 = FE_UPWARD; return mode
        case .down: let mode: Int32 = FE_DOWNWARD; return mode
        default: return nearest
        }
    }

    static func flags(_ raised: Int32) -> FloatFlags {
        var flags: FloatFlags = []
        if raised & invalid != 0 { flags.insert(.invalid) }
        if raised & divideByZero != 0 { flags.insert(.divideByZero) }
        if raised & overflow != 0 { flags.insert(.overflow) }
        if raised & underflow != 0 { flags.insert(.underflow) }
        if raised & inexact != 0 { flags.insert(.inexact) }
        return flags
    }

    static func evaluate(_ operation: ArithmeticOperation, _ operands: [UInt64], format: FloatFormat, rounding: RoundingMode) -> (bits: UInt64, flags: FloatFlags) {
        let padded = operands + Array(repeating: 0, count: 3 - operands.count)
        let raised: Int32
        let bits: UInt64
        if format == .float64 {
            var result = 0.0
            raised = double(operation, Double(bitPattern: padded[0]), Double(bitPattern: padded[1]), Double(bitPattern: padded[2]), mode(rounding), &result)
            bits = result.bitPattern
        } else {
            var result: Float = 0
            raised = float(operation, Float(bitPattern: UInt32(padded[0])), Float(bitPattern: UInt32(padded[1])), Float(bitPattern: UInt32(padded[2])), mode(rounding), &result)
            bits = UInt64(result.bitPattern)
        }
        return (bits, flags(raised))
    }

    static func narrow(_ bits: UInt64, rounding: RoundingMode) -> (bits: UInt64, flags: FloatFlags) {
        var result: Float = 0
        let raised = narrow(Double(bitPattern: bits), mode(rounding), &result)
        return (UInt64(result.bitPattern), flags(raised))
    }

    @inline(never) @_optimize(none)
    static func double(_ operation: ArithmeticOperation, _ a: Double, _ b: Double, _ c: Double, _ mode: Int32, _ result: inout Double) -> Int32 {
        fesetround(mode)
        feclearexcept(allExceptions)
        switch operation {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide: result = a / b
        case .fusedMultiplyAdd: result = Glibc.fma(a, b, c)
        case .squareRoot: result = a.squareRoot()
        default: preconditionFailure("not a correctly rounded operation")
        }
        let raised = fetestexcept(allExceptions)
        fesetround(nearest)
        return raised
    }

    @inline(never) @_optimize(none)
    static func float(_ operation: ArithmeticOperation, _ a: Float, _ b: Float, _ c: Float, _ mode: Int32, _ result: inout Float) -> Int32 {
        fesetround(mode)
        feclearexcept(allExceptions)
        switch operation {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide: result = a / b
        case .fusedMultiplyAdd: result = Glibc.fmaf(a, b, c)
        case .squareRoot: result = a.squareRoot()
        default: preconditionFailure("not a correctly rounded operation")
        }
        let raised = fetestexcept(allExceptions)
        fesetround(nearest)
        return raised
    }

    @inline(never) @_optimize(none)
    static func narrow(_ a: Double, _ mode: Int32, _ result: inout Float) -> Int32 {
        fesetround(mode)
        feclearexcept(allExceptions)
        result = Float(a)
        let raised = fetestexcept(allExceptions)
        fesetround(nearest)
        return raised
    }
}
#endif
