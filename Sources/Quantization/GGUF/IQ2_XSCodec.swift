/// IQ2_XS: a dequantize-only lattice type here; the decoder is ``LatticeDequantizer/iq2xs(_:count:into:)``.
/// Quantizing is refused before this codec is reached (``GGUFType/canQuantize``).
enum IQ2_XSCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        preconditionFailure("IQ2_XS has no quantizer; GGUFCodec.quantize refuses it first")
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq2xs(blocks, count: count, into: y)
    }
}
