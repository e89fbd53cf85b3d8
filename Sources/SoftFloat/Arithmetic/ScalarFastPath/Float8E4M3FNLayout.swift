/// The float8_e4m3fn (no infinity, NaN 0x7f/0xff) layout for ScalarFastPath: 4 exponent bits, 3 mantissa bits.
enum Float8E4M3FNLayout: ScalarLayout {
    @inline(__always) static var exponentBits: Int { 4 }
    @inline(__always) static var mantissaBits: Int { 3 }
    @inline(__always) static var hasInfinity: Bool { false }
    @inline(__always) static var format: FloatFormat { .float8_e4m3fn }
}
