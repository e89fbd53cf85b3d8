/// IQ1_M: a dequantize-only lattice type here; the decoder is ``LatticeDequantizer/iq1m(_:count:into:)``.
/// Quantizing is refused before this codec is reached (``GGUFType/canQuantize``).
enum IQ1_MCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        preconditionFailure("IQ1_M has no quantizer; GGUFCodec.quantize refuses it first")
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq1m(blocks, count: count, into: y)
    }
}
