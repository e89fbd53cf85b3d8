import ArgumentParser
import Quantization
import SoftFloat

extension PrecisionLab {
    /// `precision-lab quantize --scheme S [--bits N] [--unsigned] [--granularity G] [--compute F]
    /// [--convention C] [--scale-rounding R] [--tensor-scale on|off] [--scale-format F] [--power-of-two-scale] [--double-quant] [--torch-threads N] [--input FILE] [--tensor NAME] [--json]`
    struct Quantize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quantize a matrix, dequantize it, and report the error each step adds.",
            discussion: """
                The matrix comes from standard input or --input: text with one row per line and \
                numbers separated by spaces or commas (lines starting with # are skipped), a .npy \
                file (little-endian float16/32/64 or int8/16/32, uint8/16/32, C order; ml_dtypes' \
                bfloat16 and float8 arrays, saved as '<V2'/'<V1', with --input-format naming their \
                format), or a .safetensors file (F32, F16, BF16; choose the tensor with --tensor). Every number is first cast to the compute \
                format (text is rounded once from its exact decimal value), and every arithmetic \
                step then happens in that format, bit for bit.

                NaN and infinite inputs are an error, except for the MX schemes, where OCP MX v1.0 \
                defines them: the block's scale becomes NaN and its elements decode to NaN.

                MX scale rounding (--scale-rounding, MX float schemes): floor X = \
                2^(floor(log2 amax) − emax) (OCP MX v1.0), ceil 2^(ceil(log2 amax) − emax), even \
                (amax rounded to the element's mantissa bits, halves up, then floor) as torchao \
                0.18's to_mx; rceil as cuBLAS: fl32(amax · fl32(1/max)) rounded up to a power \
                of two. MXFP4, amax 6.5: floor 2^0, ceil 2^1.

                NVFP4 (--scheme nvfp4, rows a multiple of 16): E2M1 elements, an E4M3 scale per \
                16 elements (group:16) or 16 × 16 tile (block:16x16, transformer-engine only) and a \
                float32 tensor scale (--tensor-scale on|off, JSON "tensor_scale"). --convention \
                torchao (default) is torchao 0.18's nvfp4_quantize (block scale clamped at 2^-6); \
                transformer-engine is TE's reference quantizer (subnormal and zero block scales).

                FP8 blocks (--scheme fp8-e4m3 --granularity block:1x128|block:128x128): --convention \
                deepseek (DeepSeek-V3 kernel.py: s = amax/448, x/s) or deepgemm (DeepGEMM: amax ≥ \
                1e-4, x · (1/sf); --scale-format ue8m0 rounds sf up to a power of two). Edge blocks \
                are partial. FP8 current scaling (--scheme fp8-e4m3|fp8-e5m2 --convention \
                transformer-engine): m = max_fp8/amax (--power-of-two-scale rounds it down), q = \
                fp8(x · m), JSON "scale" = 1/m and "multiplier" = m.

                Schemes: \(QuantizationScheme.names.joined(separator: ", ")). Default granularity: \
                tensor for absmax, zeropoint and fp8 (row for --convention bitsandbytes), group:64 \
                for nf4 and fp4-bnb, group:32 (fixed) for MX. See Sources/Quantization/README.md.

                --convention bitsandbytes with nf4/fp4-bnb reproduces bitsandbytes 0.50's CPU \
                quantize_4bit/dequantize_4bit bit for bit (--compute float32; blocks group:N with \
                N in 32, 64, …, 4096 over the flattened matrix; --json adds the packed bytes).

                GGUF (llama.cpp/ggml) types, bit for bit as ggml_quantize_chunk: \
                \(GGUFType.schemeNames.joined(separator: ", ")) (case-insensitive). They read a \
                float32 matrix whose row length is a multiple of the type's block, take an \
                optional per-column importance matrix (--imatrix W.npy, as llama-imatrix makes) \
                and write the raw blocks with --save-blocks OUT.bin (decode them with \
                `precision-lab dequantize`). gguf-iq2_xxs, gguf-iq2_xs and gguf-iq1_s need --imatrix \
                (ggml refuses them without one).
                """)

        @Option(help: ArgumentHelp("The scheme: \(QuantizationScheme.names.joined(separator: "|")), or gguf-TYPE.", valueName: "scheme"))
        var scheme: String

        @Option(help: ArgumentHelp("Integer width for absmax and zeropoint, 2 through 16 (default 8).", valueName: "N"))
        var bits: Int?

        @Flag(help: "Unsigned integer targets (0 … 2^N − 1) for absmax and zeropoint.")
        var unsigned = false

        @Option(help: ArgumentHelp("tensor, row, column, group:N or block:RxC.", valueName: "granularity"))
        var granularity: String?

        @Option(help: ArgumentHelp("The format of every arithmetic step.", valueName: "format"))
        var compute = "float32"

        @Option(help: "Whose formulas to follow: textbook, torch, bitsandbytes, torchao, transformer-engine, deepseek or deepgemm.")
        var convention: QuantizationConvention = .textbook

        @Option(name: .customLong("scale-rounding"), help: ArgumentHelp("MX float schemes: how the E8M0 block scale rounds, floor (OCP, the default), ceil, even or rceil (cuBLAS).", valueName: "rule"))
        var scaleRounding: MXScaleRounding?

        @Option(name: .customLong("tensor-scale"), help: ArgumentHelp("nvfp4: the float32 tensor scale, on (the default) or off.", valueName: "on|off"))
        var tensorScale: String?

        @Option(name: .customLong("scale-format"), help: ArgumentHelp("FP8 blocks (deepseek, deepgemm): float32 (the default) or ue8m0 (deepgemm: sf rounded up to a power of two).", valueName: "format"))
        var scaleFormat: BlockScaleFormat?

        @Flag(name: .customLong("power-of-two-scale"), help: "FP8 current scaling (transformer-engine): round the multiplier down to a power of two.")
        var powerOfTwoScale = false

        @Flag(name: .customLong("double-quant"), help: "Double-quantize the nf4/fp4-bnb block scales (bitsandbytes).")
        var doubleQuantization = false

        @Option(name: .customLong("torch-threads"), help: ArgumentHelp("bitsandbytes --double-quant: torch.get_num_threads() to reproduce; torch's float32 mean splits across threads from 32768 block scales on.", valueName: "N"))
        var torchThreads = 1

        @Option(help: ArgumentHelp("Read the matrix from FILE instead of standard input.", valueName: "file"))
        var input: String?

        @Option(help: ArgumentHelp("The tensor to read from a .safetensors file.", valueName: "name"))
        var tensor: String?

        @Option(name: .customLong("input-format"), help: ArgumentHelp("The format of a .npy file of raw codes (ml_dtypes' '<V2' bfloat16 or '<V1' float8 arrays, or uint8/uint16 codes).", valueName: "format"))
        var inputFormat: String?

        @Option(help: ArgumentHelp("GGUF schemes: a per-column importance vector (.npy or text) of length C.", valueName: "file"))
        var imatrix: String?

        @Option(name: .customLong("save-blocks"), help: ArgumentHelp("GGUF schemes: write ggml's block bytes to FILE.", valueName: "file"))
        var saveBlocks: String?

        @Flag(help: "Print JSON: q, scale, zero_point, dequantized, metrics (read back by `dequantize --input`).")
        var json = false

        @Flag(help: "Text output: print q, the scales and the dequantized matrix whole (by default more than 12 rows, 10 columns or 16 scales are elided in the middle).")
        var full = false

        /// GGUF schemes need the `gguf-` prefix here: `mxfp4` alone is the OCP MX scheme.
        var isGGUF: Bool { scheme.lowercased().hasPrefix("gguf-") }

        func validate() throws {
            if full && json { throw ValidationError("--full applies to the text output; --json always prints every element") }
            if isGGUF {
                _ = try GGUFType(schemeArgument: scheme)
                return
            }
            if imatrix != nil || saveBlocks != nil {
                throw ValidationError("--imatrix and --save-blocks apply to the gguf-* schemes only")
            }
            _ = try makeConfiguration()
        }

        func makeConfiguration() throws -> QuantizationConfiguration {
            guard let scheme = QuantizationScheme(name: scheme) else {
                throw ValidationError("unknown scheme '\(self.scheme)'; choose one of \(QuantizationScheme.names.joined(separator: ", "))")
            }
            if bits != nil && !scheme.isInteger {
                throw ValidationError("--bits applies to absmax and zeropoint only; \(scheme) has a fixed width")
            }
            var parsedGranularity: Granularity? = nil
            if let granularity {
                guard let parsed = Granularity(parsing: granularity) else {
                    throw ValidationError("--granularity must be tensor, row, column, group:N with N ≥ 1 or block:RxC with R, C ≥ 1, got '\(granularity)'")
                }
                parsedGranularity = parsed
            }
            var parsedTensorScale: Bool? = nil
            if let tensorScale {
                switch tensorScale.lowercased() {
                case "on": parsedTensorScale = true
                case "off": parsedTensorScale = false
                default: throw ValidationError("--tensor-scale must be on or off, got '\(tensorScale)'")
                }
            }
            let configuration = QuantizationConfiguration(
                scheme: scheme, bits: bits ?? 8, isUnsigned: unsigned, granularity: parsedGranularity,
                compute: try parseFormat(compute), convention: convention, doubleQuantization: doubleQuantization,
                torchThreads: torchThreads, scaleRounding: scaleRounding, tensorScale: parsedTensorScale,
                blockScaleFormat: scaleFormat, powerOfTwoScale: powerOfTwoScale)
            return try validated(configuration) { configuration throws(QuantizationError) in try configuration.validate() }
        }

        func run() throws {
            if isGGUF {
                let type = try GGUFType(schemeArgument: scheme)
                print(try GGUFQuantizeOptions.run(type, input: input, tensor: tensor, imatrix: imatrix, saveBlocks: saveBlocks, json: json))
                return
            }
            let configuration = try makeConfiguration()
            let codesOf = try inputFormat.map(parseFormat)
            try reportingFailure {
                let result = try MatrixInputs.run(reading: [MatrixInputs.File(path: input, tensor: tensor, codesOf: codesOf)],
                                                  format: configuration.compute) { matrices throws(QuantizationError) in
                    try quantize(matrices[0], configuration)
                }
                if json {
                    var output = StandardOutput()
                    result.writeJSON(to: &output)
                    output.write("\n")
                    output.flush()
                } else {
                    print(result.text(full: full))
                }
            }
        }
    }
}
