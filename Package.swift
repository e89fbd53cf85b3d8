// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PrecisionLab",
    products: [
        // The bit-exact soft-float engine: formats as data, one rounding core. No dependencies,
        // so other packages can use it in their own tests.
        .library(name: "SoftFloat", targets: ["SoftFloat"]),
        .executable(name: "precision-lab", targets: ["precision-lab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "SoftFloat", exclude: ["README.md"]),
        // float32 → float16 with the F16C instruction, behind a runtime CPU check (the one
        // C kernel: Swift cannot compile a single function for extra CPU features).
        .target(name: "CHalfConversion"),
        .systemLibrary(
            name: "CMPFR",
            pkgConfig: "mpfr",
            providers: [.apt(["libmpfr-dev"])]
        ),
        .target(name: "MPFRReference", dependencies: ["CMPFR", "SoftFloat"], exclude: ["README.md"]),
        .target(name: "PrecisionLabKit", dependencies: ["SoftFloat", "MPFRReference", "Quantization", "CHalfConversion"], exclude: ["README.md"]),
        // Quantization kernels (absmax, zero-point, NF4, bnb-FP4, FP8, MX), LLM.int8 matmul,
        // error metrics; every arithmetic step in a chosen compute format.
        .target(name: "Quantization", dependencies: ["SoftFloat"], exclude: ["README.md"]),
        // Deterministic CSV, Markdown and SVG writers (the lab's own small plotting module).
        .target(name: "ReportKit", exclude: ["README.md"]),
        // Experiment specs (TOML), the runner and the experiments behind Reports/.
        .target(
            name: "ExperimentRunner",
            dependencies: [
                "SoftFloat", "MPFRReference", "PrecisionLabKit", "ReportKit", "Quantization",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "precision-lab",
            dependencies: [
                "PrecisionLabKit", "ExperimentRunner", "Quantization",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SoftFloatTests", dependencies: ["SoftFloat", "MPFRReference"], exclude: ["Fixtures"]),
        .testTarget(name: "MPFRReferenceTests", dependencies: ["MPFRReference", "SoftFloat"]),
        .testTarget(name: "PrecisionLabKitTests", dependencies: ["PrecisionLabKit", "SoftFloat"]),
        .testTarget(name: "QuantizationTests", dependencies: ["Quantization", "SoftFloat"]),
        .testTarget(name: "ExperimentRunnerTests", dependencies: ["ExperimentRunner", "PrecisionLabKit", "ReportKit", "SoftFloat"]),
    ],
    swiftLanguageModes: [.v6]
)
