/// A ``ByteOutput`` that keeps nothing but the number of bytes written: the sink of the
/// benchmarks that time a command's printing without the terminal or the disk.
public final class CountingOutput: ByteOutput {
    public private(set) var byteCount = 0

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
        byteCount += bytes.count
    }
}
