/// Standard output as a `TextOutputStream` for documents written piece by piece (`quantize
/// --json`): pieces gather in a 64 KiB buffer, written with one `print` each time it fills
/// and by ``flush()``.
struct StandardOutput: TextOutputStream {
    private var buffer = ""

    init() {
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ string: String) {
        buffer += string
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        print(buffer, terminator: "")
        buffer.removeAll(keepingCapacity: true)
    }
}
