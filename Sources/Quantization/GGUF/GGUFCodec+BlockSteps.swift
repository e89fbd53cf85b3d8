extension GGUFCodec {
    /// The types whose codes sit on one uniform grid per block, x̂ = d·q (+ m): ggml's legacy
    /// types, which store the step d as the block's first float16.
    public static let uniformStepTypes: Set<GGUFType> = [.q4_0, .q4_1, .q5_0, .q5_1, .q8_0]

    /// The step d of every block, in block order (row-major over rows of columns / blockElements
    /// blocks), for the ``uniformStepTypes``; nil for the others (the K-quants' steps are d·sc
    /// per sub-block, the lattice and FP4 types have no single step).
    ///
    /// A Q8_0 block of [1, 2, …, 32] stores d = fp16(32 / 127) = 0.251953125, so
    /// `blockSteps(blocks, type: .q8_0)` is `[0.251953125]` and every element's rounding error is
    /// at most d / 2 (uniform rounding: RMSE ≈ d / √12).
    public static func blockSteps(_ blocks: [UInt8], type: GGUFType) -> [Float]? {
        guard uniformStepTypes.contains(type) else { return nil }
        let count = blocks.count / type.blockBytes
        return blocks.withUnsafeBufferPointer { bytes in
            (0..<count).map { GGMLRounding.loadHalf(bytes.baseAddress! + $0 * type.blockBytes) }
        }
    }
}
