import SoftFloat

extension QuantizedMatrix {
    /// Decodes the codes with their scales, in the compute format, through the kernels' own
    /// dequantization formulas (one home each):
    ///
    /// - absmax/zeropoint: (q − Z) × S; bitsandbytes (q × absmax) × fl(1/127)
    ///   (``IntegerKernel``);
    /// - nf4/fp4-bnb: table[q] × absmax (``CodebookKernel``), bitsandbytes' C or torch table
    ///   (``BitsandbytesCodebookKernel``);
    /// - fp8 (per tensor/row, DeepSeek/DeepGEMM blocks, Transformer Engine): element × scale
    ///   (``ScaledFloatKernel``), a UE8M0 block scale read as its power of two;
    /// - MX: element × 2^(E8M0 − 127), NaN for the NaN scale 0xff (``MXKernel``);
    /// - nvfp4: fl32(q · fl32(s · t)) (``NVFP4Kernel``).
    ///
    ///     // MXFP8 E4M3: q = 448 (0x7e), scale 0x7a (2^-5) → 14.0
    ///
    /// - Throws: what ``validate()`` throws.
    public func dequantized() throws(QuantizationError) -> Matrix {
        try validate()
        let layout = try layout()
        let compute = ComputeFormat(configuration.compute)
        var output = [UInt64](repeating: 0, count: rows * columns)
        func zeroPoint(_ group: Int) -> Int64 { zeroPoints.isEmpty ? 0 : zeroPoints[group] }
        switch configuration.scheme {
        case .absmax, .zeroPoint:
            let kernel = IntegerKernel(configuration: configuration)
            let reciprocal = kernel.reciprocalOfQmax
            for group in 0..<layout.groupCount {
                let z = zeroPoint(group)
                let zeroPointCode = compute.integer(z)
                layout.forEachElement(of: group) { index in
                    output[index] = kernel.dequantize(quantized[index], scale: scales[group], zeroPoint: z,
                                                      zeroPointCode: zeroPointCode, reciprocalOfQmax: reciprocal)
                }
            }
        case .nf4, .fp4Bitsandbytes:
            let codebook: Codebook = configuration.scheme == .nf4 ? .nf4 : .fp4Bitsandbytes
            if isBitsandbytesCodebook, case .group(let blockSize) = granularity {
                let kernel = BitsandbytesCodebookKernel(configuration: configuration, codebook: codebook, blockSize: blockSize)
                output = kernel.dequantize(quantized, scales: scales.map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) }, columns: columns)
            } else {
                let kernel = CodebookKernel(configuration: configuration, codebook: codebook)
                let table = kernel.table
                for group in 0..<layout.groupCount {
                    layout.forEachElement(of: group) { index in
                        output[index] = kernel.dequantize(quantized[index], scale: scales[group], table: table)
                    }
                }
            }
        case .scaledFloat(let element):
            let scaleFormat = self.scaleFormat
            for group in 0..<layout.groupCount {
                // A UE8M0 block scale is a power of two: its float32 value, exactly.
                let scale = scaleFormat == configuration.compute ? scales[group]
                    : scaleFormat.convert(scales[group], to: configuration.compute).bits
                layout.forEachElement(of: group) { index in
                    output[index] = ScaledFloatKernel.dequantize(UInt64(bitPattern: quantized[index]), element: element,
                                                                 scale: scale, compute: compute)
                }
            }
        case .mx:
            let kernel = MXKernel(configuration: configuration, element: mxElement)
            let e8m0 = FloatFormat.float8_e8m0fnu
            let nan = configuration.compute.nanBits ?? 0
            for group in 0..<layout.groupCount {
                let isNaN = e8m0.isNaN(scales[group])
                let sharedExponent = Int(scales[group]) - e8m0.bias
                layout.forEachElement(of: group) { index in
                    output[index] = isNaN ? nan : kernel.dequantize(quantized[index], sharedExponent: sharedExponent)
                }
            }
        case .nvfp4:
            for group in 0..<layout.groupCount {
                let decode = NVFP4Kernel.decodeFactor(scaleCode: scales[group], tensorScale: tensorScale)
                layout.forEachElement(of: group) { index in
                    output[index] = NVFP4Kernel.dequantize(UInt64(bitPattern: quantized[index]), decode: decode)
                }
            }
        }
        return try Matrix(rows: rows, columns: columns, format: configuration.compute, codes: output)
    }

    private var mxElement: MXElement {
        if case .mx(let element) = configuration.scheme { return element }
        preconditionFailure("not an MX scheme")
    }
}
