import CFuzzerDriver
import ExperimentRunner
@testable import Quantization
import SoftFloat

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
        case .gguf:
            _ = try? GGUFFile(bytes: bytes, name: "fuzz.gguf")
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
