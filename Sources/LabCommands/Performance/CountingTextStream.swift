/// A `TextOutputStream` that counts UTF-8 bytes and keeps nothing: where the output benchmarks
/// send a document written piece by piece (`QuantizationResult.writeJSON(to:)`).
struct CountingTextStream: TextOutputStream {
    var byteCount = 0

    mutating func write(_ string: String) {
        byteCount += string.utf8.count
    }
}
