/// The IEEE binary32 (float32) layout for ScalarFastPath: 8 exponent bits, 23 mantissa bits.
enum Float32Layout: ScalarLayout {
    @inline(__always) static var exponentBits: Int { 8 }
    @inline(__always) static var mantissaBits: Int { 23 }
    @inline(__always) static var hasInfinity: Bool { true }
    @inline(__always) static var format: FloatFormat { .float32 }
}
