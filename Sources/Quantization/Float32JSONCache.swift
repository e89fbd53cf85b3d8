/// The JSON texts (``JSONValue/writeFloat32(_:to:)``) of the float32 values one matrix row has
/// printed so far, so that a value met again is a copy of its bytes instead of a digit
/// search: a dequantized row holds few values (an absmax row at most 255 of its 4096, an NF4
/// block at most 16), each printed tens of times. The text is a function of the bits alone,
/// so the output is the same byte for byte; a row without repeats pays a hash and a 24-byte
/// copy an element.
///
/// Direct-mapped: 512 slots of 32 bytes (16 KiB, within the L1 cache), the slot of `bits`
/// chosen by the top 9 bits of `bits` × 0x9e37_79b1 (Fibonacci hashing); a value met in a
/// taken slot replaces it.
///
///     var cache = Float32JSONCache()
///     cache.write(0x3dcc_cccd, to: out)   // 3: 0.1 (printed, then kept)
///     cache.write(0x3dcc_cccd, to: out)   // 3: 0.1 (copied)
///     cache.write(0x7fc0_0000, to: out)   // 4: null
struct Float32JSONCache: ~Copyable {
    /// Slot layout: the text in bytes 0 ..< 24 (``JSONValue/float32Width``), the bits in
    /// 24 ..< 28, the text's length in byte 28 (0: empty).
    private let slots: UnsafeMutableRawPointer

    static let slotCount = 512
    static let slotSize = 32

    init() {
        slots = .allocate(byteCount: Self.slotCount * Self.slotSize, alignment: 8)
        slots.initializeMemory(as: UInt8.self, repeating: 0, count: Self.slotCount * Self.slotSize)
    }

    deinit { slots.deallocate() }

    /// Writes the JSON text of the float32 `bits` at `out` and returns its length, as
    /// ``JSONValue/writeFloat32(_:to:)`` does; `out` must have room for
    /// ``JSONValue/float32Width`` (24) bytes, which it may all write.
    @inline(__always)
    mutating func write(_ bits: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let slot = slots + Int(truncatingIfNeeded: (bits &* 0x9e37_79b1) &>> 23) &* Self.slotSize
        let target = UnsafeMutableRawPointer(out)
        let length = Int(slot.load(fromByteOffset: 28, as: UInt8.self))
        if length != 0, slot.load(fromByteOffset: 24, as: UInt32.self) == bits {
            for word in 0..<3 {
                target.storeBytes(of: slot.load(fromByteOffset: 8 &* word, as: UInt64.self), toByteOffset: 8 &* word, as: UInt64.self)
            }
            return length
        }
        let written = JSONValue.writeFloat32(bits, to: out)
        for word in 0..<3 {
            slot.storeBytes(of: target.loadUnaligned(fromByteOffset: 8 &* word, as: UInt64.self), toByteOffset: 8 &* word, as: UInt64.self)
        }
        slot.storeBytes(of: bits, toByteOffset: 24, as: UInt32.self)
        slot.storeBytes(of: UInt8(truncatingIfNeeded: written), toByteOffset: 28, as: UInt8.self)
        return written
    }
}
