/// NF4 and FP4 as bitsandbytes 0.50.x computes them on CPU (`quantize_4bit` /
/// `dequantize_4bit`, optionally `compress_statistics=True`), bit for bit. float32 only; every
/// step is one IEEE binary32 operation (hardware `Float`), fused where the C++ is.
///
/// Quantization (the default backend's `quantize_4bit`, torch ops):
/// - Blocks of N consecutive elements of the **flattened** matrix (row-major), so a block can
///   span rows; the last block may be partial.
/// - Full block: absmax = max |x|; n = x · (1 / max(absmax, 1e-38)); the stored absmax is the
///   unclamped max (0 for an all-zero block, whose elements get n = 0).
/// - Partial last block: am = max(max |x|, 1e-38) is stored, and n = x / am (a division).
/// - code = `torch.bucketize(clamp(n, −1, 1), midpoints)`: midpoints of the table sorted by
///   value, (a + b) / 2 in float32; the number of midpoints strictly below n, so a value equal
///   to a midpoint takes the lower entry. NF4's table is sorted; FP4's is
///   `get_4bit_type("fp4")` ({0, 0.0625, 8, 12, 4, 6, 2, 3}/12, codes 8…15 negative, code 8
///   = +0 because the Python list holds the integer −0), sorted with ties to the lower code:
///   n in (−1/384, 0] → code 0, n in (0, 1/384] → code 8.
/// - Codes are packed two per byte, the first in the high nibble; an odd element count is
///   padded with the code of n = 0 (7 for NF4, 0 for FP4).
///
/// Dequantization (`cdequantize_blockwise_cpu_{nf4,fp4}_fp32`, the scalar loop on a CPU without
/// AVX-512): x̂ = lut[code] · absmax, where the C table's FP4 code 8 is −0.0f, so it gives −0;
/// for a matrix with an odd number of columns bitsandbytes falls back to the torch
/// implementation with `get_4bit_type`'s table, where code 8 is +0.
///
/// Double quantization: offset = `absmax.mean()` (``TorchCPUSum``, then ÷ count); the centred
/// absmaxes are quantized by ``DynamicMapLookup`` in blocks of 256 with the torch-built
/// ``DynamicMap/torchCPUValues``; absmax' = map[code] · absmax₂ + offset (two roundings),
/// and x̂ uses absmax'. Codes are chosen with the exact absmax, as bitsandbytes does.
struct BitsandbytesCodebookKernel {
    let configuration: QuantizationConfiguration
    let codebook: Codebook
    let blockSize: Int

    /// float32(1e-38) as torch converts the Python float: 0x006CE3EE (subnormal).
    static let smallestScale = Float(Double(1e-38))

    init(configuration: QuantizationConfiguration, codebook: Codebook, blockSize: Int) {
        self.configuration = configuration
        self.codebook = codebook
        self.blockSize = blockSize
    }

    /// The table `get_4bit_type` returns (FP4 code 8 is +0), as Float, indexed by code.
    var quantizationTable: [Float] {
        codebook.values.map { Float(bitPattern: UInt32($0)) }.map { $0 == 0 ? 0 : $0 }
    }

    /// Codes sorted by value, ties to the lower code, and the float32 midpoints between them.
    var bucketBoundaries: (order: [Int], midpoints: [Float]) {
        let table = quantizationTable
        let order = (0..<table.count).sorted { table[$0] < table[$1] || (table[$0] == table[$1] && $0 < $1) }
        let midpoints = (0..<(order.count - 1)).map { (table[order[$0]] + table[order[$0 + 1]]) / 2 }
        return (order, midpoints)
    }

