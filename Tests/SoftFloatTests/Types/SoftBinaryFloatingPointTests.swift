import Foundation
import Testing
import SoftFloat

/// The IEEE-family types as `BinaryFloatingPoint`: the standard library's generic algorithms
/// (Float(x), Double(x), T(x)) and the properties, checked against the hardware `Float16`
/// and `Float` and against the engine's own conversions.
struct SoftBinaryFloatingPointTests {
    /// Float(x) and Double(x) go through the standard library's generic conversion, which reads
    /// our exponentBitPattern/significandBitPattern; both must be exact for every code.
    @Test func everyCodeWidensExactly() {
        var failures: [String] = []
        for code in UInt16.min...UInt16.max {
            for (x, format) in [(BFloat16(bitPattern: code) as any BinaryFloatingPoint, FloatFormat.bfloat16),
                                (SoftFloat16(bitPattern: code), .float16)] {
                let expected = Float(bitPattern: UInt32(format.convert(UInt64(code), to: .float32).bits))
                let widened = Float(x)
                let double = Double(x)
                if !(widened.bitPattern == expected.bitPattern || (widened.isNaN && expected.isNaN))
                    || !(double == Double(expected) || (double.isNaN && expected.isNaN)) {
                    failures.append("\(format.name) \(code)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(8))")
    }

    /// Every float16 code: properties and rounding against the hardware Float16.
    @Test func float16PropertiesMatchHardware() {
        var failures: [String] = []
        func expect(_ condition: Bool, _ message: @autoclosure () -> String) { if !condition { failures.append(message()) } }
        for code in UInt16.min...UInt16.max {
            let soft = SoftFloat16(bitPattern: code)
            let hard = Float16(bitPattern: code)
            func same(_ a: SoftFloat16, _ b: Float16) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
            expect(same(soft.nextUp, hard.nextUp), "nextUp \(code)")
            expect(same(soft.nextDown, hard.nextDown), "nextDown \(code)")
            expect(same(soft.ulp, hard.ulp), "ulp \(code)")
            expect(same(soft.binade, hard.binade), "binade \(code)")
            expect(same(soft.significand, hard.significand), "significand \(code)")
            expect(soft.exponent == hard.exponent, "exponent \(code)")
            expect(soft.significandWidth == hard.significandWidth, "significandWidth \(code)")
            expect(soft.floatingPointClass == hard.floatingPointClass, "class \(code)")
            expect(soft.isSignalingNaN == hard.isSignalingNaN, "isSignalingNaN \(code)")
            expect(same(soft.magnitude, hard.magnitude) && same(-soft, -hard), "magnitude \(code)")
            for rule in [FloatingPointRoundingRule.toNearestOrEven, .toNearestOrAwayFromZero, .up, .down, .towardZero, .awayFromZero] {
                expect(same(soft.rounded(rule), hard.rounded(rule)), "rounded \(code) \(rule)")
            }
            // The standard library's Float16(sign:exponent:significand:) rounds twice into the
            // subnormal range, so the reference is the exact Double product rounded once.
            for (sign, exponent) in [(FloatingPointSign.plus, 3), (.minus, -20), (.plus, -30), (.minus, 40)] {
                let exact = Double(sign: sign, exponent: exponent, significand: Double(hard))
                expect(same(SoftFloat16(sign: sign, exponent: exponent, significand: soft), Float16(exact)), "scale \(code)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(8))")
    }

    /// Conversions into the soft types from Float, Double, Float80 and integers round once.
    @Test func conversionsRoundOnce() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let bits = random.next()
            let double = Double(bitPattern: bits)
            let single = Float(bitPattern: UInt32(truncatingIfNeeded: bits))
            let expected16 = FloatFormat.float64.convert(bits, to: .float16).bits
            #expect(UInt64(SoftFloat16(double).bitPattern) == expected16 || double.isNaN)
            #expect(SoftFloat16(double).bitPattern == Float16(double).bitPattern || double.isNaN, "\(double)")
            #expect(SoftFloat16(single).bitPattern == Float16(single).bitPattern || single.isNaN, "\(single)")
            #expect(SoftFloat32(double).bitPattern == Float(double).bitPattern || double.isNaN, "\(double)")
            #if arch(x86_64)
            // Through Float80 with its explicit integer bit: same result as from the Double.
            #expect(BFloat16(Float80(double)).bitPattern == BFloat16(double).bitPattern || double.isNaN)
            #endif
            let integer = Int64(bitPattern: bits) >> (bits % 64)
            #expect(SoftFloat32(integer).bitPattern == Float(integer).bitPattern, "\(integer)")
            #expect(SoftFloat16(integer).bitPattern == Float16(Float(integer)).bitPattern || abs(integer) >= 1 << 24, "\(integer)")
        }
        // Integers wider than 64 bits keep a sticky bit: 2^64 + 1 rounds like the exact value.
        let wide = UInt128(1) << 64 + UInt128(1) << 40 + 1
        #expect(SoftFloat32(wide).bitPattern == 0x5f80_0001 && BFloat16(UInt128(0x80_8000_0000_0000_0000_0001)) == BFloat16(0x1.02p87))
        #expect(SoftFloat16(exactly: 2049) == nil && SoftFloat16(exactly: 2048) == 2048 && SoftFloat16(exactly: Double.nan) == nil)
        #expect(SoftFloat16(exactly: 0.1 as Double) == nil && SoftFloat16(exactly: 0.5 as Float) == 0.5)
    }

    @Test func constantsAndArithmetic() {
        #expect(SoftFloat16.pi.bitPattern == Float16.pi.bitPattern)
        #expect(SoftFloat32.pi.bitPattern == Float.pi.bitPattern)
        #expect(SoftFloat16.infinity.bitPattern == 0x7c00 && SoftFloat16.nan.bitPattern == 0x7e00)
        #expect(SoftFloat16.signalingNaN.bitPattern == Float16.signalingNaN.bitPattern)
        #expect(SoftFloat16.greatestFiniteMagnitude == 65504 && SoftFloat16.leastNonzeroMagnitude.bitPattern == 1)
        #expect(SoftFloat32.leastNormalMagnitude.bitPattern == Float.leastNormalMagnitude.bitPattern)
        #expect(SoftFloat16(10000) * SoftFloat16(10000) == .infinity)
        #expect(SoftFloat32(10000) * SoftFloat32(10000) == 1e8)
        #expect((SoftFloat32(1) / 3).bitPattern == 0x3eaa_aaab)
        #expect(SoftFloat16(7).remainder(dividingBy: 2) == -1 && SoftFloat16(7).truncatingRemainder(dividingBy: 2) == 1)
        #expect(SoftFloat16(2).squareRoot().bitPattern == 0x3da8)
        #expect(SoftFloat16(-1).addingProduct(SoftFloat16(bitPattern: 0x3c03), SoftFloat16(bitPattern: 0x3c03)).bitPattern == 0x1e02)
        var x: BFloat16 = 1
        x += 1; x *= 3; x -= 2; x /= 4
        #expect(x == 1)
        #expect(Array(stride(from: SoftFloat16(0), to: 1, by: 0.25)) == [0, 0.25, 0.5, 0.75])
        #expect(Set([SoftFloat16(0), -0.0, 1]).count == 2)
        #expect(SoftFloat16(0) == -SoftFloat16(0) && SoftFloat16.nan != .nan && SoftFloat16(1) < 2 && SoftFloat16(-0.0) <= 0)
        #expect(Float8E5M2.minimum(1, .nan) == 1 && Float8E5M2.maximum(-1, 2) == 2)
        var generator = SplitMix64(seed: 1)
        #expect((0..<100).allSatisfy { _ in (1..<2).contains(SoftFloat16.random(in: 1..<2, using: &generator)) })
    }

    func mean<T: BinaryFloatingPoint>(_ values: [T]) -> T { values.reduce(0, +) / T(values.count) }

    @Test func genericCodeAndDocumentedExamples() {
        #expect(mean([BFloat16(1), 2, 4]) == 2.328125)
        let x: BFloat16 = 1.0
        #expect(x + 0.001 == 1)
        let big: SoftFloat16 = 65504
        #expect(big.adding(8, rounding: .nearestEven) == (65504, .inexact))
        #expect(big.adding(16, rounding: .nearestEven) == (.infinity, [.overflow, .inexact]))
        #expect(big.adding(16, rounding: .towardZero) == (65504, .inexact))
        #expect(big.adding(32, rounding: .towardZero) == (65504, [.overflow, .inexact]))
        let third: BFloat16 = 0.333984375
        #expect(BFloat16(3).multiplied(by: third, rounding: .towardZero) == (1, .inexact))
        #expect(BFloat16(3).multiplied(by: third, rounding: .up) == (1.0078125, .inexact))
        #expect(SoftFloat16(1).divided(by: 3, rounding: .down).result.bitPattern == 0x3555)
        #expect(FloatTF32(1.0 / 3).bitPattern == 0x1f555)
        #expect(Float8E5M2(60000) == 57344 && Float8E4M3(245) == 240 && Float8E3M4(0.1) == 0.09375)
        #expect(SoftFloat32(1.0 / 3).converted(to: BFloat16.self, options: .standard) == (0.333984375, .inexact))
        #expect(BFloat16(257) == 256)
    }

    @Test func textAndCodable() throws {
        for code in UInt16.min...UInt16.max where code % 61 == 0 {
            let x = BFloat16(bitPattern: code)
            let y = SoftFloat16(bitPattern: code)
            #expect(BFloat16(x.description)?.bitPattern == code || x.isNaN)
            #expect(SoftFloat16(y.description)?.bitPattern == code || y.isNaN, "\(code)")
            // Below 2048 the shortest digits are also what Float16 prints (above, Float16 prints
            // every integer in full: 4272.0 where the shortest round-trip decimal is 4270.0).
            if abs(Float(Float16(bitPattern: code))) < 2048 {
                #expect(y.description == Float16(bitPattern: code).description || y.isNaN, "\(code)")
            }
        }
        #expect(BFloat16("0.1")?.bitPattern == 0x3dcd && BFloat16("1/3") == 0.333984375 && BFloat16("one") == nil)
        let values: [SoftFloat32] = [1.5, -0.0, 3.4028235e38, 1e-45]
        let data = try JSONEncoder().encode(values)
        #expect(String(decoding: data, as: UTF8.self) == "[1.5,-0,3.4028234663852886e+38,1.401298464324817e-45]")
        #expect(try JSONDecoder().decode([SoftFloat32].self, from: data).map(\.bitPattern) == values.map(\.bitPattern))
    }
}

