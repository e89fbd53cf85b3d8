import Testing
@testable import LabCommands

@Suite struct BufferedWriterTests {
    @Test func smallWritesReachTheSinkInOrderAfterFlush() throws {
        let sink = MemoryOutput()
        let writer = BufferedWriter(sink, capacity: 64)
        var expected = ""
        for index in 0..<500 {
            try writer.write(String(index))
            try writer.writeByte(UInt8(ascii: "\n"))
            expected += "\(index)\n"
        }
        try writer.flush()
        #expect(sink.text == expected)
    }

    @Test func writesLargerThanTheBufferGoStraightThrough() throws {
        let sink = MemoryOutput()
        let writer = BufferedWriter(sink, capacity: 64)
        try writer.write("ab")
        let large = String(repeating: "x", count: 1000)
        try writer.write(large)
        try writer.write("cd")
        try writer.flush()
        #expect(sink.text == "ab" + large + "cd")
    }

    @Test(arguments: [
        (UInt64(0x3555), 4, "0x3555"), (0x1, 2, "0x01"), (0x0, 16, "0x0000000000000000"),
        (0x1f555, 5, "0x1f555"), (0xffff_ffff_ffff_ffff, 16, "0xffffffffffffffff"), (0xab, 1, "0xb"),
    ])
    func hexIsLowercaseAndZeroPadded(_ value: UInt64, _ digits: Int, _ expected: String) throws {
        let sink = MemoryOutput()
        let writer = BufferedWriter(sink, capacity: 64)
        try writer.writeHex(value, digitCount: digits)
        try writer.flush()
        #expect(sink.text == expected)
    }

    @Test func memoryInputHandsOutChunks() throws {
        var input = MemoryInput("abcdefg", chunkSize: 3)
        var buffer = [UInt8](repeating: 0, count: 10)
        var chunks: [String] = []
        while true {
            let count = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }
            if count == 0 { break }
            chunks.append(String(decoding: buffer[..<count], as: UTF8.self))
        }
        #expect(chunks == ["abc", "def", "g"])
    }
}
