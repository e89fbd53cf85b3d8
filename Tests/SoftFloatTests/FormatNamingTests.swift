import Testing
@testable import SoftFloat

/// Format names: every built-in answers to its ml_dtypes name and to its short name (the part
/// after `floatN_`), every descriptor's ``FloatFormat/name`` parses back to it, and the
/// user-defined suffixes `fn`, `fnuz`, `fo` each mean one thing.
struct FormatNamingTests {
    /// Written out by hand from the ml_dtypes names, not derived from the descriptors.
    static let shortNames: [(short: String, builtIn: String)] = [
        ("e4m3fn", "float8_e4m3fn"), ("e5m2", "float8_e5m2"), ("e4m3fnuz", "float8_e4m3fnuz"),
        ("e5m2fnuz", "float8_e5m2fnuz"), ("e4m3b11fnuz", "float8_e4m3b11fnuz"), ("e3m4", "float8_e3m4"),
        ("e4m3", "float8_e4m3"), ("e8m0fnu", "float8_e8m0fnu"), ("e2m3fn", "float6_e2m3fn"),
        ("e3m2fn", "float6_e3m2fn"), ("e2m1fn", "float4_e2m1fn"),
    ]

    @Test(arguments: FloatFormat.builtIn)
    func builtInNameParsesBackToIt(format: FloatFormat) throws {
        let parsed = try FloatFormat.named(format.name)
        #expect(parsed == format && parsed.name == format.name)
        #expect(try FloatFormat.named(format.name.uppercased()) == format)
    }

    @Test(arguments: zip(shortNames.map(\.short), shortNames.map(\.builtIn)))
    func shortNameIsTheBuiltIn(short: String, builtIn: String) throws {
        let format = try FloatFormat.named(short)
        #expect(format.name == builtIn)
        #expect(format == FloatFormat.builtIn.first { $0.name == builtIn })
    }

    @Test func everyBuiltInWithAShortNameIsListed() {
        let listed = Set(Self.shortNames.map(\.builtIn))
        let withShortName = FloatFormat.builtIn.map(\.name).filter { $0.contains("_") }
        #expect(Set(withShortName) == listed)
    }

    /// The issue that prompted the rule: `e2m3fn` used to be a NaN-at-all-ones format with max
    /// 7.0 while float6_e2m3fn is finite-only with max 1.875 × 2^2 = 7.5.
    @Test func e2m3fnIsTheFiniteOnlyBuiltIn() throws {
        let builtIn = try FloatFormat.named("e2m3fn")
        #expect(builtIn == .float6_e2m3fn && !builtIn.hasNaN)
        #expect(builtIn.doubleValue(builtIn.maxFiniteBits) == 7.5)
        let nanAtAllOnes = try FloatFormat.named("e2m3fn:bias=1")
        #expect(nanAtAllOnes.nonFinite == .nanAllOnes && nanAtAllOnes != .float6_e2m3fn)
        #expect(nanAtAllOnes.doubleValue(nanAtAllOnes.maxFiniteBits) == 7.0)  // 1.75 × 2^2
        #expect(nanAtAllOnes.name == "e2m3fn:bias=1")
        #expect(try FloatFormat.named("e2m3fo") == .float6_e2m3fn)
    }

    /// Each suffix, away from the built-in short names: one meaning.
    @Test func suffixesMeanOneThing() throws {
        let fn = try FloatFormat.named("e3m3fn"), fnuz = try FloatFormat.named("e3m3fnuz")
        let fo = try FloatFormat.named("e3m3fo"), ieee = try FloatFormat.named("e3m3")
        #expect(fn.nonFinite == .nanAllOnes && fn.bias == 3 && fn.nanBits == 0x3f)
        #expect(fnuz.nonFinite == .nanNegativeZero && fnuz.bias == 4 && fnuz.nanBits == 0x40)
        #expect(fo.nonFinite == .finiteOnly && fo.bias == 3 && fo.nanBits == nil)
        #expect(ieee.nonFinite == .ieee && ieee.infinityBits == 0x38)
        // max: fn 1.75 × 2^4 = 28, fnuz 1.875 × 2^3 = 15, fo 1.875 × 2^4 = 30, IEEE 1.875 × 2^3 = 15
        #expect([fn, fnuz, fo, ieee].map { $0.doubleValue($0.maxFiniteBits) } == [28, 15, 30, 15])
    }

    /// A layout built from fields is named like the built-in it equals, and every name parses
    /// back to its descriptor: each built-in's field widths under every special-value rule
    /// and three biases.
    @Test(arguments: FloatFormat.builtIn)
    func nameRoundTripsForEveryLayoutOfTheseWidths(format: FloatFormat) throws {
        for nonFinite in FloatFormat.NonFiniteBehavior.allCases {
            for biasShift in [-1, 0, 1] {
                let defaultBias = nonFinite == .nanNegativeZero ? 1 << (format.exponentBits - 1) : (1 << (format.exponentBits - 1)) - 1
                guard let descriptor = try? FloatFormat(
                    name: "test", exponentBits: format.exponentBits, mantissaBits: format.mantissaBits,
                    bias: defaultBias + biasShift, nonFinite: nonFinite)
                else { continue }
                let parsed = try FloatFormat.named(descriptor.name)
                #expect(parsed == descriptor, "\(descriptor.name) parses to \(parsed.name)")
                #expect(parsed.name == descriptor.name)
                if let builtIn = FloatFormat.builtIn.first(where: { $0 == descriptor }) {
                    #expect(descriptor.name == builtIn.name)
                }
            }
        }
    }

    @Test func unknownNamesAreRefused() {
        #expect(throws: FormatError.unknown("float8_e2m3fn")) { try FloatFormat.named("float8_e2m3fn") }
        #expect(throws: FormatError.unknown("e5m0fnu")) { try FloatFormat.named("e5m0fnu") }
    }
}
