/// A binary floating-point format described as data: field widths, bias and how the
/// format spends its top codes on infinity and NaN.
///
/// Every format in PrecisionLab — float64 down to float4_e2m1fn and any user-defined
/// `eXmY` — is one of these descriptors; a single engine (``RoundingCore``) serves them all.
///
///     let e4m3fn = FloatFormat.float8_e4m3fn
///     // largest finite: (1 + 0b110 · 2^-3) · 2^(0b1111 − 7) = 1.75 × 2^8 = 448
///     e4m3fn.maxFiniteBits      // 0x7e
///
/// Bit layout, most significant first: an optional sign bit, `exponentBits` of biased
/// exponent, `mantissaBits` of fraction. Codes sit in the low bits of a `UInt64`.
public struct FloatFormat: Sendable {
    /// Width of the biased-exponent field.
    public let exponentBits: Int
    /// Width of the stored fraction (the precision is `mantissaBits + 1`).
    public let mantissaBits: Int
    /// Exponent bias: a normal code with biased exponent `b` has scale `2^(b − bias)`.
    public let bias: Int
    /// How the format encodes infinity and NaN, if at all.
    public let nonFinite: NonFiniteBehavior
    /// False for unsigned formats such as float8_e8m0fnu, which have no sign bit.
    public let isSigned: Bool
    /// False for formats whose all-zero exponent field is an ordinary normal binade, so that
    /// they have neither zero nor subnormals (float8_e8m0fnu: code 0x00 is 2^-127).
    public let hasZero: Bool

    // Derived values, stored once so that the rounding core reads them instead of
    // recomputing them on every call (the descriptor stays plain data: free to copy).

    /// `2^mantissaBits − 1`.
    public let mantissaMask: UInt64
    /// `2^exponentBits − 1`.
    public let exponentFieldMask: UInt64
    /// The sign bit's mask, or 0 for unsigned formats.
    public let signMask: UInt64
    /// Mask of every bit of a code: `2^bitWidth − 1`.
    public let codeMask: UInt64
    /// Mask of the magnitude bits (exponent and mantissa).
    public let magnitudeMask: UInt64
    /// The unbiased exponent of the smallest normal binade: `1 − bias` (float32: −126),
    /// or `−bias` when the format has no zero (float8_e8m0fnu: −127).
    public let minNormalExponent: Int
    /// The largest biased exponent that still holds finite values (float16 30, e4m3fn 15).
    public let maxFiniteBiasedExponent: Int
    /// The positive code of the largest finite value (float16 0x7bff = 65504; e4m3fn 0x7e = 448).
    public let maxFiniteBits: UInt64
    /// The ml_dtypes name of a built-in layout (`float8_e4m3fn`), nil for user-defined layouts,
    /// whose ``name`` is spelled from the fields. A `StaticString`, so that the descriptor stays
    /// plain data (no reference counting when the rounding core copies it).
    let builtInName: StaticString?
    /// The scalar fast path's layout for this descriptor (``ScalarLayoutTag``), found once here.
    let scalarLayout: ScalarLayoutTag

    /// Creates a descriptor after checking that the engine can represent it.
    ///
    /// The descriptor holds plain integers only, so it is free to copy in hot loops. Its
    /// ``name`` comes from the fields: a layout equal to a built-in's *is* that built-in (an
    /// `e5m10` descriptor is named `float16`), any other is spelled `eXmY…` (`name` here is
    /// only used in error messages).
    ///
    ///     try FloatFormat(name: "mine", exponentBits: 5, mantissaBits: 10).name   // "float16"
    ///     try FloatFormat(name: "mine", exponentBits: 6, mantissaBits: 9).name    // "e6m9"
    ///
    /// - Throws: ``FormatError`` naming the impossible field, for example IEEE specials
    ///   with fewer than two exponent bits, or more than 64 bits in all.
    public init(
        name: String, exponentBits: Int, mantissaBits: Int, bias: Int? = nil,
        nonFinite: NonFiniteBehavior = .ieee, isSigned: Bool = true, hasZero: Bool = true
    ) throws(FormatError) {
        try self.init(validating: name, builtInName: nil, exponentBits: exponentBits, mantissaBits: mantissaBits,
                      bias: bias, nonFinite: nonFinite, isSigned: isSigned, hasZero: hasZero)
        if let builtIn = Self.builtIn.first(where: { $0 == self }) { self = builtIn }
    }

    /// A built-in descriptor, named by its declaration (see `FloatFormat+BuiltIn.swift`).
    /// `try!` is safe: each built-in passes the checks, and a test constructs every one.
    init(
        builtIn name: StaticString, exponentBits: Int, mantissaBits: Int, bias: Int? = nil,
        nonFinite: NonFiniteBehavior = .ieee, isSigned: Bool = true, hasZero: Bool = true
    ) {
        try! self.init(validating: name.description, builtInName: name, exponentBits: exponentBits,
                       mantissaBits: mantissaBits, bias: bias, nonFinite: nonFinite, isSigned: isSigned, hasZero: hasZero)
    }

