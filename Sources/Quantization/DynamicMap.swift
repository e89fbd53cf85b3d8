import SoftFloat

/// bitsandbytes' signed 8-bit "dynamic" quantization map (`create_dynamic_map(signed=True,
/// max_exponent_bits=7, total_bits=8)`), used by double quantization of the codebook scales.
///
/// For i = 0 … 6 it takes the 2^i midpoints of `linspace(0.1, 1, 2^i + 1)` (float32), scales
/// them by 10^(i−6) (float32 multiply) and adds their negatives; then 0 and 1; 256 values,
/// sorted:
///
///     DynamicMap.values.first   // −0.99296875 · … the most negative (i = 6: −(0.98593750 + 1)/2)
///     DynamicMap.values[127]    // 0
///     DynamicMap.values.last    // 1
///
/// Every step is a float32 operation of the SoftFloat engine. Two builds of `linspace`:
///
/// - ``values`` (the textbook convention's map): the scalar formula with a separately rounded
///   product, start + (step·k) below the halfway point, end − (step·(steps − 1 − k)) above it.
/// - ``torchCPUValues`` (the bitsandbytes convention): what torch's CPU `linspace` kernel
///   computes, the same formula with the product **fused** (one rounding, the compiler's FMA
///   contraction of `start + step * idx`). 42 of the 256 entries differ from ``values`` in their
///   last bits, from boundaries such as linspace(0.1, 1, 33)[9] = 0.353125 fused, 0.35312498
///   unfused.
enum DynamicMap {
    /// The 256 values as float32 codes, ascending (unfused linspace; the textbook convention).
    static let values: [UInt64] = build(fused: false)

    /// The 256 values of bitsandbytes' `create_dynamic_map()` on CPU (fused linspace), ascending.
    static let torchCPUValues: [UInt64] = build(fused: true)

    static func build(fused: Bool) -> [UInt64] {
        let f32 = ComputeFormat(.float32)
        var data: [UInt64] = []
        let decades = ["1e-06", "1e-05", "0.0001", "0.001", "0.01", "0.1", "1"]
        for i in 0..<7 {
            let boundaries = linspace(start: "0.1", end: 1, steps: (1 << i) + 1, fused: fused)
            let scale = f32.constant(decades[i])
            for k in 0..<(boundaries.count - 1) {
                let mean = f32.divide(f32.add(boundaries[k], boundaries[k + 1]), f32.integer(2))
                let value = f32.multiply(scale, mean)
                data.append(value)
                data.append(FloatFormat.float32.negate(value))
            }
        }
        data.append(0)
        data.append(f32.one)
        return data.sorted { FloatFormat.float32.doubleValue($0) < FloatFormat.float32.doubleValue($1) }
    }

    /// torch.linspace(start, end, steps, dtype=float32) by its scalar CPU formula; `fused`
    /// rounds start + step·k (end − step·k) once, as torch's compiled kernel does.
    static func linspace(start startText: String, end endInteger: Int64, steps: Int, fused: Bool) -> [UInt64] {
        let f32 = ComputeFormat(.float32)
        let start = f32.constant(startText)
        let end = f32.integer(endInteger)
        let step = f32.divide(f32.subtract(end, start), f32.integer(Int64(steps - 1)))
        let halfway = steps / 2
        return (0..<steps).map { index in
            if fused {
                return index < halfway
                    ? FloatFormat.float32.fusedMultiplyAdd(step, f32.integer(Int64(index)), start).bits
                    : FloatFormat.float32.fusedMultiplyAdd(
                        FloatFormat.float32.negate(step), f32.integer(Int64(steps - index - 1)), end).bits
            }
            return index < halfway
                ? f32.add(start, f32.multiply(step, f32.integer(Int64(index))))
                : f32.subtract(end, f32.multiply(step, f32.integer(Int64(steps - index - 1))))
        }
    }

    /// bitsandbytes' `dQuantize<0>`: a 7-step binary search for the bracketing pair, then the
    /// nearer one by |x − code| in the compute format; a tie goes to the upper code.
    static func quantize(_ x: UInt64, table: [UInt64], compute: ComputeFormat) -> Int {
        var pivot = 127
        var upperPivot = 255
        var lowerPivot = 0
        var value = table[pivot]
        var step = 64
        while step > 0 {
            if compute.isLess(value, x) {
                lowerPivot = pivot
                pivot += step
            } else {
                upperPivot = pivot
                pivot -= step
            }
            value = table[pivot]
            step >>= 1
        }
        if upperPivot == 255 { upperPivot = 254 }
        let lowerDistance = compute.magnitude(compute.subtract(x, table[lowerPivot]))
        let upperDistance = compute.magnitude(compute.subtract(x, table[upperPivot]))
        return compute.isLess(lowerDistance, upperDistance) ? lowerPivot : upperPivot
    }
}
