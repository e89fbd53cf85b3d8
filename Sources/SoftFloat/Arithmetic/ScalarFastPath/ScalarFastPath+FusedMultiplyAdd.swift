extension ScalarFastPath {
    /// a × b + c with one rounding: ``FloatFormat/fusedMultiplyAdd(_:_:_:options:random:)`` with
    /// the standard options, for a static layout.
    ///
    ///     ScalarFastPath.fusedMultiplyAdd(Float16Layout.self, 0x3c03, 0x3c03, 0xbc00)   // 0x1e02, inexact
    ///
    /// One comparison classifies the three operands; the product of the significands is exact
    /// and is added to the addend exactly in 64 bits, or answered without the sum when the
    /// terms lie far apart (see
    /// ``fusedMultiplyAddFinite(_:signProduct:signC:magnitudeC:addendIsNormal:exponentA:significandA:exponentB:significandB:exponentC:significandC:)``).
    @inline(never)
    static func fusedMultiplyAdd<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> Rounded {
        let magnitudeA = a & L.magnitudeMask
        let magnitudeB = b & L.magnitudeMask
        let magnitudeC = c & L.magnitudeMask
        guard _fastPath(L.areNormal(magnitudeA, magnitudeB, magnitudeC)) else {
            return fusedMultiplyAddSpecial(L.self, a, b, c)
        }
        return fusedMultiplyAddFinite(
            L.self, signProduct: (a ^ b) & L.signMask, signC: c & L.signMask, magnitudeC: magnitudeC, addendIsNormal: true,
            exponentA: Int(truncatingIfNeeded: magnitudeA &>> UInt64(L.mantissaBits)), significandA: (magnitudeA & L.mantissaMask) | L.implicitBit,
            exponentB: Int(truncatingIfNeeded: magnitudeB &>> UInt64(L.mantissaBits)), significandB: (magnitudeB & L.mantissaMask) | L.implicitBit,
            exponentC: Int(truncatingIfNeeded: magnitudeC &>> UInt64(L.mantissaBits)), significandC: (magnitudeC & L.mantissaMask) | L.implicitBit)
    }

    /// a × b + c for nonzero finite operands (significands with their leading bit at m,
    /// subnormals normalised by ``unpack(_:_:)``); `magnitudeC` is c's magnitude code, and
    /// `addendIsNormal` says that it is known to be normal.
    ///
    /// For layouts of up to 19 mantissa bits, as in ``addAligned(_:sign:subtract:big:exponentBig:significandBig:exponentSmall:significandSmall:)``,
    /// the exact product (2m + 2 bits at most) and the addend are added exactly in 64 bits,
    /// the one with the higher bit 0 shifted left by δ, the difference of their bit-0
    /// exponents (e_a + e_b − bias − m − e_c). Two cases need no exact sum:
    ///
    /// - the addend at least 2m + 4 binades above the product's bit 0 (−δ ≥ 2m + 4): the
    ///   product is below a quarter of the addend's ulp, the result is the addend, inexact
    ///   (and tiny: underflow, if the addend is subnormal);
    /// - the addend entirely below the product's last bit (δ > m + 2, since c < 2^(m+1)):
    ///   it is replaced by a sticky 1 one bit position below the product's (δ = m + 2), which
    ///   lies in the same open interval between two multiples of that bit, where no rounding
    ///   boundary is: the same result and flags.
    ///
    /// Elsewhere both terms stay below 2^(3m + 4) ≤ 2^61. float32 (m = 23) takes
    /// ``fusedMultiplyAddJammed(_:signProduct:signC:exponentA:significandA:exponentB:significandB:exponentC:significandC:)``.
    ///
    ///     // float16 0x3c03 × 0x3c03 − 1: product 0x403 × 0x403 = 0x10_1809, δ = 15 + 15 − 25 − 15 = −10,
    ///     // 0x10_1809 − (0x400 << 10) = 0x1809 at exponent 15 − 10 = 5: 6153 × 2^-20 → 0x1e02, inexact
    @inline(always)
    static func fusedMultiplyAddFinite<L: ScalarLayout>(
        _: L.Type, signProduct: UInt64, signC: UInt64, magnitudeC: UInt64, addendIsNormal: Bool,
        exponentA: Int, significandA: UInt64, exponentB: Int, significandB: UInt64, exponentC: Int, significandC: UInt64
    ) -> Rounded {
        guard 3 &* L.mantissaBits &+ 4 <= 61 else {
            return fusedMultiplyAddJammed(
                L.self, signProduct: signProduct, signC: signC, exponentA: exponentA, significandA: significandA,
                exponentB: exponentB, significandB: significandB, exponentC: exponentC, significandC: significandC)
        }
        let product = significandA &* significandB
        let delta = exponentA &+ exponentB &- L.bias &- L.mantissaBits &- exponentC
        let subtract = signProduct != signC
        var sum: UInt64
        var sign = signProduct
        var exponent = exponentC  // of the sum's bit m, as in addAligned
        if delta >= 0 {
            var distance = delta
            var addend = significandC
            if _slowPath(distance > L.mantissaBits &+ 2) {
                exponent = exponentC &+ delta &- (L.mantissaBits &+ 2)
                distance = L.mantissaBits &+ 2
                addend = 1
            }
            let aligned = product &<< UInt64(truncatingIfNeeded: distance)
            sum = subtract ? aligned &- addend : aligned &+ addend  // above zero: product ≥ 2^2m > c
        } else {
            if 0 &- delta >= 2 &* L.mantissaBits &+ 4 {
                let tiny = !addendIsNormal && magnitudeC < L.implicitBit
                return Rounded(bits: signC | magnitudeC, flags: tiny ? [.underflow, .inexact] : .inexact)
            }
            let aligned = significandC &<< UInt64(truncatingIfNeeded: 0 &- delta)
            exponent = exponentC &+ delta
            if subtract {
                sum = product &- aligned
                if sum == 0 { return Rounded(bits: 0) }  // x·y − x·y = +0 under nearest-even
                if Int64(bitPattern: sum) < 0 {
                    sum = 0 &- sum
                    sign = signC
                }
            } else {
                sum = product &+ aligned
            }
        }
        let zeros = sum.leadingZeroBitCount
        return roundPack(L.self, sign: sign, exponent: exponent &+ (62 &- L.mantissaBits) &- zeros,
                         significand: sum &<< UInt64(truncatingIfNeeded: zeros &- 1))
    }

    /// ``fusedMultiplyAddFinite(_:signProduct:signC:magnitudeC:addendIsNormal:exponentA:significandA:exponentB:significandB:exponentC:significandC:)``
    /// for float32, whose 48-bit products leave too little room for an exact sum: both terms
    /// with their leading bit at 61, the lower one shifted right with a jammed sticky bit.
    @inline(always)
    static func fusedMultiplyAddJammed<L: ScalarLayout>(
        _: L.Type, signProduct: UInt64, signC: UInt64,
        exponentA: Int, significandA: UInt64, exponentB: Int, significandB: UInt64, exponentC: Int, significandC: UInt64
    ) -> Rounded {
        let product = significandA &* significandB
        let productShift = product.leadingZeroBitCount &- 2
        let productValue = product &<< UInt64(truncatingIfNeeded: productShift)
        // Biased exponents of the leading bits (bit 61 of each value).
        let topProduct = exponentA &+ exponentB &- L.bias &+ (61 &- 2 &* L.mantissaBits) &- productShift
        let addendValue = significandC &<< UInt64(61 &- L.mantissaBits)
        let productIsBig = topProduct > exponentC || (topProduct == exponentC && productValue >= addendValue)
        let big = productIsBig ? productValue : addendValue
        let small = shiftRightJam(productIsBig ? addendValue : productValue,
                                  productIsBig ? topProduct &- exponentC : exponentC &- topProduct)
        let topBig = productIsBig ? topProduct : exponentC
        let sum: UInt64
        if signProduct != signC {
            sum = big &- small
            if sum == 0 { return Rounded(bits: 0) }
        } else {
            sum = big &+ small
        }
        let shift = sum.leadingZeroBitCount &- 1
        return roundPack(L.self, sign: productIsBig ? signProduct : signC, exponent: topBig &- shift,
                         significand: sum &<< UInt64(truncatingIfNeeded: shift))
    }

    /// Fused multiply-adds with a zero, subnormal, infinite or NaN operand (the special table of
    /// ``FloatFormat/fusedMultiplyAdd(_:_:_:options:random:)``).
    @inline(never)
    static func fusedMultiplyAddSpecial<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> Rounded {
        let magnitudeA = a & L.magnitudeMask
        let magnitudeB = b & L.magnitudeMask
        let magnitudeC = c & L.magnitudeMask
        let nanC = L.isNaN(magnitudeC)
        if L.isNaN(magnitudeA) || L.isNaN(magnitudeB) {
            let flags: FloatFlags = isSignaling(L.self, a) || isSignaling(L.self, b) || isSignaling(L.self, c) ? .invalid : []
            return Rounded(bits: quieted(L.self, L.isNaN(magnitudeA) ? a : b), flags: flags)
        }
        let infinityProduct = L.isInfinity(magnitudeA) || L.isInfinity(magnitudeB)
        let zeroProduct = magnitudeA == 0 || magnitudeB == 0
        if infinityProduct && zeroProduct {
            return nanC ? Rounded(bits: quieted(L.self, c), flags: .invalid) : invalid(L.self)
        }
        if nanC { return Rounded(bits: quieted(L.self, c), flags: isSignaling(L.self, c) ? .invalid : []) }
        let signProduct = (a ^ b) & L.signMask
        let signC = c & L.signMask
        if infinityProduct {
            return L.isInfinity(magnitudeC) && signProduct != signC ? invalid(L.self) : Rounded(bits: signProduct | L.infinityBits)
        }
        if L.isInfinity(magnitudeC) { return Rounded(bits: c & L.codeMask) }
        if zeroProduct {
            // 0 + c = c; 0 + 0 keeps a common sign, else +0.
            return Rounded(bits: magnitudeC == 0 && signProduct != signC ? 0 : c & L.codeMask)
        }
        if L.exponentBits == 8 {
            return fusedMultiplyAddSubnormal(L.self, signProduct: signProduct, signC: signC,
                                             magnitudeA: magnitudeA, magnitudeB: magnitudeB, magnitudeC: magnitudeC)
        }
        return fusedMultiplyAddNormalising(L.self, signProduct: signProduct, signC: signC,
                                           magnitudeA: magnitudeA, magnitudeB: magnitudeB, magnitudeC: magnitudeC)
    }

    /// ``fusedMultiplyAddNormalising(_:signProduct:signC:magnitudeA:magnitudeB:magnitudeC:)``
    /// out of line, for the layouts with 8 exponent bits (bfloat16, float32): with the
    /// arithmetic inlined, their ``fusedMultiplyAddSpecial(_:_:_:)`` saved two callee-saved
    /// registers and set up a frame on every call, NaN, infinity and zero operands included;
    /// without it, it is a leaf that answers those in registers. Measured with callgrind
    /// (instructions per operation): bfloat16 fma special 73.4 → 65.9, float32 76.0 → 68.4, their
    /// random rows 0.04–0.07 lower; the same split cost float16 +0.4 and float8_e4m3fn +0.5
    /// on random encodings (more subnormal operands, each paying the call), so they keep the
    /// arithmetic inline.
    @inline(never)
    static func fusedMultiplyAddSubnormal<L: ScalarLayout>(
        _: L.Type, signProduct: UInt64, signC: UInt64, magnitudeA: UInt64, magnitudeB: UInt64, magnitudeC: UInt64
    ) -> Rounded {
        fusedMultiplyAddNormalising(L.self, signProduct: signProduct, signC: signC,
                                    magnitudeA: magnitudeA, magnitudeB: magnitudeB, magnitudeC: magnitudeC)
    }

    /// a × b + c for nonzero finite magnitudes, one or more of them subnormal (or the addend
    /// zero): the operands normalised by ``unpack(_:_:)``, then the normal path's core (a zero
    /// addend: the product alone).
    ///
    ///     // bfloat16 2^-133 (0x0001, unpacked to exponent −6, significand 0x80) × 2^10 (0x4480) + 0:
    ///     // the product alone, 2^-123 → 0x0200 (biased exponent 4), exact
    @inline(always)
    static func fusedMultiplyAddNormalising<L: ScalarLayout>(
        _: L.Type, signProduct: UInt64, signC: UInt64, magnitudeA: UInt64, magnitudeB: UInt64, magnitudeC: UInt64
    ) -> Rounded {
        let x = unpack(L.self, magnitudeA)
        let y = unpack(L.self, magnitudeB)
        if magnitudeC == 0 {
            return multiplyFinite(L.self, sign: signProduct, exponentA: x.exponent, significandA: x.significand,
                                  exponentB: y.exponent, significandB: y.significand)
        }
        let z = unpack(L.self, magnitudeC)
        return fusedMultiplyAddFinite(
            L.self, signProduct: signProduct, signC: signC, magnitudeC: magnitudeC, addendIsNormal: false,
            exponentA: x.exponent, significandA: x.significand, exponentB: y.exponent, significandB: y.significand,
            exponentC: z.exponent, significandC: z.significand)
    }
}
