import CFuzzerDriver
import ExperimentRunner
@testable import Quantization
import SoftFloat
#if canImport(Glibc)
import Glibc
#endif

/// Which parser the fuzzer feeds, from the environment variable `FUZZ_PARSER` (read once).
/// `Scripts/fuzz` sets it; the names are the folders of `Fuzz/Corpus/`.
enum FuzzedParser: String, CaseIterable {
    case safetensors, gguf, npy, spec, number

    static let selected: FuzzedParser = {
        let name = ProcessInfoLite.environment("FUZZ_PARSER") ?? ""
        guard let parser = FuzzedParser(rawValue: name) else {
            let names = FuzzedParser.allCases.map(\.rawValue).joined(separator: ", ")
            fatalError("FUZZ_PARSER must be one of: \(names) (got '\(name)')")
        }
        return parser
    }()

    /// Runs the parser on `bytes`. Errors are the expected outcome for most inputs; only a trap,
    /// a sanitizer report or a leak counts as a finding.
    func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .safetensors:
            _ = try? SafetensorsFile.tensors(bytes, name: "fuzz.safetensors")
            _ = try? SafetensorsFile.read(Array(bytes), name: "fuzz.safetensors", tensor: nil)
            Self.readEveryTensor(bytes)
        case .gguf:
            _ = try? GGUFFile(bytes: bytes, name: "fuzz.gguf")
            Self.readEveryTensor(bytes)
        case .npy:
            _ = try? NumpyFile.read(Array(bytes), name: "fuzz.npy")
            _ = try? NumpyFile.read(Array(bytes), name: "fuzz.npy", rawCodes: true)
        case .spec:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? SpecLoader.parse(text: text, name: "fuzz", file: "fuzz.toml")
        case .number:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? ExactNumber(parsing: text)
            for format in [FloatFormat.float32, .bfloat16, .float8_e4m3fn, .float64] {
                _ = try? format.round(text)
            }
        }
    }
}

extension FuzzedParser {
    /// A scratch file per process in /dev/shm (memory), rewritten for every input.
    static let scratchPath = "/dev/shm/precision-lab-fuzz-\(getpid())"

    /// The `model` command's path: the input as a file, opened with ``ModelFile`` (format by
    /// content) and every tensor of up to 2^20 elements decoded with ``ModelFile/values(of:)``.
    /// Inputs starting with `{` are skipped: ModelFile reads them as a shard index, whose shard
    /// paths would open arbitrary files of this machine.
    static func readEveryTensor(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.first != UInt8(ascii: "{") else { return }
        guard let file = fopen(scratchPath, "wb") else { fatalError("cannot write \(scratchPath)") }
        if bytes.count > 0 { _ = fwrite(bytes.baseAddress, 1, bytes.count, file) }
        fclose(file)
        guard let model = try? ModelFile(path: scratchPath) else { return }
        for tensor in model.tensors where tensor.count <= 1 << 20 {
            _ = try? model.values(of: tensor)
        }
    }
}

/// The libFuzzer callback: one input to the selected parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: size == 0 ? nil : data, count: size)
    FuzzedParser.selected.run(bytes)
    return 0
}

/// The executable's entry point: SwiftPM links `main` to `<module>_main` on Linux, so this is
/// what runs; it hands the command line to libFuzzer's driver.
@_cdecl("precision_lab_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    _ = FuzzedParser.selected
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzTestOneInput(data, size) }
}
