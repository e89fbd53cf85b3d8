/// The bfloat16 layout for ScalarFastPath: 8 exponent bits, 7 mantissa bits.
enum BFloat16Layout: ScalarLayout {
    @inline(__always) static var exponentBits: Int { 8 }
    @inline(__always) static var mantissaBits: Int { 7 }
    @inline(__always) static var hasInfinity: Bool { true }
    @inline(__always) static var format: FloatFormat { .bfloat16 }
}
