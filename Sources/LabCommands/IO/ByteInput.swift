#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of bytes read in large chunks: standard input, or memory in tests.
public protocol ByteInput {
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many were read;
    /// 0 means end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int
}

/// A POSIX file descriptor read with `read(2)`, retried on `EINTR`.
public struct FileDescriptorInput: ByteInput {
    public let descriptor: Int32

    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// Standard input.
    public static var standardInput: FileDescriptorInput { FileDescriptorInput(descriptor: 0) }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc) || canImport(Musl)
            let count = Glibc.read(descriptor, base, buffer.count)
            #else
            let count = Darwin.read(descriptor, base, buffer.count)
            #endif
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw IOError(operation: "read", code: errno)
        }
    }
}

/// Bytes held in memory, handed out at most `chunkSize` at a time so that tests can force
/// lines to straddle chunk boundaries.
public struct MemoryInput: ByteInput {
    public let bytes: [UInt8]
    public let chunkSize: Int
    private var offset = 0

    public init(_ bytes: [UInt8], chunkSize: Int = 1 << 20) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    public init(_ text: String, chunkSize: Int = 1 << 20) {
        self.init(Array(text.utf8), chunkSize: chunkSize)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        let count = min(buffer.count, chunkSize, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}
