#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a ``ByteInput`` into lines, reading 1 MiB chunks and handing out each line (without
/// its `\n`) in place, with no copy. Memory grows only to hold the longest line. A last line
/// without `\n` is returned too.
///
///     var reader = LineReader(MemoryInput("a\nb"))
///     while let line = try reader.nextLine() { … }   // "a", then "b"
public final class LineReader<Input: ByteInput> {
    private var input: Input
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEnd = false
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    public init(_ input: Input, chunkSize: Int = 1 << 20) {
        self.input = input
        capacity = max(chunkSize, 16)
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// The next line, valid until the following call; nil at the end of the input.
    public func nextLine() throws(IOError) -> UnsafeBufferPointer<UInt8>? {
        while true {
            if start < end, let newline = memchr(buffer + start, Int32(UInt8(ascii: "\n")), end - start) {
                let stop = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                let line = UnsafeBufferPointer(start: buffer + start, count: stop - start)
                start = stop + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < end else { return nil }
                let line = UnsafeBufferPointer(start: buffer + start, count: end - start)
                start = end
                lineNumber += 1
                return line
            }
            // Keep the partial last line at the front; grow only if one line fills the buffer.
            if start > 0 {
                if end > start { memmove(buffer, buffer + start, end - start) }
                end -= start
                start = 0
            }
            if end == capacity {
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.moveInitialize(from: buffer, count: end)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let count = try input.read(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end))
            if count == 0 { atEnd = true } else { end += count }
        }
    }
}
