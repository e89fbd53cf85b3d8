/// The facts of one format or integer type as text cells named by column: the one row builder
/// behind `precision-lab formats` and `Reports/formats*.csv`, which each pick their columns.
///
/// Floating-point values are the shortest decimal that rounds back to the float64 value
/// (``FloatFormat/shortestDecimal(_:)``: `65504.0`, `3.3895313892515355e+38`, `1e-05`);
/// integers are exact; `max_exact` is the exact decimal expansion of the largest finite code.
///
///     let row = FormatPropertyRow(.float8_e4m3fn)
///     row["max"]          // "448.0" = 1.75 × 2^8
///     row["eps"]          // "0.125" = 2^-3
///     row["nan_encoding"] // "0x7f,0xff"
///     row["min"]          // "-448.0" (finfo's min; iinfo's for integer types)
///     row["maxexp"]       // "9": 448 < 2^9, as numpy and ml_dtypes count
///     FormatPropertyRow(.int8)["min"]   // "-128"
public struct FormatPropertyRow: Sendable, Hashable {
    /// Every column a floating-point format fills, in the order of `Reports/formats.csv`.
    public static let floatingPointColumns = [
        "name", "bits", "sign_bits", "exponent_bits", "mantissa_bits", "bias", "nonfinite", "eps", "max", "max_exact",
        "lowest", "smallest_normal", "smallest_subnormal", "resolution", "decimal_digits", "min_exponent",
        "max_exponent", "inf_encoding", "nan_encoding",
    ]

    /// The columns named as numpy's and ml_dtypes' `finfo` names them, valued as they compute
    /// them (`resolution` is among ``floatingPointColumns``; `min` is finfo's −max, and the
    /// integer types' iinfo min): `precision`, `epsneg`, `machep`, `negep`, `minexp`, `maxexp`,
    /// `nexp`, `nmant`, `iexp`, `tiny`, `min`.
    public static let finfoColumns = ["precision", "epsneg", "machep", "negep", "minexp", "maxexp", "nexp", "nmant", "iexp", "tiny", "min"]

    /// Every column an integer type fills, in the order of `Reports/formats-integers.csv`.
    public static let integerColumns = ["name", "bits", "signed", "min", "max"]

    /// The cells by column name.
    public let cells: [String: String]

    /// The row of a floating-point format: every column of ``floatingPointColumns``.
    public init(_ format: FloatFormat) {
        let info = FormatProperties(format)
        func decimal(_ value: Double) -> String { FloatFormat.float64.shortestDecimal(value.bitPattern) }
        let nonFinite: String
        switch format.nonFinite {
        case .ieee: nonFinite = "ieee: ±inf and NaNs"
        case .nanAllOnes: nonFinite = "fn: NaN only (all ones), no inf"
        case .nanNegativeZero: nonFinite = "fnuz: NaN is the −0 code, no inf"
        case .finiteOnly: nonFinite = "finite only: no inf, no NaN"
        }
        cells = [
            "name": format.name,
            "bits": String(format.bitWidth),
            "sign_bits": format.isSigned ? "1" : "0",
            "exponent_bits": String(format.exponentBits),
            "mantissa_bits": String(format.mantissaBits),
            "bias": String(format.bias),
            "nonfinite": nonFinite,
            "eps": decimal(info.eps),
            "max": decimal(info.max),
            "max_exact": format.exactDecimal(format.maxFiniteBits),
            "lowest": decimal(info.lowest),
            "smallest_normal": decimal(info.smallestNormal),
            "smallest_subnormal": decimal(info.smallestSubnormal),
            "resolution": decimal(info.storedResolution),
            "decimal_digits": String(info.decimalDigits),
            "min_exponent": String(info.minExponent),
            "max_exponent": String(info.maxExponent),
            "inf_encoding": info.infinityEncoding,
            "nan_encoding": info.nanEncoding,
            "precision": String(info.precision),
            "epsneg": decimal(info.epsneg),
            "machep": String(info.machep),
            "negep": String(info.negep),
            "minexp": String(info.minExponent),
            "maxexp": String(info.maxexp),
            "nexp": String(format.exponentBits),
            "nmant": String(format.mantissaBits),
            "iexp": String(format.exponentBits),
            "tiny": decimal(info.smallestNormal),
            "min": decimal(info.lowest),
        ]
    }

    /// The row of an integer type: every column of ``integerColumns``.
    public init(_ type: IntegerFormat) {
        cells = [
            "name": type.name, "bits": String(type.bits), "signed": type.isSigned ? "yes" : "no",
            "min": String(type.min), "max": String(type.max),
        ]
    }

    /// The cell of `column`, or the empty string for a column this kind of row does not have.
    public subscript(column: String) -> String { cells[column] ?? "" }

    /// The cells of `columns`, in order (empty strings for columns this row does not have).
    public func cells(_ columns: [String]) -> [String] { columns.map { self[$0] } }
}
