import ArgumentParser
import Foundation
import LabCommands
import ModelAnalysis
import Quantization

extension PrecisionLab {
    /// `precision-lab model FILE [--schemes S1,S2,…] [--tensors REGEX] [--csv|--json|--markdown]
    /// [--threads N] [--output DIR]`, `model FILE --list`, `model FILE --tensor NAME --dump OUT.npy`
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quantize every tensor of a safetensors or GGUF checkpoint with several schemes and report the error of each.",
            discussion: """
                FILE is a .safetensors file (F32, F16, BF16, F64), a sharded checkpoint's \
                model.safetensors.index.json, or a .gguf file (versions 2 and 3; F32, F16, BF16 and \
                every ggml block type the lab decodes). The file is memory-mapped and read one tensor \
                at a time. Errors are against each tensor's own float32 values (GGUF: ggml's \
                dequantization). Default tensors: floating-point tensors with two or more dimensions.

                Schemes: the `quantize --scheme` names with an optional integer width and \
                granularity, NAME[BITS][@GRANULARITY] (absmax@row is int8 per row, absmax4@group:128 \
                int4 per 128 elements, nf4@group:64, fp8-e4m3@tensor, mxfp4), gguf-TYPE (gguf-q4_K) \
                and nvfp4 (ggml's NVFP4). Default: \(ModelScheme.defaultNames.joined(separator: ",")). \
                ggml K-quant types on rows that are not a multiple of 256 use llama.cpp's fallback \
                type (Q4_K → Q5_0, Q6_K → Q8_0, IQ4_XS → IQ4_NL), said in the note column.
                """)

        @Argument(help: ArgumentHelp("The checkpoint: .safetensors, model.safetensors.index.json or .gguf.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("Comma-separated schemes (see above).", valueName: "S1,S2,…"))
        var schemes: String?

        @Option(help: ArgumentHelp("Analyse the tensors whose name matches this regular expression.", valueName: "regex"))
        var tensors: String?

        @Flag(help: "List the tensors (dtype, shape, byte offset) and, for GGUF, the metadata (not with --csv).")
        var list = false

        @Option(help: ArgumentHelp("With --dump: the tensor to write.", valueName: "name"))
        var tensor: String?

        @Option(help: ArgumentHelp("Write the tensor's float32 values to this .npy file, in the tensor's own shape.", valueName: "file"))
        var dump: String?

        @Flag(help: "Print the (tensor, scheme) rows as RFC 4180 CSV.")
        var csv = false

        @Flag(help: "Print everything as JSON.")
        var json = false

        @Flag(help: "Print a Markdown report.")
        var markdown = false

        @Option(help: ArgumentHelp("Schemes of one tensor run on this many threads (default: every core).", valueName: "N"))
        var threads: Int?

        @Option(help: ArgumentHelp("Also write CSV, Markdown and JSON files into this folder.", valueName: "dir"))
        var output: String?

        func validate() throws {
            if [csv, json, markdown].filter({ $0 }).count > 1 { throw ValidationError("choose one of --csv, --json and --markdown") }
            if (tensor == nil) != (dump == nil) { throw ValidationError("--tensor NAME and --dump OUT.npy go together") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
            _ = try parsedSchemes()
            _ = try validating { try TensorSelection(pattern: tensors) }
        }

        func parsedSchemes() throws -> [ModelScheme] {
            let names = schemes.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? ModelScheme.defaultNames
            guard !names.isEmpty else { throw ValidationError("--schemes is empty") }
            return try validating { try names.map { name throws(ModelSchemeError) in try ModelScheme(parsing: name) } }
        }

        func run() throws {
            let schemes = try parsedSchemes()
            let selection = try validating { try TensorSelection(pattern: tensors) }
            try reportingFailure {
                let model = try ModelFile(path: file)
                if list {
                    if csv {
                        print(model.listingTable.csv(), terminator: "")
                    } else {
                        let lines = model.headerLines
                        if !lines.isEmpty { print(lines.joined(separator: "\n")) }
                        print(model.listingTable.plainText(headerRule: true), terminator: "")
                    }
                    return
                }
                if let tensor, let dump {
                    try model.dump(try model.tensor(named: tensor), to: dump)
                    return
                }
                let progress = TerminalProgress()
                let started = DispatchTime.now().uptimeNanoseconds
                progress.start(total: model.tensors.filter(selection.selects).count)
                let report = try ModelReport(model: model, schemes: schemes, selection: selection,
                                             threads: threads ?? ProcessInfo.processInfo.activeProcessorCount) { step in
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                    let remaining = step.bytes == 0 ? 0 : seconds * Double(step.totalBytes - step.bytes) / Double(step.bytes)
                    progress.advance(label: "\(step.tensor) · \(step.bytes >> 20) of \(step.totalBytes >> 20) MiB · ETA \(Int(remaining.rounded())) s")
                }
                progress.finish()
                if let output { _ = try report.write(to: output) }
                if csv {
                    print(report.measurementTable().csv(), terminator: "")
                } else if json {
                    print(report.json, terminator: "")
                } else if markdown {
                    print(report.markdown, terminator: "")
                } else {
                    print(report.plainText, terminator: "")
                }
            }
        }
    }
}
