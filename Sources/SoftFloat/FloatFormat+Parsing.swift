extension FloatFormat {
    /// Looks up a format by name.
    ///
    /// Accepts the ml_dtypes names (`float8_e4m3fn`), the aliases `fp64 fp32 fp16 bf16`, and
    /// user-defined `eXmY` with an optional `fn`, `fnuz` or `fo` (finite-only: no inf, no NaN,
    /// like the OCP FP6/FP4 formats) suffix and an optional bias:
    ///
    ///     try FloatFormat.named("e6m9")            // IEEE-style, bias 31
    ///     try FloatFormat.named("e4m3fn")          // same layout as float8_e4m3fn
    ///     try FloatFormat.named("e5m2:bias=16")    // IEEE-style with bias 16
    ///
    /// - Throws: ``FormatError/unknown(_:)`` listing the valid names, or
    ///   ``FormatError/invalid(_:_:)`` for an impossible `eXmY`.
    public static func named(_ rawName: String) throws(FormatError) -> FloatFormat {
        let name = rawName.lowercased()
        if let index = builtInNames.firstIndex(of: name) { return builtIn[index] }
        if let canonical = aliases[name], let index = builtInNames.firstIndex(of: canonical) {
            return builtIn[index]
        }
        return try parseUserDefined(rawName)
    }

    private static func parseUserDefined(_ rawName: String) throws(FormatError) -> FloatFormat {
        let lowered = rawName.lowercased()
        let parts = lowered.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        var layout = Substring(parts[0])
        var bias: Int? = nil
        if parts.count == 2 {
            let option = parts[1]
            guard option.hasPrefix("bias="), let value = Int(option.dropFirst(5)) else {
                throw .invalid(rawName, "expected ':bias=N' after the layout, got ':\(option)'")
            }
            bias = value
        }
        var nonFinite = NonFiniteBehavior.ieee
        if layout.hasSuffix("fnuz") {
            nonFinite = .nanNegativeZero
            layout = layout.dropLast(4)
        } else if layout.hasSuffix("fn") {
            nonFinite = .nanAllOnes
            layout = layout.dropLast(2)
        } else if layout.hasSuffix("fo") {
            nonFinite = .finiteOnly
            layout = layout.dropLast(2)
        }
        guard layout.first == "e", let mIndex = layout.firstIndex(of: "m"),
              let exponentBits = Int(layout[layout.index(after: layout.startIndex)..<mIndex]),
              let mantissaBits = Int(layout[layout.index(after: mIndex)...])
        else { throw .unknown(rawName) }
        guard exponentBits >= 0, mantissaBits >= 0, exponentBits < 1000, mantissaBits < 1000 else {
            throw .invalid(rawName, "field widths must be small non-negative integers")
        }
        if exponentBits == 0 {
            throw .invalid(rawName, "zero exponent bits leave no room for a binary exponent (and none for IEEE specials)")
        }
        return try FloatFormat(
            name: lowered, exponentBits: exponentBits, mantissaBits: mantissaBits,
            bias: bias, nonFinite: nonFinite)
    }
}
