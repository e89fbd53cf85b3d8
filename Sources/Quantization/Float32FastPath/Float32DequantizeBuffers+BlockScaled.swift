import FastKernels

extension Float32DequantizeBuffers {
    /// Dequantizes a row-major rows × columns matrix of one-byte element codes stored in blocks
    /// of `blockSize` along each row (a row's last block shorter where `blockSize` does not
    /// divide `columns`), one stored scale per block, row-major over the block grid:
    /// x̂ = fl32(decoded[code] · factor(scale)). A block whose `factor` is nil is `nanBits`
    /// throughout (MX's NaN scale, code 0xff). The one loop of the MX and FP8 1 × 128 kernels'
    /// dequantize; always inlined, so each kernel keeps its own specialised copy (constant block
    /// size, its own factor). NVFP4 keeps its own whole-block loop: through this helper its
    /// dequantize measured about 10–20% slower (release, alternating runs on a loaded machine).
    ///
    ///     // MXFP8 E4M3, one block: code 0x38 is 1.0 and scale 126 is 2^-1, so x̂ = 0.5
    ///     buffers.dequantizeBlocks(rows: 1, columns: 32, blockSize: 32, threads: 1, decoded: decoded, nanBits: nan) {
    ///         $0 == 0xff ? nil : Float32Bits.powerOfTwo(Int($0) - 127)
    ///     }
    ///     // buffers.output[0] == 0x3f00_0000
    @inline(__always)
    func dequantizeBlocks(
        rows: Int, columns: Int, blockSize: Int, threads: Int, decoded: [Float], nanBits: UInt32 = 0,
        factor: @Sendable (_ scale: UInt32) -> Float?
    ) {
        let wholeBlocks = columns / blockSize
        let groupsPerRow = (columns + blockSize - 1) / blockSize
        let slices = ParallelSplit.slices(count: rows, threads: threads, granule: 1)
        ParallelSplit.run(slices: slices.count) { worker in
            decoded.withUnsafeBufferPointer { decoded in
                let codes = elements.assumingMemoryBound(to: UInt8.self)
                @inline(__always)
                func dequantize(row: Int, block: Int, count: Int) {
                    let start = row * columns + block * blockSize
                    guard let factor = factor(scales[row * groupsPerRow + block]) else {
                        (output + start).update(repeating: nanBits, count: count)
                        return
                    }
                    for index in start..<(start + count) {
                        output[index] = (decoded[Int(codes[index])] * factor).bitPattern
                    }
                }
                for row in slices[worker] {
                    // Whole blocks with the constant count, then the row's partial block.
                    for block in 0..<wholeBlocks { dequantize(row: row, block: block, count: blockSize) }
                    if wholeBlocks < groupsPerRow { dequantize(row: row, block: wholeBlocks, count: columns - wholeBlocks * blockSize) }
                }
            }
        }
    }
}
