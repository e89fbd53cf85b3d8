/// The IEEE binary16 (float16) layout for ScalarFastPath: 5 exponent bits, 10 mantissa bits.
enum Float16Layout: ScalarLayout {
    @inline(__always) static var exponentBits: Int { 5 }
    @inline(__always) static var mantissaBits: Int { 10 }
    @inline(__always) static var hasInfinity: Bool { true }
    @inline(__always) static var format: FloatFormat { .float16 }
}
