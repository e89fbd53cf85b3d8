/// The float8_e5m2 layout for ScalarFastPath: 5 exponent bits, 2 mantissa bits.
enum Float8E5M2Layout: ScalarLayout {
    @inline(__always) static var exponentBits: Int { 5 }
    @inline(__always) static var mantissaBits: Int { 2 }
    @inline(__always) static var hasInfinity: Bool { true }
    @inline(__always) static var format: FloatFormat { .float8_e5m2 }
}
