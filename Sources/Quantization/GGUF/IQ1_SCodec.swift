/// IQ1_S: a dequantize-only lattice type here; the decoder is ``LatticeDequantizer/iq1s(_:count:into:)``.
/// Quantizing is refused before this codec is reached (``GGUFType/canQuantize``).
enum IQ1_SCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        preconditionFailure("IQ1_S has no quantizer; GGUFCodec.quantize refuses it first")
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq1s(blocks, count: count, into: y)
    }
}
