// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "PrecisionLab",
    products: [
        // The bit-exact soft-float engine: formats as data, one rounding core. No dependencies,
        // so other packages can use it in their own tests.
        .library(name: "SoftFloat", targets: ["SoftFloat"]),
        .executable(name: "precision-lab", targets: ["precision-lab"]),
        // The web bit-explorer's server (`precision-lab serve` runs it). A product of its own so
        // that `precision-lab`, and with it Scripts/reports, does not build Hummingbird and SwiftNIO.
        .executable(name: "precision-lab-explorer", targets: ["precision-lab-explorer"]),
        // The parsers (checkpoints, .npy, experiment specs), for the fuzz package in Fuzz/.
        .library(name: "PrecisionLabParsers", targets: ["Quantization", "ExperimentRunner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The explorer's HTTP server. No traits: swift-configuration and full Foundation are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The bit-exact soft-float engine: formats as data, one rounding core. No dependencies.
        .target(name: "SoftFloat", exclude: ["README.md"]),
        // The C kernels compiled for extra CPU features behind runtime checks (Swift cannot
        // compile one function for them): float32 → float16 with F16C, float32 → bfloat16 with AVX2.
        .target(name: "CNarrowingKernels", exclude: ["README.md"]),
        // The fast bulk paths (float32 narrowing, widening tables, MX element rounding, bulk
        // conversion over the C kernels), each giving exactly the engine's bits.
        .target(name: "FastKernels", dependencies: ["SoftFloat", "CNarrowingKernels"], exclude: ["README.md"]),
        .systemLibrary(
            name: "CMPFR",
            pkgConfig: "mpfr",
            providers: [.apt(["libmpfr-dev"])]
        ),
        // The independent oracle: MPFR emulating any format. Only Verification and tests link it.
        .target(name: "MPFRReference", dependencies: ["CMPFR", "SoftFloat"], exclude: ["README.md"]),
        // Math that gives the same bits on every machine: logarithms from + − × ÷ only and
        // random variates. No dependencies, so ReportKit, Quantization and the experiments
        // share it without pulling each other in.
        .target(name: "PortableMath", exclude: ["README.md"]),
        // Quantization kernels (absmax, zero-point, NF4, bnb-FP4, FP8, MX), LLM.int8 and
        // soft-float matmul, error metrics; every arithmetic step in a chosen compute format.
        .target(name: "Quantization", dependencies: ["SoftFloat", "FastKernels", "PortableMath", "ReportKit"], exclude: ["README.md"]),
        // Exhaustive and sampled verification behind `precision-lab verify`: fast paths against
        // the engine, the engine against MPFR. The only non-test code that links MPFR.
        .target(
            name: "Verification",
            dependencies: ["SoftFloat", "FastKernels", "MPFRReference", "LabCommands"],
            exclude: ["README.md"]
        ),
        // What the commands do, as a testable library (no MPFR): formats, inspect, convert,
        // arith, byte IO, the benchmark suite.
        .target(name: "LabCommands", dependencies: ["SoftFloat", "FastKernels", "Quantization", "ModelAnalysis", "Encoder", "MatrixUnits", "PortableMath", "ReportKit"], exclude: ["README.md"]),
        // Tensor cores and matrix cores bit for bit: a unit descriptor per instruction and one
        // dot-product engine.
        .target(name: "MatrixUnits", dependencies: ["SoftFloat", "FastKernels"], exclude: ["README.md"]),
        // The one table model (CSV, Markdown, plain text), Markdown documents and SVG plots,
        // deterministic to the byte.
        .target(name: "ReportKit", dependencies: ["PortableMath"], exclude: ["README.md"]),
        // Experiment specs (TOML), the runner and the experiments behind Reports/.
        .target(
            name: "ExperimentRunner",
            dependencies: [
                "SoftFloat", "FastKernels", "ReportKit", "Quantization", "PortableMath", "MatrixUnits", "ModelAnalysis", "Encoder",
            ],
            exclude: ["README.md"]
        ),
        // Whole-model quantization reports: every tensor of a safetensors or GGUF checkpoint,
        // streamed from the mapped file, against every scheme; tables, JSON and summaries.
        .target(name: "ModelAnalysis", dependencies: ["Quantization", "FastKernels", "ReportKit", "SoftFloat"], exclude: ["README.md"]),
        // A real model end to end: all-MiniLM-L6-v2's WordPiece tokenizer and BERT forward pass,
        // every matmul with weights in a chosen format or scheme and arithmetic rounded to a
        // chosen compute format, or LLM.int8.
        .target(name: "Encoder", dependencies: ["SoftFloat", "FastKernels", "Quantization", "ModelAnalysis"], exclude: ["README.md"]),
        // The web bit-explorer behind `precision-lab serve`: a JSON API over LabCommands' inspect
        // report and format table, and the page (HTML, CSS, JS resources) that calls it.
        .target(
            name: "Explorer",
            dependencies: [
                "SoftFloat", "LabCommands", "Quantization",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"],
            resources: [.copy("Page")]
        ),
        .executableTarget(
            name: "precision-lab",
            dependencies: [
                "SoftFloat", "LabCommands", "ModelAnalysis", "Encoder", "Verification", "ExperimentRunner", "Quantization", "MatrixUnits",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The explorer's server: a thin command over Explorer.
        .executableTarget(
            name: "precision-lab-explorer",
            dependencies: ["Explorer", "LabCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "SoftFloatTests", dependencies: ["SoftFloat", "MPFRReference"], exclude: ["Fixtures"]),
        .testTarget(name: "MPFRReferenceTests", dependencies: ["MPFRReference", "SoftFloat"]),
        .testTarget(name: "FastKernelsTests", dependencies: ["FastKernels", "CNarrowingKernels", "SoftFloat"]),
        .testTarget(name: "ExplorerTests", dependencies: ["Explorer", "LabCommands", "SoftFloat"]),
        .testTarget(name: "LabCommandsTests", dependencies: ["LabCommands", "SoftFloat", "Quantization", "Encoder"], exclude: ["Fixtures"]),
        .testTarget(name: "PortableMathTests", dependencies: ["PortableMath", "SoftFloat"]),
        .testTarget(name: "QuantizationTests", dependencies: ["Quantization", "SoftFloat", "PortableMath"], exclude: ["Fixtures"]),
        .testTarget(name: "ExperimentRunnerTests", dependencies: ["ExperimentRunner", "FastKernels", "Quantization", "ReportKit", "SoftFloat", "MatrixUnits", "Encoder"], exclude: ["Fixtures"]),
        .testTarget(name: "ModelAnalysisTests", dependencies: ["ModelAnalysis", "Quantization", "ReportKit"], exclude: ["Fixtures"]),
        .testTarget(name: "EncoderTests", dependencies: ["Encoder", "Quantization", "ModelAnalysis", "SoftFloat"], exclude: ["Fixtures"]),
        .testTarget(name: "VerificationTests", dependencies: ["Verification", "FastKernels", "SoftFloat"]),
        .testTarget(name: "MatrixUnitsTests", dependencies: ["MatrixUnits", "LabCommands", "SoftFloat", "MPFRReference", "CMPFR"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
