/// Small versions of every experiment kind, fast enough for debug-build tests but with
/// several cells each, so shards really split them.
enum SmallSpecs {
    static let all: [String: String] = [
        "formats": """
            kind = "formats"
            title = "Formats (small)"
            [parameters]
            formats = ["float16", "bfloat16", "float8_e4m3fn"]
            integers = ["int8", "int4"]
            parameter_counts = [7_000_000_000]
            memory_types = ["float32", "float16", "int8", "int4"]
            [checks.memory_gb."7000000000"]
            float32 = "28"
            int4 = "3.5"
            """,
        "rounding": """
            kind = "rounding"
            title = "Rounding (small)"
            [parameters]
            values = ["1/3", "0.1", "-2/3"]
            formats = ["float64", "float32", "float16", "bfloat16", "float8_e4m3fn"]
            modes = "all"
            stochastic_seed = 7
            [checks.nearest_even."1/3"]
            float16 = "0.333251953125"
            """,
        "range": """
            kind = "overflow-underflow"
            title = "Range (small)"
            [parameters]
            formats = ["float16", "bfloat16", "float8_e4m3fn", "float4_e2m1fn"]
            seed_formats = ["float16", "float32"]
            sweep_formats = ["float16", "float8_e4m3fn"]
            grid_decades = [-6, 6]
            zoom_decades = [-3, 3]
            staircase_formats = ["float16", "float8_e5m2"]
            [checks.first_overflow]
            float16 = "65520.0"
            """,
        "sums": """
            kind = "accumulation"
            title = "Sums (small)"
            [parameters]
            accumulators = ["bfloat16", "float16"]
            counts = [10, 300]
            seeds = [1, 2]
            trace_every = 50
            """,
        "quant": """
            kind = "quantization-error"
            title = "Quantization (small)"
            [parameters]
            schemes = ["absmax", "zeropoint", "nf4", "fp8-e4m3", "mxfp4"]
            bits = [4, 8]
            granularities = ["tensor", "group:32"]
            distributions = ["normal", "normal-outliers"]
            seeds = [1]
            rows = 4
            columns = 64
            theory_samples = 2048
            plot_granularities = ["tensor", "group:32"]
            detail_granularity = "group:32"
            [checks.absmax_example]
            scale = "0.042510986328125"
            q = [28, -12, -101, 28, -73, 19, 56, 127]
            [checks.model_within_db]
            "theory" = 0.3
            """,
        "mm": """
            kind = "matmul-error"
            title = "Matmul (small)"
            [parameters]
            methods = ["int8-vectorwise", "llm-int8", "float16/float16", "float8_e4m3fn"]
            magnitudes = ["1", "20"]
            seeds = [1, 2]
            rows = 4
            inner = 32
            columns = 4
            outlier_columns = 2
            [checks.float16_columns]
            "20" = [2, 2]
            """,
        "mu": """
            kind = "matrix-units"
            title = "Matrix units (small)"
            [parameters]
            units = ["hopper:wgmma.m64n8k32.f32.e4m3.e4m3", "ampere:mma.m16n8k16.f32.bf16.bf16.f32", "cdna3:mfma.f32_32x32x8_bf16"]
            inputs = ["normal", "cancel"]
            k = [16, 256]
            trials = 3
            plot_units = ["hopper:wgmma.m64n8k32.f32.e4m3.e4m3"]
            """,
        "block-scaled": """
            kind = "block-scaled-formats"
            title = "Block-scaled (small)"
            [parameters]
            recipes = ["mxfp4 rounding=floor", "mxfp4 rounding=even", "nvfp4 convention=torchao", "nvfp4 convention=transformer-engine",
                       "fp8-e4m3 convention=deepseek granularity=block:1x128", "fp8-e4m3 convention=deepgemm granularity=block:1x128 scale=ue8m0",
                       "absmax bits=4 granularity=group:32"]
            distributions = ["normal", "lognormal-rows"]
            plot_distributions = ["normal"]
            rows = 8
            columns = 128
            """,
        "fp8-recipes": """
            kind = "fp8-training-recipes"
            title = "FP8 recipes (small)"
            [parameters]
            formats = ["float8_e4m3fn"]
            recipes = ["current", "delayed max 1", "delayed max 4"]
            steps = 12
            rows = 4
            columns = 16
            amplitude = [[0, "0"], [6, "4"], [12, "-3"]]
            spikes = [[3, "5"]]
            """,
    ]

    /// Writes the specs into `folder/Experiments` and returns that path.
    static func install(in folder: TemporaryFolder, only names: [String]? = nil) -> String {
        for (name, text) in all where names?.contains(name) ?? true {
            folder.write("Experiments/\(name).toml", text + "\n")
        }
        return folder.path + "/Experiments"
    }
}
