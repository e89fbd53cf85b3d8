/// IQ3_XXS: a dequantize-only lattice type here; the decoder is ``LatticeDequantizer/iq3xxs(_:count:into:)``.
/// Quantizing is refused before this codec is reached (``GGUFType/canQuantize``).
enum IQ3_XXSCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        preconditionFailure("IQ3_XXS has no quantizer; GGUFCodec.quantize refuses it first")
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq3xxs(blocks, count: count, into: y)
    }
}
