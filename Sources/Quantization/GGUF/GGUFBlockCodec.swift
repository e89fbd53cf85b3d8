/// One ggml type's row codec: quantize a row of float32 into its blocks, and decode them.
/// Rows hold a whole number of blocks; blocks are written one after another, no padding.
protocol GGUFBlockCodec {
    /// Quantizes `count` elements (a multiple of the block) into `count / blockElements`
    /// blocks at `out`. `importance` holds `count` weights or is nil.
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>)
    /// Decodes the blocks of `count` elements at `blocks` into `y`.
    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>)
}
