import SoftFloat

/// Everything a quantize → dequantize round trip produced.
///
/// Groups (scales, zero points) are numbered as ``Granularity`` describes: one for `tensor`,
/// one per row or column, or row after row of ceil(columns / N) groups for `group:N`.
public struct QuantizationResult: Sendable {
    public let configuration: QuantizationConfiguration
    /// The granularity actually used (the scheme's default when none was given).
    public let granularity: Granularity
    /// The input after casting to the compute format: what the kernel saw and what the
    /// metrics compare against.
    public let input: Matrix
    /// The quantized elements, row-major; ``elementKind`` says what each integer means.
    public let quantized: [Int64]
    public let elementKind: QuantizedElementKind
    /// One scale per group, as codes of ``scaleFormat`` (the compute format, or E8M0 for MX).
    /// bitsandbytes' absmax convention reports the absmax (its `SCB`), NF4/FP4 the block
    /// absmax (after double quantization when enabled).
    public let scales: [UInt64]
    public let scaleFormat: FloatFormat
    /// One zero point per group (0 for symmetric schemes; 2^(bits−1) for unsigned symmetric).
    public let zeroPoints: [Int64]
    /// Groups per row (ceil(columns / N) for `group:N`, else 1).
    public let groupsPerRow: Int
    /// The dequantized matrix, in the compute format.
    public let dequantized: Matrix
    public let metrics: ErrorMetrics
    public let doubleQuantization: DoubleQuantizationState?
    /// bitsandbytes convention, nf4/fp4-bnb: `quantize_4bit`'s packed bytes (two codes per
    /// byte, the first in the high nibble, an odd count padded with the code of 0).
    public let packed: [UInt8]?
    /// nvfp4: the float32 tensor scale (x ≈ q × scale × tensor scale); nil when off.
    public let tensorScale: UInt64?
    /// FP8 current scaling (transformer-engine): the float32 multiplier m, q = fp8(x · m),
    /// scale = fl32(1/m).
    public let multiplier: UInt64?

    init(configuration: QuantizationConfiguration, granularity: Granularity, input: Matrix, layout: GroupLayout, output: KernelOutput) {
        self.configuration = configuration
        self.granularity = granularity
        self.input = input
        quantized = output.quantized
        elementKind = output.elementKind
        scales = output.scales
        scaleFormat = output.scaleFormat
        zeroPoints = output.zeroPoints
        groupsPerRow = layout.groupsPerRow
        // Same shape and format as the input, so this cannot throw.
        dequantized = try! Matrix(rows: input.rows, columns: input.columns, format: input.format, codes: output.dequantized)
        doubleQuantization = output.doubleQuantization
        packed = output.packed
        tensorScale = output.tensorScale
        multiplier = output.multiplier
        let bits = Self.storageBits(output: output, elementCount: input.count, groups: layout.groupCount)
        // The metrics read both code arrays in place (no float64 copies of the matrix).
        let format = input.format
        metrics = input.codes.withUnsafeBufferPointer { x in
            output.dequantized.withUnsafeBufferPointer { y in
                ErrorMetrics(count: x.count, clampedCount: output.clampedCount, bitsPerParameter: Double(bits) / Double(x.count)) {
                    format.doubleValue(x[$0])
                } approximation: {
                    format.doubleValue(y[$0])
                }
            }
        }
    }

    /// Elements × element bits + groups × (scale bits + zero-point bits), or with double
    /// quantization groups × 8 + second-level scales + the offset.
    static func storageBits(output: KernelOutput, elementCount: Int, groups: Int) -> Int {
        storageBits(elementCount: elementCount, elementKind: output.elementKind, groups: groups, metadataBits: output.metadataBits,
                    scaleFormat: output.scaleFormat, doubleQuantization: output.doubleQuantization, hasTensorScale: output.tensorScale != nil)
    }

    /// The same count from its parts (the float32 fast path's round trip has no ``KernelOutput``).
    ///
    ///     // int8 absmax, one row of 384 and a float32 scale: 384 × 8 + 32 = 3104 bits (8.083 per element)
    static func storageBits(elementCount: Int, elementKind: QuantizedElementKind, groups: Int, metadataBits: Int,
                            scaleFormat: FloatFormat, doubleQuantization: DoubleQuantizationState?, hasTensorScale: Bool) -> Int {
        var bits = elementCount * elementKind.bitWidth + groups * metadataBits
        if let state = doubleQuantization {
            bits += groups * 8 + (state.secondScales.count + 1) * scaleFormat.bitWidth
        } else {
            bits += groups * scaleFormat.bitWidth
        }
        if hasTensorScale { bits += 32 }
        return bits
    }

    /// The quantized element at (row, column) as text (see ``QuantizedElementKind/text(_:)``).
    public func quantizedText(row: Int, column: Int) -> String {
        elementKind.text(quantized[row * input.columns + column])
    }
}
