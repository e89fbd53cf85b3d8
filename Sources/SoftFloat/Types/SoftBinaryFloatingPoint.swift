/// A soft float type in an IEEE-754-encoded format — with ±infinity and NaNs — that can
/// therefore honestly conform to `BinaryFloatingPoint`, so generic numeric code works on it.
///
///     func mean<T: BinaryFloatingPoint>(_ values: [T]) -> T {
///         values.reduce(0, +) / T(values.count)
///     }
///     mean([BFloat16(1), 2, 4])   // 2.328125: 7/3 rounded to bfloat16's 8 bits
///
/// `Float(x)` and `Double(x)` work through the standard library's generic conversion, and
/// `T(x)` from any `BinaryFloatingPoint` rounds once from the source's exact value.
/// The formats must use the IEEE bias 2^(exponentBits − 1) − 1, which the standard library's
/// generic algorithms assume; a format with a custom bias can still use ``SoftFloatingPoint``.
public protocol SoftBinaryFloatingPoint: SoftFloatingPoint, BinaryFloatingPoint
where RawSignificand == UInt64, RawExponent == UInt, Exponent == Int, Stride == Self,
      IntegerLiteralType == Int64, FloatLiteralType == Double
{}
