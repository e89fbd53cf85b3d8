import SoftFloat

/// The element type of an OCP MX v1.0 block format (32 elements sharing one E8M0 scale).
///
/// `emax` is the exponent of the element type's largest normal binade; the shared scale is
/// X = 2^(floor(log2 amax) − emax), which puts the block's largest magnitude in the element
/// type's top binade:
///
///     MXElement.e4m3.emax   // 8:  max 448 = 1.75 × 2^8
///     MXElement.e2m1.emax   // 2:  max 6 = 1.5 × 2^2
///     MXElement.int8.emax   // 0:  max 1.984375 = 127 × 2^-6
public enum MXElement: String, Sendable, Hashable, CaseIterable {
    /// MXFP8 E4M3 (float8_e4m3fn).
    case e4m3
    /// MXFP8 E5M2 (float8_e5m2).
    case e5m2
    /// MXFP6 E2M3 (float6_e2m3fn).
    case e2m3
    /// MXFP6 E3M2 (float6_e3m2fn).
    case e3m2
    /// MXFP4 E2M1 (float4_e2m1fn).
    case e2m1
    /// MXINT8: two's-complement int8 with an implicit scale of 2^-6.
    case int8

    /// The element's float format, or nil for MXINT8.
    public var format: FloatFormat? {
        switch self {
        case .e4m3: return .float8_e4m3fn
        case .e5m2: return .float8_e5m2
        case .e2m3: return .float6_e2m3fn
        case .e3m2: return .float6_e3m2fn
        case .e2m1: return .float4_e2m1fn
        case .int8: return nil
        }
    }

    /// emax_elem from the OCP MX v1.0 table: 8, 15, 2, 4, 2, 0.
    public var emax: Int {
        switch self {
        case .e4m3: return 8
        case .e5m2: return 15
        case .e2m3: return 2
        case .e3m2: return 4
        case .e2m1: return 2
        case .int8: return 0
        }
    }

    /// Storage bits per element.
    public var bitWidth: Int { format?.bitWidth ?? 8 }
}
