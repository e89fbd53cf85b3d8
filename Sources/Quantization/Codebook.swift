import SoftFloat

/// A 16-entry 4-bit codebook from bitsandbytes, its values as float32 codes indexed by the
/// 4-bit code, and the textbook way of picking a code for a normalized value n ∈ [−1, 1]
/// (bitsandbytes' own is ``BitsandbytesCodebookKernel``'s bucketize).
///
/// NF4 (QLoRA's NormalFloat4) is sorted: code 0 is −1, code 7 is 0, code 15 is 1.
/// bitsandbytes' FP4 is sign-magnitude with its own exponent bias (it is *not* OCP E2M1):
///
///     code: 0     1          2          3    4          5    6          7
///     value 0     1/192      2/3        1    1/3        1/2  1/6        1/4
///           (0.0625, 8, 12, 4, 6, 2, 3 divided by 12; codes 8 … 15 are the negatives)
///
/// Those are the float32 values of the CPU and CUDA kernels' FP4 tables
/// (0, 5.208333333e-03f, 0.66666667f, 1, 0.33333333f, 0.5, 0.16666667f, 0.25; code 8 is −0.0f),
/// which equal `get_4bit_type("fp4")`'s `data / 12` in float32 (where code 8 is +0).
public struct Codebook: Sendable, Hashable {
    public let name: String
    /// The 16 values, indexed by code, as float32 codes.
    public let values: [UInt64]

    /// NF4: bitsandbytes' 16 values (float32 of its decimal literals).
    public static let nf4 = Codebook(
        name: "nf4",
        literals: [
            "-1.0", "-0.6961928009986877", "-0.5250730514526367", "-0.39491748809814453",
            "-0.28444138169288635", "-0.18477343022823334", "-0.09105003625154495", "0.0",
            "0.07958029955625534", "0.16093020141124725", "0.24611230194568634", "0.33791524171829224",
            "0.44070982933044434", "0.5626170039176941", "0.7229568362236023", "1.0",
        ])

    /// bitsandbytes' FP4 (`quant_type="fp4"`).
    public static let fp4Bitsandbytes = Codebook(
        name: "fp4-bnb",
        literals: [
            "0", "5.208333333e-03", "0.66666667", "1.0", "0.33333333", "0.5", "0.16666667", "0.25",
            "-0", "-5.208333333e-03", "-0.66666667", "-1.0", "-0.33333333", "-0.5", "-0.16666667", "-0.25",
        ])

    init(name: String, literals: [String]) {
        self.name = name
        // The literals are the lab's own constants and always parse.
        values = literals.map { try! FloatFormat.float32.round($0).bits }
    }

    /// The value of a code as a `Double` (exact).
    public func doubleValue(_ code: Int) -> Double { FloatFormat.float32.doubleValue(values[code]) }

    /// The largest magnitude in the table (1 for both).
    var maximumMagnitude: Double { values.map { abs(FloatFormat.float32.doubleValue($0)) }.max() ?? 1 }

    /// The exactly nearest code among `table` (the codebook's values in some compute format),
    /// ties to the lower value; equal values (FP4's ±0) resolve to the lowest code.
    ///
    ///     nearestCode(0.03979014977812767, …)   // NF4 code 7: exactly halfway, the lower wins
    ///     nearestCode(-0.6106328964233398, …)   // NF4 code 2: nearer −0.525… than −0.696…
    static func nearestCode(_ n: Double, sortedValues: [Double], sortedCodes: [Int]) -> Int {
        var index = 0
        while index + 1 < sortedValues.count {
            // The table holds float32 values (possibly rounded further), so the sum of two
            // neighbors needs at most 25 significant bits: the midpoint is exact in Double.
            let midpoint = (sortedValues[index] + sortedValues[index + 1]) / 2
            if n <= midpoint { break }
            index += 1
        }
        return sortedCodes[index]
    }

    /// The codebook's values in `compute`, deduplicated (lowest code first) and sorted, for
    /// ``nearestCode(_:sortedValues:sortedCodes:)``.
    func sortedTable(in compute: ComputeFormat) -> (values: [Double], codes: [Int]) {
        var seen: [Double: Int] = [:]
        for code in 0..<values.count {
            let value = compute.double(compute.converting(values[code], from: .float32))
            let key = value == 0 ? 0 : value  // −0 and +0 are one value
            if seen[key] == nil { seen[key] = code }
        }
        let sorted = seen.sorted { $0.key < $1.key }
        return (sorted.map(\.key), sorted.map(\.value))
    }
}
