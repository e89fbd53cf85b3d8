import SoftFloat

/// Decodes every code of a format of 16 bits or fewer to float32 by table lookup.
///
/// The table (2^bitWidth float32 patterns, 256 KiB for 16-bit formats) is filled once by the
/// scalar engine, so a lookup is bit-exact by construction; a gather loop runs near memory speed.
/// Widening to float32 is exact for every built-in format except that NaN payloads are reduced
/// to the engine's NaN and float8_e8m0fnu's 2^-127 becomes a float32 subnormal (still exact).
public struct WideningTable: Sendable {
    public let source: FloatFormat
    public let table: [UInt32]

    /// - Precondition: `source.bitWidth <= 16`.
    public init(source: FloatFormat) {
        precondition(source.bitWidth <= 16, "table decoding is for formats of 16 bits or fewer")
        self.source = source
        table = (0...source.codeMask).map { UInt32(truncatingIfNeeded: source.convert($0, to: .float32).bits) }
    }

    @inlinable
    public func convert(_ input: UnsafeBufferPointer<UInt16>, into output: UnsafeMutableBufferPointer<UInt32>) {
        precondition(output.count >= input.count, "output buffer too small")
        table.withUnsafeBufferPointer { lookup in
            let mask = Int(source.codeMask)
            for index in input.indices { output[index] = lookup[Int(input[index]) & mask] }
        }
    }

    @inlinable
    public func convert(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt32>) {
        precondition(output.count >= input.count, "output buffer too small")
        table.withUnsafeBufferPointer { lookup in
            let mask = Int(source.codeMask)
            for index in input.indices { output[index] = lookup[Int(input[index]) & mask] }
        }
    }
}
