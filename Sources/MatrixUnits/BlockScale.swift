import SoftFloat

/// The scales of a block-scaled instruction: one scale code per `blockSize` consecutive
/// elements of A (and of B).
///
/// `ue8m0` is float8_e8m0fnu (code 0x7f = 2^0, 0xff NaN); `ue4m3` is an e4m3fn code whose sign
/// bit the unit ignores (0x38 = 1.0, 0x7f NaN).
public struct BlockScale: Sendable, Hashable {
    public let format: FloatFormat
    public let blockSize: Int
    /// True for ue4m3: the sign bit of the code is ignored.
    public let ignoresSign: Bool

    public init(format: FloatFormat, blockSize: Int, ignoresSign: Bool) {
        self.format = format
        self.blockSize = blockSize
        self.ignoresSign = ignoresSign
    }
}