    func run(input: Matrix, layout: GroupLayout) throws(QuantizationError) -> KernelOutput {
        let count = input.count
        var output = KernelOutput(count: count, groups: layout.groupCount, scaleFormat: .float32,
                                  elementKind: .codebookIndex(codebook))
        let x = input.codes.map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) }
        let (order, midpoints) = bucketBoundaries
        func bucket(_ normalized: Float) -> Int {
            let clamped = min(max(normalized, -1), 1)
            var index = 0
            while index < midpoints.count && midpoints[index] < clamped { index += 1 }
            return order[index]
        }
        var absmaxes = [Float](repeating: 0, count: layout.groupCount)
        for block in 0..<layout.groupCount {
            let start = block * blockSize
            let end = min(start + blockSize, count)
            var absmax: Float = 0
            for index in start..<end { absmax = max(absmax, abs(x[index])) }
            let isPartial = end - start < blockSize
            if isPartial {
                absmax = max(absmax, Self.smallestScale)
            }
            absmaxes[block] = absmax
            let reciprocal = 1 / max(absmax, Self.smallestScale)
            for index in start..<end {
                let normalized = isPartial ? x[index] / absmax : x[index] * reciprocal
                if abs(normalized) > 1 { output.clampedCount += 1 }
                output.quantized[index] = Int64(bucket(normalized))
            }
        }
        var packed = [UInt8](repeating: 0, count: (count + 1) / 2)
        let padding = UInt8(bucket(0))
        for byte in 0..<packed.count {
            let high = UInt8(output.quantized[2 * byte])
            let low = 2 * byte + 1 < count ? UInt8(output.quantized[2 * byte + 1]) : padding
            packed[byte] = high << 4 | low
        }
        output.packed = packed

        var usedScales = absmaxes
        if configuration.doubleQuantization {
            let (state, dequantizedScales) = try doubleQuantize(absmaxes)
            output.doubleQuantization = state
            usedScales = dequantizedScales
        }
        output.scales = usedScales.map { UInt64($0.bitPattern) }
        output.dequantized = dequantize(output.quantized, scales: usedScales, columns: input.columns)
        return output
    }

    /// `dequantize_4bit`: x̂ = lut[code] · absmax (float32) over the flattened codes, the C
    /// table (FP4 code 8 = −0) for an even column count, `get_4bit_type`'s (+0) for an odd
    /// one; the one formula of `quantize` and ``QuantizedMatrix/dequantized()``.
    ///
    ///     // FP4, 2 columns, code 8, absmax 3 → −0.0 (0x80000000); 3 columns → +0.0
    func dequantize(_ codes: [Int64], scales: [Float], columns: Int) -> [UInt64] {
        let lut = columns % 2 == 0
            ? codebook.values.map { Float(bitPattern: UInt32($0)) }
            : quantizationTable
        return codes.indices.map { index in
            UInt64((lut[Int(codes[index])] * scales[index / blockSize]).bitPattern)
        }
    }

    /// `compress_statistics`: offset = mean, the centred values to 8-bit dynamic-map codes in
    /// blocks of 256, and the absmax values dequantization will use.
    ///
    /// The offset is the float32 mean, so absmax values near float32's maximum can sum to +inf
    /// (two blocks of absmax 3e38: 6e38 > 3.4028235e38). bitsandbytes then centres every value
    /// to −inf and gets NaN codes; the lab stops with an error naming the cause instead.
    func doubleQuantize(_ absmaxes: [Float]) throws(QuantizationError) -> (DoubleQuantizationState, [Float]) {
        let secondBlockSize = 256
        let sum = TorchCPUSum(threads: configuration.torchThreads).sum(absmaxes)
        let offset = sum / Float(absmaxes.count)
        guard offset.isFinite else {
            throw .invalidConfiguration("--double-quant: the offset (the float32 mean of the \(absmaxes.count) block absmax values) overflows: their float32 sum is \(sum) (bitsandbytes' compress_statistics would give NaN scales); quantize without --double-quant, or scale the input down")
        }
        let centered = absmaxes.map { $0 - offset }
        let map = DynamicMap.torchCPUValues.map { Float(bitPattern: UInt32($0)) }
        let (codes, secondScales) = DynamicMapLookup(map: map).quantize(centered, blockSize: secondBlockSize)
        let dequantized = codes.indices.map { index in
            let scaled = map[codes[index]] * secondScales[index / secondBlockSize]
            return scaled + offset
        }
        let state = DoubleQuantizationState(
            codes: codes, secondScales: secondScales.map { UInt64($0.bitPattern) },
            offset: UInt64(offset.bitPattern), blockSize: secondBlockSize)
        return (state, dequantized)
    }
}
