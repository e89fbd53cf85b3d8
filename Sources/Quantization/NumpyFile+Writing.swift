extension NumpyFile {
    /// A version 1.0 `.npy` file of little-endian float32 with shape (rows, columns).
    ///
    ///     float32File([1, 2], rows: 1, columns: 2)   // 128 bytes: a 118-byte header, then 00 00 80 3f 00 00 00 40
    static func float32File(_ values: [Float], rows: Int, columns: Int) -> [UInt8] {
        float32File(values, shape: [rows, columns])
    }

    /// A version 1.0 `.npy` file of little-endian float32 with any numpy shape (C order): the
    /// magic, the header dict padded with spaces to a multiple of 64 bytes (ending in a newline,
    /// as numpy writes it), then the values' bit patterns. The shape is written as Python writes
    /// a tuple: `()`, `(3,)`, `(2, 3, 4)`.
    ///
    ///     float32File([1, 2], shape: [2])   // header "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"
    static func float32File(_ values: [Float], shape: [Int]) -> [UInt8] {
        let tuple = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(tuple), }"
        let unpadded = magic.count + 4 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = magic + [1, 0]
        let length = header.utf8.count
        bytes += [UInt8(length & 0xff), UInt8(length >> 8)]
        bytes += Array(header.utf8)
        bytes.reserveCapacity(bytes.count + 4 * values.count)
        for value in values {
            let bits = value.bitPattern
            bytes += [UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 24)]
        }
        return bytes
    }
}
