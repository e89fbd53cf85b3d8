import SoftFloat

/// The one dot-product engine: `d = c + Σ a_i·b_i` for any ``MatrixUnit``, bit for bit.
///
/// Products are exact (integer significand products); the unit's alignment truncates each term
/// to a multiple of `2^(E − keptFractionBits)`; the truncated terms are added exactly in 64-bit
/// integers; the sum is rounded once into D through ``RoundingCore``. FMA chains and CDNA1/2's
/// pairwise trees run on the lab's IEEE operations (``FloatFormat/fusedMultiplyAdd(_:_:_:options:random:)``,
/// ``FloatFormat/add(_:_:options:random:)``). The CPU units have their own evaluators
/// (``AMXTileDotProduct``, ``ArmBFloat16DotProduct``).
///
///     let engine = DotProductEngine(unit: try MatrixUnit.named("hopper:wgmma.m64n8k32.f32.e4m3.e4m3"))
///     // 1·1 + 2^-7·2^-7 (e4m3 0x38 = 1, 0x04 = 4 × 2^-9 = 2^-7), 30 zero products, c = +0:
///     // the exact sum 1 + 2^-14 keeps 13 fraction bits → 1.0
///     engine.evaluate(a: [0x38, 0x04] + Array(repeating: 0, count: 30),
///                     b: [0x38, 0x04] + Array(repeating: 0, count: 30), c: 0)   // 0x3f800000
///
/// NaN results: NVIDIA units give 0x7fffffff (f32) or 0x7fff (f16), like MMA-Sim and the
/// hardware's canonical NaN; AMD units and FMA chains give the lab's default NaN. Zero results
/// of the aligned units are +0 whatever the signs of the inputs (MMA-Sim's behaviour).
public struct DotProductEngine: Sendable {
    public let unit: MatrixUnit
    /// Decoded operands for A and B formats of at most 16 bits (kept alive by the tables).
    let aTable: UnitOperandTable?
    let bTable: UnitOperandTable?
    nonisolated(unsafe) let aEntries: UnsafeMutableBufferPointer<UnitOperand>?
    nonisolated(unsafe) let bEntries: UnsafeMutableBufferPointer<UnitOperand>?
    /// D's exponent range with ``MatrixUnit/outputFractionBits`` of fraction (D itself, or
    /// f32 with 13 fraction bits for the FP8 units of Ada mma and Hopper wgmma).
    let outputFormat: FloatFormat
    let outputOptions: RoundingOptions
    let nanCode: UInt64
    /// `keptFractionBits − a.mantissaBits − b.mantissaBits − 2·scale.mantissaBits`: the shift
    /// of a product whose exponent is the largest one.
    let productShift: Int
    /// The fast path of plain fused units (nil for the others).
    let fusedKernel: FusedStepKernel?

    public init(unit: MatrixUnit) {
        self.unit = unit
        aTable = UnitOperandTable(format: unit.a)
        bTable = UnitOperandTable(format: unit.b)
        aEntries = aTable?.entries
        bEntries = bTable?.entries
        if unit.outputFractionBits == unit.d.mantissaBits {
            outputFormat = unit.d
        } else {
            outputFormat = try! FloatFormat(name: "\(unit.d.name) with \(unit.outputFractionBits) fraction bits",
                                            exponentBits: unit.d.exponentBits, mantissaBits: unit.outputFractionBits,
                                            bias: unit.d.bias)
        }
        outputOptions = RoundingOptions(rounding: unit.finalRounding)
        if unit.architecture.isAMD || unit.summation == .fusedMultiplyAddChain {
            nanCode = unit.d.nanBits!
        } else {
            nanCode = unit.d.magnitudeMask  // 0x7fffffff, 0x7fff
        }
        let scaleBits = unit.scale.map { $0.format.mantissaBits } ?? 0
        productShift = unit.keptFractionBits - unit.a.mantissaBits - unit.b.mantissaBits - 2 * scaleBits
        fusedKernel = FusedStepKernel(unit: unit)
    }

