import SoftFloat

/// The streaming loop of `precision-lab convert`: one value per input line in, one line out.
///
/// Input is read in 1 MiB chunks and split on `\n` in place by ``LineReader``; output goes
/// through a ``BufferedWriter``. Memory stays constant in the number of lines (it grows only to hold
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
        var printed = PrintedDecimalTable(target)
        let containerShift = configuration.container ? target.float32ContainerShift ?? 0 : 0
        let hexDigitCount = containerShift > 0 ? 8 : target.hexDigitCount
        let reader = LineReader(input, chunkSize: chunkSize)
        while true {
            let next: UnsafeBufferPointer<UInt8>?
            do { next = try reader.nextLine() } catch {
                try? output.flush()
                throw .io(error)
            }
            guard let line = next else { break }
            if configuration.skipsHeader && reader.lineNumber == 1 { continue }
            if let type = configuration.integerTarget {
                let integer: (value: Int64, flags: FloatFlags)
                do {
                    integer = try converter.convertToInteger(line, type: type)
                } catch {
                    try? output.flush()
                    throw .malformedLine(line: reader.lineNumber, text: LineConverter.displayText(line), reason: error.reason)
                }
                do {
                    if configuration.json {
                        try output.write(ConvertJSONLine.integerText(integer.value, hex: IntegerRounding(type).hex(integer.value), flags: integer.flags))
                    } else {
                        try output.write(configuration.output == .bits ? IntegerRounding(type).hex(integer.value) : String(integer.value))
                    }
                    try output.writeByte(UInt8(ascii: "\n"))
                } catch {
                    throw .io(error)
                }
                continue
            }
            let rounded: Rounded
            do {
                rounded = try converter.convert(line)
            } catch {
                try? output.flush()
                throw .malformedLine(line: reader.lineNumber, text: LineConverter.displayText(line), reason: error.reason)
            }
            do {
                if configuration.json {
                    let code = containerShift > 0 ? FloatFormat.float32.hexString(rounded.bits << UInt64(containerShift)) : nil
                    try output.write(ConvertJSONLine.text(rounded.bits, in: target, flags: rounded.flags, exact: configuration.output == .exact, code: code))
                } else {
                switch configuration.output {
                case .bits: try output.writeHex(rounded.bits << UInt64(containerShift), digitCount: hexDigitCount)
                case .value:
                    try output.write(printed.text(rounded.bits))
                case .exact: try output.write(target.exactDecimal(rounded.bits))
                }
                }
                try output.writeByte(UInt8(ascii: "\n"))
            } catch {
                throw .io(error)
            }
        }
        do { try output.flush() } catch { throw .io(error) }
        return reader.lineNumber
    }
}
