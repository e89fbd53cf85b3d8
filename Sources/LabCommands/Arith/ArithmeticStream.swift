import SoftFloat

/// The streaming loop of `precision-lab arith`: one operation per input line (the operands'
/// hex codes), one result per output line, in constant memory.
///
///     let output = MemoryOutput()
///     var evaluator = ArithmeticLineEvaluator(operation: .multiply, format: .float16)
///     try ArithmeticStream.run(&evaluator, input: MemoryInput("0x70e2 0x70e2\n"), output: BufferedWriter(output))
///     // output.text == "0x7c00\n"  (10000 × 10000 overflows float16)
///
/// On a malformed line the results of the earlier lines are flushed (this is a stream) and
/// ``ArithmeticLineError`` names the line number and text.
public enum ArithmeticStream {
    @discardableResult
    public static func run<Input: ByteInput, Output: ByteOutput>(
        _ evaluator: inout ArithmeticLineEvaluator, input: Input, output: BufferedWriter<Output>
    ) throws(ArithmeticStreamError) -> Int {
        let reader = LineReader(input)
        var line: [UInt8] = []
        line.reserveCapacity(64)
        while true {
            let next: UnsafeBufferPointer<UInt8>?
            do { next = try reader.nextLine() } catch {
                try? output.flush()
                throw .io(error)
            }
            guard let next else { break }
            line.removeAll(keepingCapacity: true)
            do {
                try evaluator.process(next, into: &line)
            } catch {
                try? output.flush()
                throw .malformedLine(error)
            }
            let written: Result<Void, IOError> = line.withUnsafeBytes { bytes in
                Result { () throws(IOError) in try output.write(bytes) }
            }
            if case .failure(let error) = written { throw .io(error) }
        }
        do { try output.flush() } catch { throw .io(error) }
        return reader.lineNumber
    }
}
