extension FloatFormat {
    // The public operations' dispatch: under the standard options (nearest-even, default
    // overflow, gradual underflow) a layout with a scalar fast path (``scalarLayout``) goes
    // to ``ScalarFastPath``'s function for it, everything else to the engine. One test of the
    // options, one jump on the stored tag, then a tail call.

    @inline(always)
    func dispatchAdd(_ a: UInt64, _ b: UInt64, negateB: Bool, options: RoundingOptions, random: UInt64) -> Rounded {
        if options.isStandard {
            switch scalarLayout {
            case .none: break
            case .float16: return negateB ? ScalarFastPath.subtract(Float16Layout.self, a, b) : ScalarFastPath.add(Float16Layout.self, a, b)
            case .float32: return negateB ? ScalarFastPath.subtract(Float32Layout.self, a, b) : ScalarFastPath.add(Float32Layout.self, a, b)
            case .bfloat16: return negateB ? ScalarFastPath.subtract(BFloat16Layout.self, a, b) : ScalarFastPath.add(BFloat16Layout.self, a, b)
            case .float8_e5m2: return negateB ? ScalarFastPath.subtract(Float8E5M2Layout.self, a, b) : ScalarFastPath.add(Float8E5M2Layout.self, a, b)
            case .float8_e4m3fn: return negateB ? ScalarFastPath.subtract(Float8E4M3FNLayout.self, a, b) : ScalarFastPath.add(Float8E4M3FNLayout.self, a, b)
            }
        }
        return engineAdd(a, b, negateB: negateB, options: options, random: random)
    }

    @inline(always)
    func dispatchMultiply(_ a: UInt64, _ b: UInt64, options: RoundingOptions, random: UInt64) -> Rounded {
        if options.isStandard {
            switch scalarLayout {
            case .none: break
            case .float16: return ScalarFastPath.multiply(Float16Layout.self, a, b)
            case .float32: return ScalarFastPath.multiply(Float32Layout.self, a, b)
            case .bfloat16: return ScalarFastPath.multiply(BFloat16Layout.self, a, b)
            case .float8_e5m2: return ScalarFastPath.multiply(Float8E5M2Layout.self, a, b)
            case .float8_e4m3fn: return ScalarFastPath.multiply(Float8E4M3FNLayout.self, a, b)
            }
        }
        return engineMultiply(a, b, options: options, random: random)
    }

    @inline(always)
    func dispatchDivide(_ a: UInt64, _ b: UInt64, options: RoundingOptions, random: UInt64) -> Rounded {
        if options.isStandard {
            switch scalarLayout {
            case .none: break
            case .float16: return ScalarFastPath.divide(Float16Layout.self, a, b)
            case .float32: return ScalarFastPath.divide(Float32Layout.self, a, b)
            case .bfloat16: return ScalarFastPath.divide(BFloat16Layout.self, a, b)
            case .float8_e5m2: return ScalarFastPath.divide(Float8E5M2Layout.self, a, b)
            case .float8_e4m3fn: return ScalarFastPath.divide(Float8E4M3FNLayout.self, a, b)
            }
        }
        return engineDivide(a, b, options: options, random: random)
    }

    @inline(always)
    func dispatchSquareRoot(_ a: UInt64, options: RoundingOptions, random: UInt64) -> Rounded {
        if options.isStandard {
            switch scalarLayout {
            case .none: break
            case .float16: return ScalarFastPath.squareRoot(Float16Layout.self, a)
            case .float32: return ScalarFastPath.squareRoot(Float32Layout.self, a)
            case .bfloat16: return ScalarFastPath.squareRoot(BFloat16Layout.self, a)
            case .float8_e5m2: return ScalarFastPath.squareRoot(Float8E5M2Layout.self, a)
            case .float8_e4m3fn: return ScalarFastPath.squareRoot(Float8E4M3FNLayout.self, a)
            }
        }
        return engineSquareRoot(a, options: options, random: random)
    }

    @inline(always)
    func dispatchFusedMultiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, options: RoundingOptions, random: UInt64) -> Rounded {
        if options.isStandard {
            switch scalarLayout {
            case .none: break
            case .float16: return ScalarFastPath.fusedMultiplyAdd(Float16Layout.self, a, b, c)
            case .float32: return ScalarFastPath.fusedMultiplyAdd(Float32Layout.self, a, b, c)
            case .bfloat16: return ScalarFastPath.fusedMultiplyAdd(BFloat16Layout.self, a, b, c)
            case .float8_e5m2: return ScalarFastPath.fusedMultiplyAdd(Float8E5M2Layout.self, a, b, c)
            case .float8_e4m3fn: return ScalarFastPath.fusedMultiplyAdd(Float8E4M3FNLayout.self, a, b, c)
            }
        }
        return engineFusedMultiplyAdd(a, b, c, options: options, random: random)
    }
}
