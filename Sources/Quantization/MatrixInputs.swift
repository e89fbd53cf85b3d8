import SoftFloat

/// The matrices a command reads — one for `quantize`, A and B for `matmul` — each from a file
/// or standard input and cast to the compute format, and the message for any error about
/// them: the one home of the read-run-describe steps both commands share.
///
///     let product = try MatrixInputs.run(reading: [.init(path: "a.txt"), .init(path: "b.txt")],
///                                        format: .float32) { matrices throws(QuantizationError) in
///         try matmul(matrices[0], matrices[1], MatmulConfiguration())
///     }
///     // a read error:     "b.txt:2:3: …" (MatrixInputError, reading stops at the first bad file)
///     // a shape mismatch: "a.txt × b.txt: cannot multiply …"
///     // a NaN in A:       "a.txt:1:5: nan …" (the first input holding a non-finite element)
public struct MatrixInputs: Sendable {
    /// One input: a path (nil for standard input), for `.safetensors` the tensor name, and for a
    /// `.npy` file of raw codes (ml_dtypes' bfloat16/float8 arrays) their format.
    public struct File: Sendable, Hashable {
        public var path: String?
        public var tensor: String?
        public var codesOf: FloatFormat?

        public init(path: String?, tensor: String? = nil, codesOf: FloatFormat? = nil) {
            self.path = path
            self.tensor = tensor
            self.codesOf = codesOf
        }
    }

    /// The inputs in the order given.
    public let sources: [MatrixSource]

    /// Reads every file in order, cast to `format`.
    ///
    /// - Throws: the first file's ``MatrixInputError``.
    public init(reading files: [File], format: FloatFormat) throws(MatrixInputError) {
        var sources: [MatrixSource] = []
        for file in files { sources.append(try MatrixReader.read(path: file.path, tensor: file.tensor, format: format, codesOf: file.codesOf)) }
        self.sources = sources
    }

    /// The message for a kernel error on these inputs: a non-finite element is located in the
    /// first input holding one (inputs are checked in order; the last one if none does), a
    /// matmul shape mismatch names the inputs (`a.txt × b.txt: …`), anything else is its
    /// own description.
    public func describe(_ error: QuantizationError) -> String {
        switch error {
        case .matmulShapeMismatch:
            return sources.map(\.name).joined(separator: " × ") + ": " + error.description
        case .nonFiniteInput:
            let source = sources.first { (try? $0.matrix.checkFinite()) == nil } ?? sources[sources.count - 1]
            return source.describe(error)
        default:
            return error.description
        }
    }

    /// Reads `files`, runs `body` on their matrices and returns its output; any failure — a file
    /// that cannot be read, or a kernel error described by ``describe(_:)`` — becomes one
    /// ``MatrixCommandFailure`` whose description is the message to print.
    public static func run<Output>(
        reading files: [File], format: FloatFormat, _ body: ([Matrix]) throws(QuantizationError) -> Output
    ) throws(MatrixCommandFailure) -> Output {
        let inputs: MatrixInputs
        do {
            inputs = try MatrixInputs(reading: files, format: format)
        } catch {
            throw MatrixCommandFailure(description: error.description)
        }
        do {
            return try body(inputs.sources.map(\.matrix))
        } catch {
            throw MatrixCommandFailure(description: inputs.describe(error))
        }
    }
}
