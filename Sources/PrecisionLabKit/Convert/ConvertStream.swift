#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SoftFloat

/// The streaming loop of `precision-lab convert`: one value per input line in, one line out.
///
/// Input is read in 1 MiB chunks and split on `\n` in place; output goes through a
/// ``BufferedWriter``. Memory stays constant in the number of lines (it grows only to hold
/// the longest line). A last line without `\n` is converted too.
///
/// On a malformed line the loop flushes what it has written for the earlier lines, then
/// throws ``ConvertError/malformedLine(line:text:reason:)``: the output is a stream, so those
/// earlier lines stay written.
///
///     let output = MemoryOutput()
///     var input = MemoryInput("1/3\n65520\n")
///     try ConvertStream.run(ConvertConfiguration(target: .float16), input: &input, output: BufferedWriter(output))
///     // output.text == "0x3555\n0x7c00\n"
public enum ConvertStream {
    /// Converts every line of `input` and writes the results to `output`, flushing it at the end.
    ///
    /// - Returns: the number of lines converted.
    @discardableResult
    public static func run<Input: ByteInput, Output: ByteOutput>(
        _ configuration: ConvertConfiguration, input: inout Input, output: BufferedWriter<Output>,
        chunkSize: Int = 1 << 20
    ) throws(ConvertError) -> Int {
        var converter = LineConverter(configuration)
        let target = configuration.target
        let hexDigitCount = target.hexDigitCount
        var capacity = max(chunkSize, 16)
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var start = 0
        var end = 0
        var lineNumber = 0
        var atEnd = false

        func emit(_ line: UnsafeBufferPointer<UInt8>) throws(ConvertError) {
            lineNumber += 1
            let rounded: Rounded
            do {
                rounded = try converter.convert(line)
            } catch {
                try? output.flush()
                throw .malformedLine(line: lineNumber, text: LineConverter.displayText(line), reason: error.reason)
            }
            do {
                switch configuration.output {
                case .bits: try output.writeHex(rounded.bits, digitCount: hexDigitCount)
                case .value:
                    try output.write(ShortestDecimal.string(rounded.bits, in: target) ?? target.shortestDecimal(rounded.bits))
                case .exact: try output.write(target.exactDecimal(rounded.bits))
                }
                try output.writeByte(UInt8(ascii: "\n"))
            } catch {
                throw .io(error)
            }
        }

        while true {
            while start < end, let newline = memchr(buffer + start, Int32(UInt8(ascii: "\n")), end - start) {
                let stop = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                try emit(UnsafeBufferPointer(start: buffer + start, count: stop - start))
                start = stop + 1
            }
            if atEnd {
                if start < end { try emit(UnsafeBufferPointer(start: buffer + start, count: end - start)) }
                break
            }
            // Keep the partial last line, at the front; grow only if one line fills the buffer.
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
            let count: Int
            do {
                count = try input.read(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end))
            } catch {
                try? output.flush()
                throw .io(error)
            }
            if count == 0 { atEnd = true } else { end += count }
        }
        do { try output.flush() } catch { throw .io(error) }
        return lineNumber
    }
}
