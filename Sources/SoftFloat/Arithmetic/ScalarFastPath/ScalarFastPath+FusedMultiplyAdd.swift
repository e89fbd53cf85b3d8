extension ScalarFastPath {
    /// a × b + c with one rounding: ``FloatFormat/fusedMultiplyAdd(_:_:_:options:random:)`` with
    /// the standard options, for a static layout.
    ///
    ///     ScalarFastPath.fusedMultiplyAdd(Float16Layout.self, 0x3c03, 0x3c03, 0xbc00)   // 0x1e02, inexact
    ///
    /// The product (at most 48 bits) and the addend are both placed with their leading bit at
    /// 61, the lower one shifted right by the difference with a jammed sticky bit, then added
    /// as in ``add(_:_:_:)``: bits are lost only when the terms' leading bits are more
    /// than 13 apart, so the difference cancels at most one bit and at least 37 bits remain
    /// below the rounding position.
    @inline(never)
    static func fusedMultiplyAdd<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> Rounded {
        let magnitudeA = a & L.magnitudeMask
        let magnitudeB = b & L.magnitudeMask
        let magnitudeC = c & L.magnitudeMask
        guard _fastPath(L.areNormal(magnitudeA, magnitudeB) && L.isNormal(magnitudeC)) else {
            return fusedMultiplyAddSpecial(L.self, a, b, c)
        }
        return fusedMultiplyAddFinite(
            L.self, signProduct: (a ^ b) & L.signMask, signC: c & L.signMask,
            exponentA: Int(truncatingIfNeeded: magnitudeA &>> UInt64(L.mantissaBits)), significandA: (magnitudeA & L.mantissaMask) | L.implicitBit,
            exponentB: Int(truncatingIfNeeded: magnitudeB &>> UInt64(L.mantissaBits)), significandB: (magnitudeB & L.mantissaMask) | L.implicitBit,
            exponentC: Int(truncatingIfNeeded: magnitudeC &>> UInt64(L.mantissaBits)), significandC: (magnitudeC & L.mantissaMask) | L.implicitBit)
    }

    @inline(always)
    static func fusedMultiplyAddFinite<L: ScalarLayout>(
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
        let x = unpack(L.self, magnitudeA)
        let y = unpack(L.self, magnitudeB)
        if magnitudeC == 0 {
            return multiplyFinite(L.self, sign: signProduct, exponentA: x.exponent, significandA: x.significand,
                                  exponentB: y.exponent, significandB: y.significand)
        }
        let z = unpack(L.self, magnitudeC)
        return fusedMultiplyAddFinite(
            L.self, signProduct: signProduct, signC: signC,
            exponentA: x.exponent, significandA: x.significand, exponentB: y.exponent, significandB: y.significand,
            exponentC: z.exponent, significandC: z.significand)
    }
}
