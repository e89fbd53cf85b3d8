import CNarrowingKernels
import SoftFloat

/// Every fast path of the lab, each with its declared domain (``FastPath``): the one list the
/// registry test (sampled, against the engine) and `precision-lab verify float32->F`
/// (exhaustive) iterate. A new kernel is added here or it is not tested.
///
/// For every built-in format F other than float32:
/// - `Float32Narrowing` float32 → F (F of at most 32 bits; its dedicated bfloat16, float8_e5m2
///   and float8_e8m0fnu kernels included);
/// - `BulkConversion` float32 → F and F → float32, as `bench` runs them (one thread);
/// - `WideningTable` F → float32 (F of at most 16 bits);
/// - the MX element rounding float32 → F, nearest-even with saturation, on |x| ≤ F's largest
///   finite value, wherever `Float32MXElementRounding(format:)` covers F;
/// and where the CPU has them, the C kernels with cached and with streaming stores (F16C
/// float32 → float16, AVX2 float32 → bfloat16).
public enum FastPathRegistry {
    public static let all: [FastPath] = {
        var paths: [FastPath] = []
        for format in FloatFormat.builtIn where format != .float32 {
            if format.bitWidth <= 32 { paths.append(narrowing(format)) }
            if let rounding = Float32MXElementRounding(format: format) { paths.append(mxElementRounding(format, rounding)) }
            paths.append(bulkNarrowing(format))
            if format.bitWidth <= 16 { paths.append(wideningTable(format)) }
            paths.append(bulkWidening(format))
        }
        if BulkConversion.hasF16C {
            paths.append(cKernel("F16C kernel, cached stores", .float16, precisionlab_f16c_narrow_cached))
            paths.append(cKernel("F16C kernel, streaming stores", .float16, precisionlab_f16c_narrow_streaming))
        }
        if BulkConversion.hasAVX2 {
            paths.append(cKernel("AVX2 bfloat16 kernel, cached stores", .bfloat16, precisionlab_bf16_narrow_cached))
            paths.append(cKernel("AVX2 bfloat16 kernel, streaming stores", .bfloat16, precisionlab_bf16_narrow_streaming))
        }
        return paths
    }()

    /// The paths from `source` to `target`.
    public static func paths(from source: FloatFormat, to target: FloatFormat) -> [FastPath] {
        all.filter { $0.source == source && $0.target == target }
    }

    static func narrowing(_ format: FloatFormat) -> FastPath {
        let narrowing = Float32Narrowing(target: format)
        let width = BulkConversion.storageBytes(of: format)
        return FastPath(name: "Float32Narrowing: float32->\(format.name)", source: .float32, target: format,
                        inputWidth: 4, outputWidth: width) { input, output, count in
            let source = UnsafeBufferPointer(start: input.assumingMemoryBound(to: UInt32.self), count: count)
            switch width {
            case 1: narrowing.convert(source, into: UnsafeMutableBufferPointer(start: output.assumingMemoryBound(to: UInt8.self), count: count))
            case 2: narrowing.convert(source, into: UnsafeMutableBufferPointer(start: output.assumingMemoryBound(to: UInt16.self), count: count))
            default: narrowing.convert(source, into: UnsafeMutableBufferPointer(start: output.assumingMemoryBound(to: UInt32.self), count: count))
            }
        }
    }

    static func mxElementRounding(_ format: FloatFormat, _ rounding: Float32MXElementRounding) -> FastPath {
        let largest = format.convert(format.maxFiniteBits, to: .float32).bits
        return FastPath(name: "MX element rounding: float32->\(format.name)", source: .float32, target: format,
                        options: RoundingOptions(overflow: .saturate), domain: .magnitudeAtMost(largest),
                        inputWidth: 4, outputWidth: 1) { input, output, count in
            let x = input.assumingMemoryBound(to: UInt32.self)
            let codes = output.assumingMemoryBound(to: UInt8.self)
            var index = 0
            while index + 8 <= count {
                var bits = SIMD8<UInt32>()
                for lane in 0..<8 { bits[lane] = x[index + lane] }
                let lanes = rounding.codes(magnitude: unsafeBitCast(bits & 0x7fff_ffff, to: SIMD8<Float>.self), sign: bits & 0x8000_0000)
                for lane in 0..<8 { codes[index + lane] = UInt8(truncatingIfNeeded: lanes[lane]) }
                index += 8
            }
            for tail in index..<count { codes[tail] = UInt8(truncatingIfNeeded: rounding.code(Float(bitPattern: x[tail]))) }
        }
    }

    static func bulkNarrowing(_ format: FloatFormat) -> FastPath {
        let conversion = BulkConversion(format: format)
        let width = conversion.storageBytes
        return FastPath(name: "BulkConversion: float32->\(format.name)", source: .float32, target: format,
                        inputWidth: 4, outputWidth: width) { input, output, count in
            conversion.narrow(UnsafeBufferPointer(start: input.assumingMemoryBound(to: UInt32.self), count: count),
                              into: UnsafeMutableRawBufferPointer(start: output, count: count * width), threads: 1)
        }
    }

    static func bulkWidening(_ format: FloatFormat) -> FastPath {
        let conversion = BulkConversion(format: format)
        let width = conversion.storageBytes
        return FastPath(name: "BulkConversion: \(format.name)->float32", source: format, target: .float32,
                        inputWidth: width, outputWidth: 4) { input, output, count in
            conversion.widen(UnsafeRawBufferPointer(start: input, count: count * width), count: count,
                             into: UnsafeMutableBufferPointer(start: output.assumingMemoryBound(to: UInt32.self), count: count), threads: 1)
        }
    }

    static func wideningTable(_ format: FloatFormat) -> FastPath {
        let table = WideningTable(source: format)
        let width = BulkConversion.storageBytes(of: format)
        return FastPath(name: "WideningTable: \(format.name)->float32", source: format, target: .float32,
                        inputWidth: width, outputWidth: 4) { input, output, count in
            let target = UnsafeMutableBufferPointer(start: output.assumingMemoryBound(to: UInt32.self), count: count)
            if width == 1 {
                table.convert(UnsafeBufferPointer(start: input.assumingMemoryBound(to: UInt8.self), count: count), into: target)
            } else {
                table.convert(UnsafeBufferPointer(start: input.assumingMemoryBound(to: UInt16.self), count: count), into: target)
            }
        }
    }

    static func cKernel(_ name: String, _ format: FloatFormat,
                        _ kernel: @escaping @Sendable (UnsafePointer<UInt32>?, UnsafeMutablePointer<UInt16>?, Int) -> Void) -> FastPath {
        FastPath(name: "\(name): float32->\(format.name)", source: .float32, target: format,
                 inputWidth: 4, outputWidth: 2) { input, output, count in
            kernel(input.assumingMemoryBound(to: UInt32.self), output.assumingMemoryBound(to: UInt16.self), count)
        }
    }
}
