extension FloatFormat {
    // The public operations' entry to ``ScalarFastPath``: nil when the options are not the
    // standard ones (nearest-even, default overflow, gradual underflow) or the layout has no
    // fast path, and the engine answers. One test of the options and one of the stored tag.

    @inline(__always)
    func scalarFastAdd(_ a: UInt64, _ b: UInt64, negateB: Bool, options: RoundingOptions) -> Rounded? {
        guard options.isStandard else { return nil }
        switch scalarLayout {
        case .none: return nil
        case .float16: return ScalarFastPath.add(Float16Layout.self, a, b, negateB: negateB)
        case .float32: return ScalarFastPath.add(Float32Layout.self, a, b, negateB: negateB)
        case .bfloat16: return ScalarFastPath.add(BFloat16Layout.self, a, b, negateB: negateB)
        case .float8_e5m2: return ScalarFastPath.add(Float8E5M2Layout.self, a, b, negateB: negateB)
        case .float8_e4m3fn: return ScalarFastPath.add(Float8E4M3FNLayout.self, a, b, negateB: negateB)
        }
    }

    @inline(__always)
    func scalarFastMultiply(_ a: UInt64, _ b: UInt64, options: RoundingOptions) -> Rounded? {
        guard options.isStandard else { return nil }
        switch scalarLayout {
        case .none: return nil
        case .float16: return ScalarFastPath.multiply(Float16Layout.self, a, b)
        case .float32: return ScalarFastPath.multiply(Float32Layout.self, a, b)
        case .bfloat16: return ScalarFastPath.multiply(BFloat16Layout.self, a, b)
        case .float8_e5m2: return ScalarFastPath.multiply(Float8E5M2Layout.self, a, b)
        case .float8_e4m3fn: return ScalarFastPath.multiply(Float8E4M3FNLayout.self, a, b)
        }
    }

    @inline(__always)
    func scalarFastDivide(_ a: UInt64, _ b: UInt64, options: RoundingOptions) -> Rounded? {
        guard options.isStandard else { return nil }
        switch scalarLayout {
        case .none: return nil
        case .float16: return ScalarFastPath.divide(Float16Layout.self, a, b)
        case .float32: return ScalarFastPath.divide(Float32Layout.self, a, b)
        case .bfloat16: return ScalarFastPath.divide(BFloat16Layout.self, a, b)
        case .float8_e5m2: return ScalarFastPath.divide(Float8E5M2Layout.self, a, b)
        case .float8_e4m3fn: return ScalarFastPath.divide(Float8E4M3FNLayout.self, a, b)
        }
    }

    @inline(__always)
    func scalarFastSquareRoot(_ a: UInt64, options: RoundingOptions) -> Rounded? {
        guard options.isStandard else { return nil }
        switch scalarLayout {
        case .none: return nil
        case .float16: return ScalarFastPath.squareRoot(Float16Layout.self, a)
        case .float32: return ScalarFastPath.squareRoot(Float32Layout.self, a)
        case .bfloat16: return ScalarFastPath.squareRoot(BFloat16Layout.self, a)
        case .float8_e5m2: return ScalarFastPath.squareRoot(Float8E5M2Layout.self, a)
        case .float8_e4m3fn: return ScalarFastPath.squareRoot(Float8E4M3FNLayout.self, a)
        }
    }

    @inline(__always)
    func scalarFastFusedMultiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, options: RoundingOptions) -> Rounded? {
        guard options.isStandard else { return nil }
        switch scalarLayout {
        case .none: return nil
        case .float16: return ScalarFastPath.fusedMultiplyAdd(Float16Layout.self, a, b, c)
        case .float32: return ScalarFastPath.fusedMultiplyAdd(Float32Layout.self, a, b, c)
        case .bfloat16: return ScalarFastPath.fusedMultiplyAdd(BFloat16Layout.self, a, b, c)
        case .float8_e5m2: return ScalarFastPath.fusedMultiplyAdd(Float8E5M2Layout.self, a, b, c)
        case .float8_e4m3fn: return ScalarFastPath.fusedMultiplyAdd(Float8E4M3FNLayout.self, a, b, c)
        }
    }
}
