extension FloatFormat {
    /// How far this format's codes sit inside a float32 bit pattern, for the formats that are
    /// float32 with low mantissa bits dropped (what NVIDIA and torch users see in registers and
    /// tensors): tf32 13, bfloat16 16; nil for every other format.
    ///
    ///     FloatFormat.tf32.float32ContainerShift       // 13: tf32 0x1f555 is float32 0x3eaaa000 (1/3)
    ///     FloatFormat.bfloat16.float32ContainerShift   // 16: bfloat16 0x3eab is 0x3eab0000
    public var float32ContainerShift: Int? {
        guard isSigned, hasZero, exponentBits == 8, bias == 127, mantissaBits < 23, nonFinite == .ieee else { return nil }
        return 23 - mantissaBits
    }
}
