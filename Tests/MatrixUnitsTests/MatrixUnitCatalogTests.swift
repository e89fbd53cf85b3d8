import SoftFloat
import Testing
@testable import MatrixUnits

@Suite struct MatrixUnitCatalogTests {
    @Test func everyListedNameResolvesToItself() throws {
        for unit in MatrixUnit.catalog {
            #expect(try MatrixUnit.named(unit.name) == unit)
        }
    }

    @Test func everyArchitectureHasUnits() {
        for architecture in Architecture.allCases {
            #expect(MatrixUnit.catalog.contains { $0.architecture == architecture }, "\(architecture)")
        }
    }

    @Test(arguments: [
        ("hopper:wgmma.m64n256k32.f32.e4m3.e4m3", "hopper:wgmma.m64n8k32.f32.e4m3.e4m3"),
        ("blackwell:tcgen05.mma.m128n64k16.f32.bf16.bf16", "blackwell:tcgen05.mma.m64n8k16.f32.bf16.bf16"),
        ("blackwell:tcgen05.mma.block_scale.m128n256k64.block16.f32.e2m1.e2m1.ue4m3",
         "blackwell:tcgen05.mma.block_scale.m128n8k64.block16.f32.e2m1.e2m1.ue4m3"),
        ("hopper:mma.m16n8k4.f64.f64.f64.f64", "hopper:mma.m8n8k4.f64.f64.f64.f64"),
        ("cdna1:mfma.f32_32x32x1f32", "cdna1:mfma.f32_4x4x1f32"),
        ("cdna3:mfma.f32_32x32x4_2b_f16", "cdna3:mfma.f32_4x4x4_16b_f16"),
    ])
    func otherShapesNameTheListedUnit(spelling: String, listed: String) throws {
        #expect(try MatrixUnit.named(spelling).name == listed)
    }

    @Test(arguments: [
        "hopper:wgmma.m64n7k32.f32.e4m3.e4m3", "hopper:wgmma.m32n8k32.f32.e4m3.e4m3", "pascal:mma.m8n8k4.f32.f16.f16.f32",
        "volta:mma.m16n8k16.f32.bf16.bf16.f32", "hopper", "cdna3:mfma.f32_32x32x8f16",
    ])
    func unknownNamesAreRefused(name: String) {
        #expect(throws: MatrixUnitError.self) { try MatrixUnit.named(name) }
    }

    @Test func descriptorsCarryTheGenerationsParameters() throws {
        #expect(try MatrixUnit.named("volta:mma.m8n8k4.f32.f16.f16.f32").keptFractionBits == 23)
        #expect(try MatrixUnit.named("ampere:mma.m16n8k16.f32.bf16.bf16.f32").stepSize == 8)  // split-K
        #expect(try MatrixUnit.named("hopper:mma.m16n8k16.f32.bf16.bf16.f32").stepSize == 16)
        let fp8 = try MatrixUnit.named("ada:mma.m16n8k32.f32.e4m3.e4m3.f32")
        #expect(fp8.keptFractionBits == 13 && fp8.outputFractionBits == 13 && fp8.stepSize == 16)
        #expect(try MatrixUnit.named("cdna2:mfma.f32_32x32x8f16").flushesSubnormals)
        #expect(try !MatrixUnit.named("cdna1:mfma.f32_32x32x8f16").flushesSubnormals)
        #expect(try MatrixUnit.named("cdna3:mfma.f32_16x16x32_fp8_fp8").a == .float8_e4m3fnuz)
    }
}
