/// What ``Float32QuantizeKernel`` writes: compact element storage, scale codes, zero points.
///
///     output.elementBytes        // 1 for int8
///     output.quantized(at: 5)    // −101: element 5 read back as ``QuantizationResult/quantized`` holds it
public struct Float32QuantizeOutput: Sendable, Hashable {
    public let rows: Int
    public let columns: Int
    /// Bytes per element: 1, or 2 (little-endian) for integers wider than 8 bits.
    public let elementBytes: Int
    /// True when elements are two's-complement (signed absmax/zeropoint).
    public let elementsAreSigned: Bool
    /// The elements, row-major, `elementBytes` each: integers, NF4 codes, or MX element codes.
    public var elements: [UInt8]
    /// One scale per group (groups numbered as ``QuantizationResult/scales``): float32 bits,
    /// or E8M0 codes for MX.
    public var scales: [UInt32]
    /// One zero point per group (0 for symmetric schemes; 2^(bits−1) for unsigned symmetric).
    public var zeroPoints: [Int32]
    /// Elements clamped to the integer range or saturated.
    public var clampedCount: Int
    /// NVFP4's float32 tensor scale (bits), nil for every other scheme or when it is off.
    public var tensorScale: UInt32?

    init(rows: Int, columns: Int, elementBytes: Int, elementsAreSigned: Bool, groups: Int) {
        self.rows = rows
        self.columns = columns
        self.elementBytes = elementBytes
        self.elementsAreSigned = elementsAreSigned
        elements = [UInt8](repeating: 0, count: rows * columns * elementBytes)
        scales = [UInt32](repeating: 0, count: groups)
        zeroPoints = [Int32](repeating: 0, count: groups)
        clampedCount = 0
    }

    /// Element `index` (row-major) as an integer, the way ``QuantizationResult/quantized``
    /// holds it: the integer itself, the codebook index, or the MX element's code.
    public func quantized(at index: Int) -> Int64 {
        if elementBytes == 1 {
            let byte = elements[index]
            return elementsAreSigned ? Int64(Int8(bitPattern: byte)) : Int64(byte)
        }
        let word = UInt16(elements[2 * index]) | UInt16(elements[2 * index + 1]) << 8
        return elementsAreSigned ? Int64(Int16(bitPattern: word)) : Int64(word)
    }
}
