#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A sink for bytes: standard output, or memory in tests. ``BufferedWriter`` batches small
/// writes into large ones before they reach it.
public protocol ByteOutput {
    /// Writes every byte of `bytes`, or throws.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(IOError)
}

/// A POSIX file descriptor written with `write(2)`, looping over partial writes and `EINTR`.
public struct FileDescriptorOutput: ByteOutput {
    public let descriptor: Int32

    public init(descriptor: Int32) { self.descriptor = descriptor }

    public static var standardOutput: FileDescriptorOutput { FileDescriptorOutput(descriptor: 1) }
    public static var standardError: FileDescriptorOutput { FileDescriptorOutput(descriptor: 2) }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Glibc) || canImport(Musl)
            let written = Glibc.write(descriptor, next, remaining)
            #else
            let written = Darwin.write(descriptor, next, remaining)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                throw IOError(operation: "write", code: errno)
            }
            next += written
            remaining -= written
        }
    }
}

/// Collects everything written, for tests. A class, so that the bytes can be read after a
/// ``BufferedWriter`` that owns a reference to it has flushed.
public final class MemoryOutput: ByteOutput {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// The bytes as UTF-8 text (invalid sequences replaced).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
        self.bytes.append(contentsOf: bytes)
    }
}

/// A failed `read(2)` or `write(2)`.
public struct IOError: Error, Equatable, Sendable, CustomStringConvertible {
    public let operation: String
    public let code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var description: String {
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return "\(operation) failed: \(reason)"
    }
}
