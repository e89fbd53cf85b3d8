/// bitsandbytes' CPU blockwise 8-bit quantizer (`quantize_cpu_impl` in csrc/cpu_ops.cpp,
/// 0.50.x), which double quantization uses for the centred block absmaxes: a 65,536-entry
/// table from a fixed-point index to a map code, instead of a search.
///
/// - Table: midpoint[i] = 0.5 · (map[i] + map[i+1]) (float32); for t = 0 … 65535,
///   v = −1 + (2t) / 65535 (float32 division, then addition) and table[t] = the number of
///   midpoints < v (a running pointer, so strictly-less: v equal to a midpoint stays low).
/// - Element: n = x · (1/absmax), clamped to [−1, 1]; index = trunc(fma((n + 1) · 0.5, 65535,
///   0.5)), the compiler's fused multiply-add of `(val + 1.0f) * 0.5f * 65535 + 0.5f`;
///   code = table[index]. So n is first rounded to a 1/65535 grid: a value very near a
///   midpoint can go to the farther map entry (unlike `dQuantize`'s exact comparison).
/// - A block whose absmax is 0 gets code 0 throughout (not the map's zero).
///
///     // n = 1 (the block's largest value): index 65535 → code 255, the map's 1.0 exactly.
///     // n = −0.20042: index 26234 → code 56 (−0.20547), the nearer of 56 and 57.
struct DynamicMapLookup: Sendable {
    let map: [Float]
    let table: [UInt8]

    init(map: [Float]) {
        self.map = map
        var midpoints = [Float](repeating: 0, count: map.count - 1)
        for index in 0..<(map.count - 1) { midpoints[index] = 0.5 * (map[index] + map[index + 1]) }
        var table = [UInt8](repeating: 0, count: 65536)
        var code = 0
        for index in 0..<65536 {
            let value: Float = -1 + (2 * Float(index)) / 65535
            while code < midpoints.count && midpoints[code] < value { code += 1 }
            table[index] = UInt8(code)
        }
        self.table = table
    }

    /// The code of one normalized value n = x · (1/absmax).
    func code(_ normalized: Float) -> Int {
        let clamped = min(max(normalized, -1), 1)
        // a.addingProduct(b, c) is a + b·c rounded once: the C expression's fused form.
        let index = Float(0.5).addingProduct((clamped + 1) * 0.5, 65535)
        return Int(table[Int(index)])
    }

    /// Codes and absmax of consecutive blocks of `blockSize` (the last may be partial).
    func quantize(_ values: [Float], blockSize: Int) -> (codes: [Int], absmax: [Float]) {
        var codes = [Int](repeating: 0, count: values.count)
        var absmaxes: [Float] = []
        var start = 0
        while start < values.count {
            let end = min(start + blockSize, values.count)
            var absmax: Float = 0
            for index in start..<end { absmax = max(absmax, abs(values[index])) }
            absmaxes.append(absmax)
            if absmax != 0 {
                let reciprocal = 1 / absmax
                for index in start..<end { codes[index] = code(values[index] * reciprocal) }
            }
            start = end
        }
        return (codes, absmaxes)
    }
}
