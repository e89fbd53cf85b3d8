import Foundation
import Testing
import SoftFloat

/// The formats without infinity get the lab's own protocol, not `BinaryFloatingPoint`.
struct SoftFloatingPointTests {
    static let nonIEEE: [any SoftFloatingPoint.Type] = [
        Float8E4M3FN.self, Float8E4M3FNUZ.self, Float8E5M2FNUZ.self, Float8E4M3B11FNUZ.self,
        Float6E2M3FN.self, Float6E3M2FN.self, Float4E2M1FN.self, Float8E8M0FNU.self,
    ]
    static let ieee: [any SoftBinaryFloatingPoint.Type] = [
        BFloat16.self, FloatTF32.self, SoftFloat16.self, SoftFloat32.self, Float8E5M2.self, Float8E4M3.self, Float8E3M4.self,
    ]

    @Test func onlyIEEEFormatsAreBinaryFloatingPoint() {
        for type in Self.nonIEEE {
            #expect(!(type is any BinaryFloatingPoint.Type), "\(type) must not claim IEEE semantics")
            #expect(!type.format.hasInfinity)
        }
        for type in Self.ieee {
            #expect(type.format.hasInfinity && type.format.bias == (1 << (type.format.exponentBits - 1)) - 1)
        }
        let formats = (Self.nonIEEE.map { $0.format } + Self.ieee.map { $0.format }).map(\.name)
        #expect(Set(formats).count == 15)
    }

    /// Every code of every non-IEEE type: operators equal the format-level operations, the
    /// explicit API returns their flags, and classification matches the format.
    @Test func everyCodeOfEveryNonIEEEType() {
        func check<T: SoftFloatingPoint>(_ type: T.Type) {
            let format = T.format
            var failures: [String] = []
            func expect(_ condition: Bool, _ label: String) { if !condition { failures.append("\(format.name) \(label)") } }
            for a in 0...format.codeMask {
                let x = T(code: a)
                expect(x.floatClass == format.classify(a) && x.isNaN == format.isNaN(a) && x.fields == format.fields(of: a), "class \(a)")
                expect(T(x.doubleValue).code == a || x.isNaN || (x.isZero && format.nonFinite == .nanNegativeZero), "double \(a)")
                expect((-x).code == format.negate(a) && x.nextUp.code == format.nextUp(a), "neighbors \(a)")
                for b in stride(from: UInt64(0), through: format.codeMask, by: 3) {
                    let y = T(code: b)
                    expect((x + y).code == format.add(a, b).bits && (x - y).code == format.subtract(a, b).bits, "+− \(a) \(b)")
                    expect((x * y).code == format.multiply(a, b).bits && (x / y).code == format.divide(a, b).bits, "×÷ \(a) \(b)")
                    let (sum, flags) = x.adding(y, rounding: .towardZero)
                    expect(Rounded(bits: sum.code, flags: flags) == format.add(a, b, options: .init(rounding: .towardZero)), "adding \(a) \(b)")
                    expect((x < y) == (format.compare(a, b).result == .less) && (x == y) == (format.compare(a, b).result == .equal), "compare \(a) \(b)")
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(8))")
        }
        check(Float8E4M3FN.self); check(Float8E4M3FNUZ.self); check(Float8E5M2FNUZ.self); check(Float8E4M3B11FNUZ.self)
        check(Float6E2M3FN.self); check(Float6E3M2FN.self); check(Float4E2M1FN.self); check(Float8E8M0FNU.self)
    }

    @Test func documentedExamples() throws {
        #expect((Float8E4M3FN(448) + Float8E4M3FN(32)).isNaN)
        #expect(Float8E4M3FN(448).adding(32, rounding: .towardZero) == (448, [.overflow, .inexact]))
        #expect(Float8E4M3FN(300.0) == 288 && Float8E4M3FN(2.5).roundedToIntegral(rounding: .nearestEven) == (2, .inexact))
        #expect(Float8E4M3FN.converting(500.0, options: .init(overflow: .saturate)) == (448, [.overflow, .inexact]))
        #expect((Float8E4M3FNUZ(1) - Float8E4M3FNUZ(1)).bitPattern == 0x00)
        #expect(Float8E5M2FNUZ(1e6).isNaN && Float8E4M3B11FNUZ(30).nextUp.isNaN)
        #expect(Float6E2M3FN(100) == 7.5 && Float6E3M2FN(0.3) == 0.3125 && Float4E2M1FN(5) == 4 && Float8E8M0FNU(3) == 4)
        #expect(Float8E8M0FNU(1).subtracting(1, rounding: .nearestEven).flags == .invalid)
        #expect(Float8E4M3FN(448).fields == FloatFields(negative: false, biasedExponent: 15, mantissa: 6))
        #expect(Float8E4M3FN.greatestFiniteMagnitude == 448 && Float8E4M3FN.leastNonzeroMagnitude.doubleValue == 0x1p-9)
        #expect(Float8E8M0FNU.leastNonzeroMagnitude.doubleValue == 0x1p-127 && Float8E8M0FNU.leastNormalMagnitude.code == 0)
        #expect(Float4E2M1FN(-6).magnitude == 6 && Float4E2M1FN(1.5).description == "1.5" && Float4E2M1FN("3") == 3)
        #expect(Float8E4M3FN.minimumNumber(.init(bitPattern: 0x7f), 2) == (2, []))
        #expect(Float8E4M3FN(2.5).convertedToInt64(rounding: .up) == (3, .inexact))
        let data = try JSONEncoder().encode([Float8E4M3FN(1.5), 448])
        #expect(try JSONDecoder().decode([Float6E2M3FN].self, from: data) == [1.5, 7.5])
        #expect(Set([Float8E4M3FN(0), Float8E4M3FN(bitPattern: 0x80)]).count == 1)
        #expect(Float8E4M3FN(3).squareRoot(rounding: .up).result == 1.75 && Float8E4M3FN(1).addingProduct(2, 3, rounding: .nearestEven).result == 7)
    }
}