    /// d for one line: `k` codes of A and of B, C's code, and for block-scaled units
    /// ``MatrixUnit/scaleCount`` scale codes for A and for B. Returns D's code.
    public func evaluate(a: [UInt64], b: [UInt64], c: UInt64, scalesA: [UInt64] = [], scalesB: [UInt64] = []) -> UInt64 {
        precondition(a.count == unit.k && b.count == unit.k && scalesA.count == unit.scaleCount && scalesB.count == unit.scaleCount)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                scalesA.withUnsafeBufferPointer { sa in
                    scalesB.withUnsafeBufferPointer { sb in
                        evaluate(a: a, b: b, c: c, scalesA: sa, scalesB: sb)
                    }
                }
            }
        }
    }

    /// ``evaluate(a:b:c:scalesA:scalesB:)`` on buffers (the matrix mode's hot loop).
    /// `cInOutputFormat`: c is a code of D's format, not C's — the previous chunk's d in matrix
    /// mode (it matters only where C and D differ: Volta's and Turing's
    /// `mma.m8n8k4.f32.f16.f16.f16`, whose f32 D goes on in f32).
    public func evaluate(a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>, c: UInt64,
                         scalesA: UnsafeBufferPointer<UInt64>, scalesB: UnsafeBufferPointer<UInt64>,
                         cInOutputFormat: Bool = false) -> UInt64 {
        switch unit.summation {
        case .fusedMultiplyAddChain:
            var accumulator = c
            for index in 0..<unit.k {
                accumulator = unit.d.fusedMultiplyAdd(a[index], b[index], accumulator).bits
            }
            return accumulator
        case .evenOddFusedMultiplyAddChains:
            return AMXTileDotProduct.evaluate(a: a, b: b, c: c)
        case .bfloat16DotAdd:
            return ArmBFloat16DotProduct.evaluate(a: a, b: b, c: c)
        case .pairwise(let groupSize):
            return pairwise(a: a, b: b, c: c, groupSize: groupSize)
        case .fusedScaledGroups:
            return scaledGroups(a: a, b: b, c: c, scalesA: scalesA, scalesB: scalesB)
        case .fused:
            if let fusedKernel, let d = fastFused(fusedKernel, a: a, b: b, c: c) { return d }
            // C joins in D's format (Volta's f16 C of an f32 D is widened first: exact).
            var accumulator = unit.c == unit.d || cInOutputFormat ? c : unit.c.convert(c, to: unit.d).bits
            var start = 0
            while start < unit.k {
                accumulator = fusedStep(a: a, b: b, range: start..<(start + unit.stepSize), c: accumulator,
                                        scalesA: scalesA, scalesB: scalesB)
                start += unit.stepSize
            }
            return accumulator
        case .floorAligned(let evenOddHalves):
            var accumulator = c
            var start = 0
            while start < unit.k {
                accumulator = floorAlignedStep(a: a, b: b, range: start..<(start + unit.stepSize), c: accumulator,
                                               evenOddHalves: evenOddHalves)
                start += unit.stepSize
            }
            return accumulator
        }
    }

    /// The fused kernel: codes looked up in the operand tables, or (tf32 units) decoded into
    /// a stack buffer first. nil: take the general path.
    @inline(__always)
    func fastFused(_ kernel: FusedStepKernel, a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>, c: UInt64) -> UInt64? {
        if let aEntries, let bEntries {
            return kernel.instruction(TabledCodes(a: a.baseAddress!, b: b.baseAddress!,
                                                  aTable: UnsafePointer(aEntries.baseAddress!), bTable: UnsafePointer(bEntries.baseAddress!),
                                                  aMask: unit.a.codeMask, bMask: unit.b.codeMask), c: c)
        }
        let k = unit.k
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * k) { scratch in
            let base = scratch.baseAddress!
            for index in 0..<k {
                (base[index], base[k + index]) = DecodedOperands.split(operandA(a[index]))
                (base[2 * k + index], base[3 * k + index]) = DecodedOperands.split(operandB(b[index]))
            }
            return kernel.instruction(DecodedPointers(aSignificands: base, aExponents: base + k,
                                                      bSignificands: base + 2 * k, bExponents: base + 3 * k), c: c)
        }
    }

    // MARK: - Operands

    @inline(__always) func operandA(_ code: UInt64) -> UnitOperand {
        if let aEntries { return aEntries[Int(code & unit.a.codeMask)] }
        return UnitOperand(code: unit.truncatesOperandsToTF32 ? code & ~0x1fff : code, format: unit.a)
    }

    @inline(__always) func operandB(_ code: UInt64) -> UnitOperand {
        if let bEntries { return bEntries[Int(code & unit.b.codeMask)] }
        return UnitOperand(code: unit.truncatesOperandsToTF32 ? code & ~0x1fff : code, format: unit.b)
    }

    func scaleOperand(_ code: UInt64) -> UnitOperand {
        let scale = unit.scale!
        return UnitOperand(code: scale.ignoresSign ? code & scale.format.magnitudeMask : code, format: scale.format)
    }

    /// `value × 2^shift` truncated toward zero (shift may be negative), as a signed integer.
    @inline(__always) static func truncatedTerm(_ magnitude: UInt64, shift: Int, negative: Bool) -> Int64 {
        let shifted: UInt64
        if shift >= 0 {
            shifted = magnitude << UInt64(shift)
        } else {
            shifted = shift > -64 ? magnitude >> UInt64(-shift) : 0
        }
        return negative ? -Int64(bitPattern: shifted) : Int64(bitPattern: shifted)
    }

    /// `value × 2^shift` rounded toward −∞ (arithmetic shift of a signed integer).
    @inline(__always) static func flooredShift(_ value: Int64, shift: Int) -> Int64 {
        if shift >= 0 { return value << Int64(shift) }
        return shift > -64 ? value >> Int64(-shift) : (value < 0 ? -1 : 0)
    }

    /// The NaN / infinity outcome of an exact dot product over `range` plus C, or nil when every
    /// term is finite: NaN for a NaN input, inf·0 or inf − inf; otherwise the infinity.
    func specialOutcome(a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>, range: Range<Int>,
                        c: UnitOperand) -> UnitOperand? {
        var nan = c.kind == .nan
        var positive = c.kind == .infinity && !c.negative
        var negative = c.kind == .infinity && c.negative
        for index in range {
            let x = operandA(a[index]), y = operandB(b[index])
            if x.kind == .finite && y.kind == .finite { continue }
            if x.kind == .nan || y.kind == .nan || x.isZero || y.isZero {
                nan = true
            } else if x.negative != y.negative {
                negative = true
            } else {
                positive = true
            }
        }
        if nan || (positive && negative) { return UnitOperand(magnitude: 0, exponent: 0, negative: false, kind: .nan) }
        if positive || negative { return UnitOperand(magnitude: 0, exponent: 0, negative: negative, kind: .infinity) }
        return nil
    }

    func specialCode(_ special: UnitOperand) -> UInt64 {
        if special.kind == .nan { return nanCode }
        return unit.d.packInfinity(negative: special.negative).bits
    }

    /// Rounds the exact `sum × 2^exponent` once into D: +0 for a zero sum and for a sum that
    /// rounds to zero (`−2^-160` toward zero in f32 is +0, not −0); an overflow is ±inf
    /// even when rounding toward zero (MMA-Sim converts the truncated value, which then
    /// exceeds f32's range, to f32).
    @inline(__always) func roundedSum(_ sum: Int64, exponent: Int) -> UInt64 {
        if sum == 0 { return 0 }
        let rounded = RoundingCore.roundPack(negative: sum < 0, exponent: exponent, significand: sum.magnitude,
                                             sticky: false, format: outputFormat, options: outputOptions)
        if rounded.flags.contains(.overflow) { return unit.d.packInfinity(negative: sum < 0).bits }
        // A nonzero sum that rounds to zero is +0 too (MMA-Sim).
        if rounded.bits & outputFormat.magnitudeMask == 0 { return 0 }
        return rounded.bits << UInt64(unit.d.mantissaBits - unit.outputFractionBits)
    }

    // MARK: - NVIDIA fused step

    func fusedStep(a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>, range: Range<Int>, c: UInt64,
                   scalesA: UnsafeBufferPointer<UInt64>, scalesB: UnsafeBufferPointer<UInt64>) -> UInt64 {
        let cOperand = UnitOperand(code: c, format: unit.d)
        var scaleExponentA = 0, scaleExponentB = 0
        if let scale = unit.scale {
            // mxf8f6f4: one scale per 32 elements, i.e. one per instruction.
            let sa = scaleOperand(scalesA[range.lowerBound / scale.blockSize])
            let sb = scaleOperand(scalesB[range.lowerBound / scale.blockSize])
            if sa.kind == .nan || sb.kind == .nan { return nanCode }
            scaleExponentA = Int(sa.exponent)
            scaleExponentB = Int(sb.exponent)
        }
        let scaleExponent = scaleExponentA + scaleExponentB
        let kept = unit.keptFractionBits
        return withUnsafeTemporaryAllocation(of: Product.self, capacity: range.count) { products in
            // One pass: exact products, the largest exponent, and whether anything is not finite.
            var largest = Int(cOperand.exponent)
            var allFinite = cOperand.kind == .finite
            for (slot, index) in range.enumerated() {
                let x = operandA(a[index]), y = operandB(b[index])
                allFinite = allFinite && x.kind == .finite && y.kind == .finite
                let exponent = Int(x.exponent + y.exponent) + scaleExponent
                if exponent > largest { largest = exponent }
                products.initializeElement(at: slot, to: Product(magnitude: x.magnitude &* y.magnitude, exponent: exponent,
                                                                 negative: x.negative != y.negative))
            }
            if !allFinite, let special = specialOutcome(a: a, b: b, range: range, c: cOperand) { return specialCode(special) }
            var sum: Int64 = 0
            for product in products {
                sum &+= Self.truncatedTerm(product.magnitude, shift: product.exponent - largest + productShift, negative: product.negative)
            }
            sum &+= Self.truncatedTerm(cOperand.magnitude, shift: Int(cOperand.exponent) - largest + kept - unit.d.mantissaBits,
                                       negative: cOperand.negative)
            return roundedSum(sum, exponent: largest - kept)
        }
    }

    /// An exact product of significands and its exponent (the scale exponents included).
    struct Product {
        var magnitude: UInt64
        var exponent: Int
        var negative: Bool
    }

    // MARK: - mxf4nvf4: exact 16-element groups times scales

    func scaledGroups(a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>, c: UInt64,
                      scalesA: UnsafeBufferPointer<UInt64>, scalesB: UnsafeBufferPointer<UInt64>) -> UInt64 {
        let scale = unit.scale!
        let cOperand = UnitOperand(code: c, format: unit.d)
        let groupSize = 16
        let groupCount = unit.k / groupSize
        var scaleA: [UnitOperand] = [], scaleB: [UnitOperand] = []
        for group in 0..<groupCount {
            let sa = scaleOperand(scalesA[group * groupSize / scale.blockSize])
            let sb = scaleOperand(scalesB[group * groupSize / scale.blockSize])
            if sa.kind == .nan || sb.kind == .nan { return nanCode }
            scaleA.append(sa)
            scaleB.append(sb)
        }
        if cOperand.kind == .nan { return nanCode }
        // e2m1 has no infinity or NaN; an infinite C stays infinite (MMA-Sim has no rule for it).
        if cOperand.kind == .infinity { return unit.d.packInfinity(negative: cOperand.negative).bits }
        var largest = Int(cOperand.exponent)
        for group in 0..<groupCount {
            largest = max(largest, Int(scaleA[group].exponent + scaleB[group].exponent))
        }
        let kept = unit.keptFractionBits
        let elementBits = unit.a.mantissaBits + unit.b.mantissaBits
        let scaleBits = 2 * scale.format.mantissaBits
        var sum: Int64 = 0
        for group in 0..<groupCount {
            // The group sum in units of 2^(−elementBits − 2·(minimum e2m1 exponent 0)): exact.
            var groupSum: Int64 = 0
            for index in (group * groupSize)..<((group + 1) * groupSize) {
                let x = operandA(a[index]), y = operandB(b[index])
                if x.magnitude == 0 || y.magnitude == 0 { continue }
                let product = Int64(x.magnitude * y.magnitude) << Int64(x.exponent + y.exponent)
                groupSum += x.negative != y.negative ? -product : product
            }
            let term = groupSum.magnitude * scaleA[group].magnitude * scaleB[group].magnitude
            let shift = Int(scaleA[group].exponent + scaleB[group].exponent) - largest + kept - elementBits - scaleBits
            sum &+= Self.truncatedTerm(term, shift: shift, negative: groupSum < 0)
        }
        sum &+= Self.truncatedTerm(cOperand.magnitude, shift: Int(cOperand.exponent) - largest + kept - unit.d.mantissaBits,
                                   negative: cOperand.negative)
        return roundedSum(sum, exponent: largest - kept)
    }

    // MARK: - CDNA3: truncated products, floor alignment, nearest-even

    func floorAlignedStep(a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>, range: Range<Int>,
                          c: UInt64, evenOddHalves: Bool) -> UInt64 {
        let cOperand = UnitOperand(code: c, format: unit.d)
        if let special = specialOutcome(a: a, b: b, range: range, c: cOperand) { return specialCode(special) }
        // A product of magnitude ≥ 2^128 counts as an infinity (both signs: NaN).
        var positive = false, negative = false
        for index in range {
            let x = operandA(a[index]), y = operandB(b[index])
            let product = x.magnitude * y.magnitude
            if product == 0 { continue }
            let leading = 63 - product.leadingZeroBitCount + Int(x.exponent + y.exponent) - unit.a.mantissaBits - unit.b.mantissaBits
            if leading >= 128 {
                if x.negative != y.negative { negative = true } else { positive = true }
            }
        }
        if positive && negative { return nanCode }
        if positive || negative { return unit.d.packInfinity(negative: negative).bits }

        let kept = unit.keptFractionBits  // 24
        let cExponent = Int(cOperand.exponent)
        let cSigned = cOperand.negative ? -Int64(cOperand.magnitude) : Int64(cOperand.magnitude)
        var productSum: Int64
        var productExponent: Int
        if evenOddHalves {
            let even = truncatedSum(a: a, b: b, indices: stride(from: range.lowerBound, to: range.upperBound, by: 2))
            let odd = truncatedSum(a: a, b: b, indices: stride(from: range.lowerBound + 1, to: range.upperBound, by: 2))
            productExponent = max(even.exponent, odd.exponent)
            productSum = Self.flooredShift(even.sum, shift: even.exponent - productExponent)
                + Self.flooredShift(odd.sum, shift: odd.exponent - productExponent)
        } else {
            (productSum, productExponent) = truncatedSum(a: a, b: b, indices: stride(from: range.lowerBound, to: range.upperBound, by: 1))
        }
        let largest = max(productExponent, cExponent)
        // Product sum toward −∞ to 31 fraction bits below `largest`; C toward −∞ to 24.
        let products = Self.flooredShift(productSum, shift: 31 - kept + productExponent - largest)
        var cTerm: Int64 = 0
        if !evenOddHalves || cExponent >= largest - 25 {
            cTerm = Self.flooredShift(cSigned, shift: cExponent - unit.d.mantissaBits - (largest - kept))
        }
        let total = products + (cTerm << Int64(31 - kept))
        if total == 0 { return 0 }
        return RoundingCore.roundPack(negative: total < 0, exponent: largest - 31, significand: total.magnitude,
                                      sticky: false, format: unit.d, options: .standard).bits
    }

    /// Products over `indices` truncated toward zero to 24 fraction bits below their largest
    /// exponent, summed exactly: the sum in units of 2^(exponent − 24).
    func truncatedSum(a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>,
                      indices: StrideTo<Int>) -> (sum: Int64, exponent: Int) {
        var largest = Int.min
        for index in indices {
            largest = max(largest, Int(operandA(a[index]).exponent + operandB(b[index]).exponent))
        }
        var sum: Int64 = 0
        for index in indices {
            let x = operandA(a[index]), y = operandB(b[index])
            let shift = Int(x.exponent + y.exponent) - largest + unit.keptFractionBits - unit.a.mantissaBits - unit.b.mantissaBits
            sum += Self.truncatedTerm(x.magnitude * y.magnitude, shift: shift, negative: x.negative != y.negative)
        }
        return (sum, largest)
    }

    // MARK: - CDNA1/CDNA2 pairwise

    func pairwise(a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>, c: UInt64, groupSize: Int) -> UInt64 {
        let single = FloatFormat.float32
        let flush = unit.flushesSubnormals
        /// CDNA2: a value below 2^-126 (zeros included) becomes a zero of its sign.
        func flushed(_ code: UInt64) -> UInt64 {
            guard flush, single.classify(code) == .subnormal else { return code }
            return code & single.signMask
        }
        func widened(_ code: UInt64, _ format: FloatFormat) -> UInt64 {
            // CDNA2 flushes subnormal inputs to +0 in their own format first.
            if flush && format.classify(code) == .subnormal { return 0 }
            return format.convert(code, to: single).bits
        }
        func tree(_ range: Range<Int>) -> UInt64 {
            if range.count == 1 {
                let product = single.fusedMultiplyAdd(widened(a[range.lowerBound], unit.a), widened(b[range.lowerBound], unit.b), 0).bits
                return flushed(product)
            }
            let middle = range.lowerBound + range.count / 2
            return flushed(single.add(tree(range.lowerBound..<middle), tree(middle..<range.upperBound)).bits)
        }
        var accumulator = c
        if flush && single.classify(c) == .subnormal { accumulator = 0 }
        var start = 0
        while start < unit.k {
            accumulator = flushed(single.add(accumulator, tree(start..<min(start + groupSize, unit.k))).bits)
            start += groupSize
        }
        return accumulator
    }
}
