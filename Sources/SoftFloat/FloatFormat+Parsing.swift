extension FloatFormat {
    /// Looks up a format by name.
    ///
    /// Accepts, in this order:
    /// 1. the ml_dtypes names of the built-ins (`float8_e4m3fn`) and the aliases `fp64 fp32
    ///    fp16 bf16`;
    /// 2. a built-in's short name, the part after `floatN_`: it *is* that built-in, whatever
    ///    its suffix would mean alone (`e2m3fn` is the finite-only float6_e2m3fn, `e8m0fnu` is
    ///    float8_e8m0fnu, `e4m3b11fnuz` is float8_e4m3b11fnuz);
    /// 3. a user-defined `eXmY`, IEEE-style unless a suffix says otherwise, with an optional
    ///    `:bias=N` (default 2^(X−1) − 1; 2^(X−1) for `fnuz`). Each suffix means one thing:
    ///    - `fn`: no infinity, NaN at the all-ones codes (LLVM's NaN-only, all-ones encoding);
    ///    - `fnuz`: no infinity, no −0, the single NaN at the negative-zero code;
    ///    - `fo`: finite only, no infinity and no NaN.
    ///
    ///     try FloatFormat.named("e6m9")            // IEEE-style, bias 31
    ///     try FloatFormat.named("e4m3fn")          // float8_e4m3fn (max 448)
    ///     try FloatFormat.named("e2m3fn")          // float6_e2m3fn (finite only, max 7.5)
    ///     try FloatFormat.named("e2m3fn:bias=1")   // user-defined: NaN at all ones, max 7.0
    ///     try FloatFormat.named("e5m2:bias=16")    // IEEE-style with bias 16
    ///
    /// A layout equal to a built-in's is that built-in: `e5m10` is float16, `e2m3fo` is
    /// float6_e2m3fn. Every format's ``name`` parses back to it.
    ///
    /// - Throws: ``FormatError/unknown(_:)`` listing the valid names, or
    ///   ``FormatError/invalid(_:_:)`` for an impossible `eXmY`.
    public static func named(_ rawName: String) throws(FormatError) -> FloatFormat {
        let name = rawName.lowercased()
        if let format = builtIn.first(where: { $0.name == name }) { return format }
        if let canonical = aliases[name], let format = builtIn.first(where: { $0.name == canonical }) {
            return format
        }
        if let format = builtIn(shortName: name) { return format }
        return try parseUserDefined(rawName)
    }

    /// The built-in whose name is `floatN_` followed by `shortName` (`e2m3fn` → float6_e2m3fn),
    /// or nil. float64, float32, tf32, float16 and bfloat16 have no short name.
    static func builtIn(shortName: String) -> FloatFormat? {
        builtIn.first { format in
            let name = format.name
            guard let underscore = name.firstIndex(of: "_") else { return false }
            return name[name.index(after: underscore)...] == shortName
        }
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
