import SoftFloat

/// One fast path and the domain it claims: on every input it covers it gives exactly the
/// engine's scalar conversion, ``engineCode(_:)`` (`FloatFormat.convert`, which rounds once in
/// `RoundingCore`), bit for bit. ``FastPathRegistry`` lists every path; one parametrised test
/// checks each against the engine on sampled inputs (specials, every rounding boundary and tie,
/// random codes), and `precision-lab verify float32->F` checks every float32 → F path on all
/// 2^32 inputs (release build).
///
///     let path = FastPathRegistry.paths(from: .float32, to: .bfloat16)[0]
///     path.outputs(for: [0x3f80_8000, 0x3f81_8000])   // [0x3f80, 0x3f82]: ties to even
///     path.engineCode(0x3f80_8000)                      // 0x3f80, the engine's answer
public struct FastPath: Sendable, CustomStringConvertible {
    /// Which codes of the source format a path covers.
    public enum Domain: Sendable, Hashable {
        /// Every code.
        case allCodes
        /// Codes whose magnitude (sign bit cleared) is at most this code. The MX element
        /// rounding covers |y| ≤ the element's largest finite value; its kernel clamps first.
        case magnitudeAtMost(UInt64)
    }

    /// What the path is, e.g. "F16C kernel, streaming stores: float32->float16".
    public let name: String
    public let source: FloatFormat
    public let target: FloatFormat
    /// The rounding mode and overflow and subnormal policies the path implements.
    public let options: RoundingOptions
    public let domain: Domain
    /// Bytes per input code and per output code in memory (1, 2, 4 or 8; native byte order).
    public let inputWidth: Int
    public let outputWidth: Int
    let body: @Sendable (UnsafeRawPointer, UnsafeMutableRawPointer, Int) -> Void

    public init(name: String, source: FloatFormat, target: FloatFormat, options: RoundingOptions = .standard,
                domain: Domain = .allCodes, inputWidth: Int, outputWidth: Int,
                body: @escaping @Sendable (UnsafeRawPointer, UnsafeMutableRawPointer, Int) -> Void) {
        self.name = name
        self.source = source
        self.target = target
        self.options = options
        self.domain = domain
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        self.body = body
    }

    public var description: String { name }

    /// Whether `input` (a code of ``source``) lies in the path's domain.
    @inlinable public func covers(_ input: UInt64) -> Bool {
        switch domain {
        case .allCodes: return true
        case .magnitudeAtMost(let limit): return input & source.magnitudeMask <= limit
        }
    }

    /// The engine's answer for one input: the scalar conversion with the path's options.
    @inlinable public func engineCode(_ input: UInt64) -> UInt64 {
        source.convert(input, to: target, options: options).bits
    }

    /// Converts `count` codes (``inputWidth`` bytes each) at `input` into `count` codes
    /// (``outputWidth`` bytes each) at `output`.
    public func run(_ input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        body(input, output, count)
    }

    /// Runs the path on `inputs` with its output written `misalignment` codes past a 32-byte
    /// boundary (so the C kernels' unaligned heads are exercised) and returns the output codes.
    public func outputs(for inputs: [UInt64], misalignment: Int = 0) -> [UInt64] {
        var packed = [UInt8](repeating: 0, count: max(1, inputs.count * inputWidth))
        packed.withUnsafeMutableBytes { bytes in
            for (index, code) in inputs.enumerated() { Self.store(code, at: bytes.baseAddress!, index: index, width: inputWidth) }
        }
        var storage = [UInt8](repeating: 0, count: (inputs.count + misalignment) * outputWidth + 32)
        return storage.withUnsafeMutableBytes { bytes in
            let aligned = UnsafeMutableRawPointer(bitPattern: (UInt(bitPattern: bytes.baseAddress!) + 31) & ~31)!
            let output = aligned + misalignment * outputWidth
            packed.withUnsafeBytes { run($0.baseAddress!, into: output, count: inputs.count) }
            return (0..<inputs.count).map { Self.load(from: UnsafeRawPointer(output), index: $0, width: outputWidth) }
        }
    }

    /// The code at `index` of a buffer of `width`-byte codes.
    @inlinable @inline(__always)
    public static func load(from base: UnsafeRawPointer, index: Int, width: Int) -> UInt64 {
        switch width {
        case 1: return UInt64(base.loadUnaligned(fromByteOffset: index, as: UInt8.self))
        case 2: return UInt64(base.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self))
        case 4: return UInt64(base.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
        default: return base.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
        }
    }

    /// Stores `code` at `index` of a buffer of `width`-byte codes.
    @inlinable @inline(__always)
    public static func store(_ code: UInt64, at base: UnsafeMutableRawPointer, index: Int, width: Int) {
        switch width {
        case 1: base.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: index, as: UInt8.self)
        case 2: base.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: index * 2, as: UInt16.self)
        case 4: base.storeBytes(of: UInt32(truncatingIfNeeded: code), toByteOffset: index * 4, as: UInt32.self)
        default: base.storeBytes(of: code, toByteOffset: index * 8, as: UInt64.self)
        }
    }
}
