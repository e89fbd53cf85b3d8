import MPFRReference
import SoftFloat
import Testing

/// The worked values in the module's doc comments and README, compiled and checked so they
/// cannot drift.
@Suite struct DocumentationExampleTests {
    @Test func referenceExamples() throws {
        #expect(MPFRReference.round(MPFRValue(464.0), to: .float8_e4m3fn) == Rounded(bits: 0x7e, flags: .inexact))
        #expect(try MPFRReference.round(text: "1/3", to: .float16) == Rounded(bits: 0x3555, flags: .inexact))
        #expect(MPFRReference.convert(bits: 0x477f_f000, from: .float32, to: .float16) == Rounded(bits: 0x7c00, flags: [.overflow, .inexact]))
        #expect(MPFRReference.add(0x3c00, 0x0001, format: .float16) == Rounded(bits: 0x3c00, flags: .inexact))
        #expect(MPFRReference.round(MPFRValue(65519.0), to: .float16) == Rounded(bits: 0x7bff, flags: .inexact))
        #expect(MPFRReference.round(MPFRValue(-0.0), to: .float8_e4m3fnuz) == Rounded(bits: 0x00))
        #expect(MPFRReference.round(MPFRValue(1.0 + 0x1p-30), to: .float16, direction: .awayFromZero) == Rounded(bits: 0x3c01, flags: .inexact))
        #expect(try MPFRReference.round(text: "0.1", to: .float32) == Rounded(bits: 0x3dcc_cccd, flags: .inexact))
        #expect(try MPFRReference.round(text: "-1e8", to: .float16) == Rounded(bits: 0xfc00, flags: [.overflow, .inexact]))
        #expect(try MPFRReference.round(text: "0x1.8p-3", to: .float16) == Rounded(bits: 0x3200))
        #expect(try MPFRReference.round(text: "1/3", to: .float64) == Rounded(bits: 0x3fd5_5555_5555_5555, flags: .inexact))
        #expect(MPFRReference.evaluate(.fusedMultiplyAdd, [0x3c01, 0x3c01, 0xbc02], format: .float16) == Rounded(bits: 0x0010))
        #expect(MPFRReference.exactDecimal(bits: 0x7f, format: .float8_e4m3fn) == "nan")
    }

    @Test func valueExamples() throws {
        #expect(MPFRValue(significand: 0x5555_5555_5555_5555 as UInt64, exponent: -64).precision == 63)
        #expect(try MPFRValue(exactly: "0.375").precision == 2)
        #expect(try MPFRValue(exactly: "0x1p-3").description == "0.125")
        #expect(MPFRValue(1.0 / 3.0).exactDecimal == "0.333333333333333314829616256247390992939472198486328125")
        #expect(MPFRValue(bits: 0x00, format: .float8_e8m0fnu).exponent == -127)
    }

    @Test func roundingDirectionExamples() {
        #expect(MPFRRounding(.down) == .down)
        #expect(MPFRRounding(.nearestAway) == nil)
        #expect(ArithmeticOperation.fusedMultiplyAdd.arity == 3 && ArithmeticOperation.squareRoot.arity == 1)
    }
}
