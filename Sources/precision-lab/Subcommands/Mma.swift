import ArgumentParser
import MatrixUnits
import LabCommands
import SoftFloat

extension PrecisionLab {
    /// `precision-lab mma --list` and `precision-lab mma --unit U` (a streaming filter like `arith`).
    struct Mma: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tensor-core and matrix-core dot products bit for bit, one per line of standard input.",
            discussion: """
                Units are named ARCH:INSTRUCTION (hopper:wgmma.m64n8k32.f32.e4m3.e4m3, \
                cdna3:mfma.f32_16x16x32_fp8_fp8, …); --list prints every unit with its K and \
                formats. With --unit, each input line is 'a_1 … a_K ; b_1 … b_K ; c' in hex codes \
                of the unit's A, B and C types (tf32/xf32 operands as float32 codes), and for \
                block-scaled units '; sa_1 … ; sb_1 …' with one scale per block; each output line \
                is D's hex code. A malformed line stops with 'line N: …' and exit status 1.

                Matrix mode (--a A.npy --b B.npy [--c C.npy] --output D.npy): a whole GEMM as a \
                kernel issues it, K walked in the unit's K-chunks, each chunk's D fed back as the \
                next C. --promote-every N adds the partial D into a separate FP32 accumulator every \
                N elements of K and restarts the unit from zero (DeepSeek-V3's promotion). A and B \
                are float16/float32/float64 values rounded to the unit's input formats \
                (nearest-even; tf32 units take float32 and truncate), or with --codes raw codes in \
                uint8/uint16 (uint32 is not read) arrays. D is written in D's format.
                """)

        @Flag(help: "List every unit with its K and formats.")
        var list = false

        @Option(help: ArgumentHelp("The unit, ARCH:INSTRUCTION.", valueName: "unit"))
        var unit: String?

        @Option(help: ArgumentHelp("Matrix mode: A (m×K) as .npy.", valueName: "A.npy"))
        var a: String?

        @Option(help: ArgumentHelp("Matrix mode: B (K×n) as .npy.", valueName: "B.npy"))
        var b: String?

        @Option(help: ArgumentHelp("Matrix mode: C (m×n) as .npy (default +0).", valueName: "C.npy"))
        var c: String?

        @Option(help: ArgumentHelp("Matrix mode: add the partial D into an FP32 accumulator every N elements of K.", valueName: "N"))
        var promoteEvery: Int?

        @Flag(help: "Matrix mode: A, B and C hold raw codes (uint8 or uint16 .npy).")
        var codes = false

        @Option(help: ArgumentHelp("Matrix mode: where to write D (.npy).", valueName: "D.npy"))
        var output: String?

        var matrixMode: Bool { a != nil || b != nil || c != nil || output != nil || promoteEvery != nil || codes }

        func validate() throws {
            guard list != (unit != nil) else { throw ValidationError("give exactly one of --list and --unit") }
            if matrixMode && (a == nil || b == nil || output == nil || unit == nil) {
                throw ValidationError("matrix mode needs --unit, --a, --b and --output")
            }
            if let unit {
                try validating { _ = try MatrixUnit.named(unit) }
            }
        }

        func run() throws {
            if list {
                print(MatrixUnitListing.text(MatrixUnit.catalog), terminator: "")
                return
            }
            if matrixMode {
                try reportingFailure {
                    let message = try MatrixUnitFiles.run(unit: try MatrixUnit.named(unit!), a: a!, b: b!, c: c,
                                                          promoteEvery: promoteEvery, codes: codes, output: self.output!)
                    if !message.isEmpty { printToStandardError(message) }
                }
                return
            }
            var evaluator = MatrixUnitLineEvaluator(unit: try MatrixUnit.named(unit!))
            let reader = LineReader(FileDescriptorInput.standardInput)
            let writer = BufferedWriter(FileDescriptorOutput.standardOutput)
            var output: [UInt8] = []
            try reportingFailure(cleanup: { try? writer.flush() }) {
                while let line = try reader.nextLine() {
                    output.removeAll(keepingCapacity: true)
                    try evaluator.process(line, into: &output)
                    let written: Result<Void, IOError> = output.withUnsafeBytes { bytes in
                        Result { () throws(IOError) in try writer.write(bytes) }
                    }
                    try written.get()
                }
                try writer.flush()
            }
        }
    }
}