    private init(
        validating name: String, builtInName: StaticString?, exponentBits: Int, mantissaBits: Int, bias: Int?,
        nonFinite: NonFiniteBehavior, isSigned: Bool, hasZero: Bool
    ) throws(FormatError) {
        guard (1...11).contains(exponentBits) else {
            throw .invalid(name, "exponent bits must be between 1 and 11, got \(exponentBits)")
        }
        guard (0...52).contains(mantissaBits) else {
            throw .invalid(name, "mantissa bits must be between 0 and 52, got \(mantissaBits)")
        }
        let width = (isSigned ? 1 : 0) + exponentBits + mantissaBits
        guard width <= 64 else {
            throw .invalid(name, "\(width) bits in all; the engine supports at most 64")
        }
        if nonFinite == .ieee {
            guard exponentBits >= 2 else {
                throw .invalid(name, "IEEE infinities and NaNs need at least 2 exponent bits (the all-ones exponent is reserved)")
            }
            guard mantissaBits >= 1 else {
                throw .invalid(name, "IEEE NaNs need at least 1 mantissa bit to differ from infinity")
            }
        }
        if nonFinite == .nanNegativeZero && !isSigned {
            throw .invalid(name, "the fnuz NaN is the negative-zero code, so the format needs a sign bit")
        }
        if nonFinite == .nanAllOnes && exponentBits == 1 && mantissaBits == 0 {
            throw .invalid(name, "e1m0fn has no finite nonzero value")
        }
        let defaultBias = nonFinite == .nanNegativeZero ? 1 << (exponentBits - 1) : (1 << (exponentBits - 1)) - 1
        let chosenBias = bias ?? defaultBias
        guard abs(chosenBias) <= 1 << 14 else {
            throw .invalid(name, "bias \(chosenBias) is out of the supported range ±16384")
        }
        self.exponentBits = exponentBits
        self.mantissaBits = mantissaBits
        self.bias = chosenBias
        self.nonFinite = nonFinite
        self.isSigned = isSigned
        self.hasZero = hasZero
        self.builtInName = builtInName
        scalarLayout = .of(exponentBits: exponentBits, mantissaBits: mantissaBits, bias: chosenBias, nonFinite: nonFinite,
                           isSigned: isSigned, hasZero: hasZero)
        mantissaMask = (1 << UInt64(mantissaBits)) &- 1
        exponentFieldMask = (1 << UInt64(exponentBits)) &- 1
        signMask = isSigned ? 1 << UInt64(exponentBits + mantissaBits) : 0
        codeMask = width == 64 ? .max : (1 << UInt64(width)) - 1
        magnitudeMask = codeMask & ~signMask
        minNormalExponent = hasZero ? 1 - chosenBias : -chosenBias
        let allOnes = (1 << exponentBits) - 1
        switch nonFinite {
        case .ieee: maxFiniteBiasedExponent = allOnes - 1
        case .nanAllOnes: maxFiniteBiasedExponent = mantissaBits > 0 ? allOnes : allOnes - 1
        case .nanNegativeZero, .finiteOnly: maxFiniteBiasedExponent = allOnes
        }
        // fn formats give up the all-ones mantissa of the top binade to NaN (e4m3fn: 1.75 × 2^8).
        let topMantissa = nonFinite == .nanAllOnes && mantissaBits > 0 ? mantissaMask - 1 : mantissaMask
        maxFiniteBits = UInt64(maxFiniteBiasedExponent) << UInt64(mantissaBits) | topMantissa
        guard maxFiniteBiasedExponent >= 0, minNormalExponent <= maxExponent else {
            throw .invalid(name, "no finite normal value remains")
        }
    }

    /// Total storage width: sign + exponent + mantissa (19 for tf32, 4 for float4_e2m1fn).
    @inlinable public var bitWidth: Int { (isSigned ? 1 : 0) + exponentBits + mantissaBits }
    /// Significand precision in bits, counting the implicit leading one (24 for float32).
    @inlinable public var precision: Int { mantissaBits + 1 }



    /// The unbiased exponent of the largest finite binade (float16: 15; float8_e4m3fn: 8).
    @inlinable public var maxExponent: Int { maxFiniteBiasedExponent - bias }

    /// The code of +infinity, if the format has one.
    @inlinable public var infinityBits: UInt64? {
        nonFinite == .ieee ? exponentFieldMask << UInt64(mantissaBits) : nil
    }

    /// The canonical NaN code, if the format has NaN: quiet NaN with a clear sign for IEEE
    /// (float32 0x7fc00000), all ones for `fn` (0x7f), the negative-zero code for `fnuz` (0x80).
    @inlinable public var nanBits: UInt64? {
        switch nonFinite {
        case .ieee: return exponentFieldMask << UInt64(mantissaBits) | 1 << UInt64(mantissaBits - 1)
        case .nanAllOnes: return magnitudeMask
        case .nanNegativeZero: return signMask
        case .finiteOnly: return nil
        }
    }

    /// True when the format can encode infinity.
    @inlinable public var hasInfinity: Bool { nonFinite == .ieee }
    /// True when the format can encode NaN.
    @inlinable public var hasNaN: Bool { nonFinite != .finiteOnly }
    /// True when the format can encode −0 (IEEE and fn signed formats).
    @inlinable public var hasNegativeZero: Bool { isSigned && hasZero && nonFinite != .nanNegativeZero }
}
