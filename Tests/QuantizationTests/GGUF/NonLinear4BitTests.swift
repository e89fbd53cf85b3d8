import Testing
@testable import Quantization

/// IQ4's grid index against ggml's `best_index_int8` as written there (binary search for the
/// bracketing pair, then x − v[k−1] < v[k] − x), on every grid value and its float32
/// neighbours, every midpoint and its neighbours, values just off the ends, NaN, ±∞, and a
/// sweep of 100,001 values over [−130, 130].
@Suite struct NonLinear4BitTests {
    /// `best_index_int8`, ggml-quants.c, read off the C.
    static func binarySearch(_ x: Float) -> UInt8 {
        let v = NonLinear4Bit.nonLinearValues.map { Float($0) }
        if x <= v[0] { return 0 }
        if x >= v[15] { return 15 }
        var low = 0, high = 15
        while high - low > 1 {
            let middle = (low + high) / 2
            if x < v[middle] { high = middle } else { low = middle }
        }
        return x - v[high - 1] < v[high] - x ? UInt8(high - 1) : UInt8(high)
    }

    static let probes: [Float] = {
        let v = NonLinear4Bit.nonLinearValues.map { Float($0) }
        var values: [Float] = [.nan, .infinity, -.infinity, 0, -0.0, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        for k in 0..<16 {
            values += [v[k], v[k].nextUp, v[k].nextDown]
            if k > 0 {
                let middle = (v[k - 1] + v[k]) / 2
                values += [middle, middle.nextUp, middle.nextDown]
            }
        }
        for i in 0...100_000 { values.append(-130 + 260 * Float(i) / 100_000) }
        return values
    }()

    @Test func countingEqualsTheBinarySearch() {
        var differences = 0
        for x in Self.probes where NonLinear4Bit.bestIndex(x) != Self.binarySearch(x) {
            differences += 1
            Issue.record("x = \(x): \(NonLinear4Bit.bestIndex(x)) vs ggml's \(Self.binarySearch(x))")
            if differences > 5 { break }
        }
        #expect(NonLinear4Bit.bestIndex(-4.5) == 8)   // halfway between −10 and 1: the upper
        #expect(NonLinear4Bit.bestIndex(.nan) == 15)
    }
}
