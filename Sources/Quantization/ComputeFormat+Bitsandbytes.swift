import SoftFloat

extension ComputeFormat {
    /// bitsandbytes' row factor `127.0 / row_stats`: torch evaluates a Python number divided
    /// by a tensor as `reciprocal(tensor) × number`, two roundings, not one division.
    ///
    ///     // float32, row_stats = 2.296875:
    ///     // 1 / 2.296875 → 0.43537414, × 127 → 55.292515 (one division would give 55.29252)
    ///     // and −1.1484375 × 55.292515 = −63.499996 → q = −63, where 55.29252 gives −63.5 → −64
    func bitsandbytesFactor(limit: Int64, absmax: UInt64) -> UInt64 {
        multiply(divide(integer(1), absmax), integer(limit))
    }
}
