/// Batches small writes into one large buffer and hands it to a ``ByteOutput`` when full.
///
/// The convert loop writes 10^7 short lines; going to `write(2)` once per megabyte instead of
/// once per line is most of what makes it fast. Call ``flush()`` before exiting, on success
/// and on error alike, or the tail of the output is lost.
///
///     let sink = MemoryOutput()
///     let writer = BufferedWriter(sink)
///     try writer.write("0x3c00")
///     try writer.writeByte(UInt8(ascii: "\n"))
///     try writer.flush()        // sink.text == "0x3c00\n"
public final class BufferedWriter<Sink: ByteOutput> {
    public private(set) var sink: Sink
    private let storage: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0

    /// - Parameter capacity: the buffer size in bytes (1 MiB by default).
    public init(_ sink: Sink, capacity: Int = 1 << 20) {
        self.sink = sink
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Appends raw bytes.
    @inline(__always)
    public func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
        if bytes.count > capacity - count {
            try flush()
            if bytes.count > capacity {
                try sink.write(bytes)
                return
            }
        }
        if let base = bytes.baseAddress {
            (storage + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        }
        count += bytes.count
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) throws(IOError) {
        var text = text
        let done: IOError? = text.withUTF8 { utf8 in
            do throws(IOError) {
                try write(UnsafeRawBufferPointer(utf8))
                return nil
            } catch {
                return error
            }
        }
        if let done { throw done }
    }

    /// Appends one byte.
    @inline(__always)
    public func writeByte(_ byte: UInt8) throws(IOError) {
        if count == capacity { try flush() }
        storage[count] = byte
        count += 1
    }

    /// Appends `0x` and the low `digitCount` hex digits of `value`, lowercase, zero-padded.
    @inline(__always)
    public func writeHex(_ value: UInt64, digitCount: Int) throws(IOError) {
        if digitCount + 2 > capacity - count { try flush() }
        let hexDigits: StaticString = "0123456789abcdef"
        let table = hexDigits.utf8Start
        storage[count] = UInt8(ascii: "0")
        storage[count + 1] = UInt8(ascii: "x")
        var position = count + 1 + digitCount
        var rest = value
        while position > count + 1 {
            storage[position] = table[Int(rest & 0xf)]
            rest >>= 4
            position -= 1
        }
        count += digitCount + 2
    }

    /// Hands every buffered byte to the sink.
    public func flush() throws(IOError) {
        guard count > 0 else { return }
        let pending = count
        count = 0
        try sink.write(UnsafeRawBufferPointer(start: storage, count: pending))
    }
}
