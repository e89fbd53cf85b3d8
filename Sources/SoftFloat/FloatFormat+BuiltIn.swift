extension FloatFormat {
    // Built-in descriptors: each carries its ml_dtypes name, the one place that name is written.

    /// IEEE binary64: 1-11-52, bias 1023, max (2 − 2^-52) × 2^1023 ≈ 1.7976931348623157e308.
    public static let float64 = FloatFormat(builtIn: "float64", exponentBits: 11, mantissaBits: 52)
    /// IEEE binary32: 1-8-23, bias 127, max (2 − 2^-23) × 2^127 ≈ 3.4028234663852886e38.
    public static let float32 = FloatFormat(builtIn: "float32", exponentBits: 8, mantissaBits: 23)
    /// NVIDIA TensorFloat-32: 1-8-10 in 19 bits, float32's range with float16's precision.
    public static let tf32 = FloatFormat(builtIn: "tf32", exponentBits: 8, mantissaBits: 10)
    /// IEEE binary16: 1-5-10, bias 15, max 1.9990234375 × 2^15 = 65504.
    public static let float16 = FloatFormat(builtIn: "float16", exponentBits: 5, mantissaBits: 10)
    /// Brain float: 1-8-7, float32's range, max 1.9921875 × 2^127 ≈ 3.3895313892515355e38.
    public static let bfloat16 = FloatFormat(builtIn: "bfloat16", exponentBits: 8, mantissaBits: 7)
    /// OCP FP8 E4M3: no infinity, NaN 0x7f/0xff, max 1.75 × 2^8 = 448.
    public static let float8_e4m3fn = FloatFormat(builtIn: "float8_e4m3fn", exponentBits: 4, mantissaBits: 3, nonFinite: .nanAllOnes)
    /// OCP FP8 E5M2: IEEE-like, max 1.75 × 2^15 = 57344.
    public static let float8_e5m2 = FloatFormat(builtIn: "float8_e5m2", exponentBits: 5, mantissaBits: 2)
    /// Graphcore/AMD FP8 E4M3 with bias 8: no infinity, no −0, NaN 0x80, max 1.875 × 2^7 = 240.
    public static let float8_e4m3fnuz = FloatFormat(builtIn: "float8_e4m3fnuz", exponentBits: 4, mantissaBits: 3, nonFinite: .nanNegativeZero)
    /// Graphcore/AMD FP8 E5M2 with bias 16: NaN 0x80, max 1.75 × 2^15 = 57344.
    public static let float8_e5m2fnuz = FloatFormat(builtIn: "float8_e5m2fnuz", exponentBits: 5, mantissaBits: 2, nonFinite: .nanNegativeZero)
    /// FP8 E4M3 with bias 11 (TPU): NaN 0x80, max 1.875 × 2^4 = 30.
    public static let float8_e4m3b11fnuz = FloatFormat(builtIn: "float8_e4m3b11fnuz", exponentBits: 4, mantissaBits: 3, bias: 11, nonFinite: .nanNegativeZero)
    /// FP8 E3M4, IEEE-like with bias 3: max 1.9375 × 2^3 = 15.5.
    public static let float8_e3m4 = FloatFormat(builtIn: "float8_e3m4", exponentBits: 3, mantissaBits: 4)
    /// FP8 E4M3, IEEE-like with bias 7: max 1.875 × 2^7 = 240.
    public static let float8_e4m3 = FloatFormat(builtIn: "float8_e4m3", exponentBits: 4, mantissaBits: 3)
    /// OCP MX scale E8M0: unsigned, no zero, no mantissa; 0x00 = 2^-127, 0xfe = 2^127, NaN 0xff.
    ///
    /// With a one-bit significand every value is a power of two, and each rounding mode does
    /// this to an x between 2^k and 2^(k+1):
    /// - `nearestEven`, `nearestAway`: the nearer power, the linear midpoint 1.5 × 2^k going up
    ///   (both neighbors have the odd significand 1, so "even" cannot break the tie; this is
    ///   also what ml_dtypes does: 1.5 → 2, 3 → 4);
    /// - `towardZero`, `down`, `odd`: 2^k (`odd` sets the last bit, which is already 1);
    /// - `up`: 2^(k+1); `stochastic`: 2^(k+1) with probability (x − 2^k) / 2^k.
    /// Values below 2^-127 become 0x00 (2^-127) in every mode, since there is no zero (with
    /// `underflow` when they stay below 2^-127 after rounding to one bit); zero, negative values and NaN become NaN 0xff with `invalid`; values that round
    /// above 2^127 overflow to NaN (or 2^127 under `saturate` and the max-finite modes).
    public static let float8_e8m0fnu = FloatFormat(builtIn: "float8_e8m0fnu", exponentBits: 8, mantissaBits: 0, nonFinite: .nanAllOnes, isSigned: false, hasZero: false)
    /// OCP FP6 E2M3: finite only, max 1.875 × 2^2 = 7.5.
    public static let float6_e2m3fn = FloatFormat(builtIn: "float6_e2m3fn", exponentBits: 2, mantissaBits: 3, nonFinite: .finiteOnly)
    /// OCP FP6 E3M2: finite only, max 1.75 × 2^4 = 28.
    public static let float6_e3m2fn = FloatFormat(builtIn: "float6_e3m2fn", exponentBits: 3, mantissaBits: 2, nonFinite: .finiteOnly)
    /// OCP FP4 E2M1: finite only, values ±{0, 0.5, 1, 1.5, 2, 3, 4, 6}.
    public static let float4_e2m1fn = FloatFormat(builtIn: "float4_e2m1fn", exponentBits: 2, mantissaBits: 1, nonFinite: .finiteOnly)

    /// Every built-in format, widest first, in the order tables print them.
    public static let builtIn: [FloatFormat] = [
        float64, float32, tf32, float16, bfloat16,
        float8_e4m3fn, float8_e5m2, float8_e4m3fnuz, float8_e5m2fnuz, float8_e4m3b11fnuz,
        float8_e3m4, float8_e4m3, float8_e8m0fnu, float6_e2m3fn, float6_e3m2fn, float4_e2m1fn,
    ]

    /// The names of the built-in formats, in ``builtIn`` order.
    @available(*, deprecated, message: "read the name from the descriptor: FloatFormat.builtIn.map(\\.name)")
    public static var builtInNames: [String] { builtIn.map(\.name) }

    /// The canonical name: the ml_dtypes name of a built-in layout (a user-defined `e5m10` is
    /// `float16`), otherwise `eXmY` with its `fn`/`fnuz`/`fo` suffix and a non-default bias.
    ///
    ///     try FloatFormat.named("e6m9").name            // "e6m9"
    ///     try FloatFormat.named("e5m2:bias=16").name    // "e5m2:bias=16"
    ///
    /// The bias is also spelled out when the bare spelling is a built-in's short name that
    /// means another format: a NaN-at-all-ones e2m3 is `e2m3fn:bias=1`, because `e2m3fn` is
    /// the finite-only float6_e2m3fn (see ``named(_:)``). So `named(format.name) == format`.
    public var name: String {
        if let builtInName { return builtInName.description }
        let layout = "e\(exponentBits)m\(mantissaBits)" + nonFinite.nameSuffix
        let defaultBias = nonFinite == .nanNegativeZero ? 1 << (exponentBits - 1) : (1 << (exponentBits - 1)) - 1
        if bias != defaultBias || Self.builtIn(shortName: layout) != nil { return layout + ":bias=\(bias)" }
        return layout
    }

    /// Short aliases accepted wherever a format name is.
    public static let aliases: [String: String] = [
        "fp64": "float64", "fp32": "float32", "fp16": "float16", "bf16": "bfloat16",
    ]
}
