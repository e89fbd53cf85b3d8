// swift-tools-version:6.0
import PackageDescription

// The libFuzzer target for the lab's parsers, in its own package so that `swift build`,
// `swift test` and `Scripts/reports` in the main package never build it (it only links with
// `-sanitize=fuzzer`). Built and run by `Scripts/fuzz`; see the README section on model input
// validation. It imports Quantization with `@testable` (the safetensors and .npy readers are
// internal), so `Scripts/fuzz` builds with `-enable-testing`.
let package = Package(
    name: "PrecisionLabFuzz",
    dependencies: [
        .package(name: "PrecisionLab", path: ".."),
    ],
    targets: [
        // The declaration of libFuzzer's LLVMFuzzerRunDriver.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "precision-lab-fuzz",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "SoftFloat", package: "PrecisionLab"),
                .product(name: "PrecisionLabParsers", package: "PrecisionLab"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
