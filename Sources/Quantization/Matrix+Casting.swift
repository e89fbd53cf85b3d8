import SoftFloat

extension Matrix {
    /// Casts every element to `target` with one nearest-even rounding, as torch's
    /// `tensor.to(dtype)` does; the input of every kernel is the matrix cast to the compute
    /// format.
    ///
    ///     // 70000 does not fit float16 (max 65504):
    ///     try Matrix(rows: 1, columns: 1, format: .float32, values: ["70000"]).cast(to: .float16)
    ///     // throws QuantizationError.nonFiniteInput(row: 0, column: 0, value: "70000.0", …)
    ///
    /// - Throws: ``QuantizationError/nonFiniteInput(row:column:value:reason:)`` for an element
    ///   that is NaN or infinite, or that overflows `target`. Finite values too small for
    ///   `target` underflow to zero or a subnormal, silently, as in torch.
    public func cast(to target: FloatFormat) throws(QuantizationError) -> Matrix {
        try checkFinite()
        return try castKeepingNonFinite(to: target)
    }

    /// Like ``cast(to:)``, but NaN and ±∞ elements are carried over (as the target's NaN and
    /// infinity, or NaN where it has no infinity); only finite values that overflow throw.
    public func castKeepingNonFinite(to target: FloatFormat) throws(QuantizationError) -> Matrix {
        guard target != format else { return self }
        var converted = [UInt64](repeating: 0, count: count)
        for index in 0..<count {
            let code = codes[index]
            let result = format.convert(code, to: target)
            if format.isFiniteCode(code) && (result.flags.contains(.overflow) || !target.isFiniteCode(result.bits)) {
                throw .nonFiniteInput(
                    row: index / columns, column: index % columns, value: format.printedDecimal(code),
                    reason: "overflows \(target.name) (largest finite \(target.exactDecimal(target.maxFiniteBits)))")
            }
            converted[index] = result.bits
        }
        return try Matrix(rows: rows, columns: columns, format: target, codes: converted)
    }

    /// Throws for the first NaN or infinite element, naming its 0-based row and column.
    public func checkFinite() throws(QuantizationError) {
        for index in 0..<count where !format.isFiniteCode(codes[index]) {
            throw .nonFiniteInput(
                row: index / columns, column: index % columns, value: format.printedDecimal(codes[index]),
                reason: "is not finite; this kernel needs finite inputs (only the MX schemes define NaN and ±inf: the block decodes to NaN)")
        }
    }
}

extension FloatFormat {
    /// True for codes that are neither NaN nor infinite.
    func isFiniteCode(_ bits: UInt64) -> Bool {
        switch classify(bits) {
        case .nan, .infinity: return false
        default: return true
        }
    }
}
