import SoftFloat
import Testing
@testable import Quantization

/// Tutorial 004's vector-wise int8 example and the LLM.int8 decomposition (numpy float32/float16
/// emulation of the same formulas as the oracle).
@Suite struct IntegerMatmulTests {
    let a = try! matrix([["0.1", "-0.5"], ["1.2", "-3.0"]])
    let b = try! matrix([["2.5", "1.0"], ["-1.0", "0.5"]])

    @Test func seed004Vectorwise() throws {
        let result = try matmul(a, b, MatmulConfiguration(scheme: .vectorwise))
        #expect(result.quantizedA == [25, -127, 51, -127])
        #expect(result.quantizedB == [127, 127, -51, 64])
        #expect(hex(result.scalesA, .float32) == ["0x3b810204", "0x3cc18306"])  // 0.5/127, 3/127
        #expect(hex(result.scalesB, .float32) == ["0x3ca14285", "0x3c010204"])  // 2.5/127, 1/127
        #expect(result.accumulators == [9652, -4953, 12954, -1651])
        #expect(result.product.doubleValues == [0.748031497001648, -0.15354330837726593, 6.023622035980225, -0.30708661675453186])
        // The float64 reference multiplies the float32 inputs exactly as doubles.
        let x = a.doubleValues
        let y = b.doubleValues
        #expect(result.reference == [x[0] * y[0] + x[1] * y[2], x[0] * y[1] + x[1] * y[3], x[2] * y[0] + x[3] * y[2], x[2] * y[1] + x[3] * y[3]])
        #expect(result.outlierColumns.isEmpty)
    }

    @Test func seed004Tensorwise() throws {
        let result = try matmul(a, b, MatmulConfiguration(scheme: .tensorwise))
        #expect(result.quantizedA == [4, -21, 51, -127])
        #expect(result.quantizedB == [127, 51, -51, 25])
        #expect(result.accumulators == [1579, -321, 12954, -574])
        #expect(result.product.doubleValues == [0.734236478805542, -0.14926528930664062, 6.023622035980225, -0.26691052317619324])
    }

    /// bitsandbytes' CPU formulas: the same integers, dequantized with acc · (absmax_A ·
    /// absmax_B) · 6.200124e-05 — that backend's constant, 1.8e-5 larger than 1/127².
    @Test func seed004Bitsandbytes() throws {
        let result = try matmul(a, b, MatmulConfiguration(scheme: .vectorwise, convention: .bitsandbytes))
        #expect(result.accumulators == [9652, -4953, 12954, -1651])
        #expect(result.product.doubleValues == [0.748045027256012, -0.15354607999324799, 6.023730754852295, -0.30709215998649597])
    }

    /// Column 2 of A holds 7 ≥ 6: it and row 2 of B go through float16; the rest is the
    /// seed's int8 product.
    @Test func llmInt8Decomposition() throws {
        let a = try matrix([["0.1", "-0.5", "7.0"], ["1.2", "-3.0", "0.25"]])
        let b = try matrix([["2.5", "1.0"], ["-1.0", "0.5"], ["0.3", "-2.0"]])
        let textbook = try matmul(a, b, MatmulConfiguration(scheme: .vectorwise, outlierThreshold: 6))
        #expect(textbook.outlierColumns == [2])
        #expect(textbook.quantizedA == [25, -127, 0, 51, -127, 0])
        #expect(textbook.quantizedB == [127, 127, -51, 64, 0, 0])
        #expect(textbook.product.doubleValues == [2.8476409912109375, -14.153543472290039, 6.098634243011475, -0.8070865869522095])
        // bitsandbytes: B is quantized whole, and the outlier part uses B's dequantized rows,
        // in float32 (A's dtype). C is bitsandbytes 0.50.2's own output for these inputs.
        let bnb = try matmul(a, b, MatmulConfiguration(scheme: .vectorwise, outlierThreshold: 6, convention: .bitsandbytes))
        #expect(bnb.outlierColumns == [2])
        #expect(bnb.quantizedB == [127, 64, -51, 32, 15, -127])
        #expect(bnb.accumulators == [9652, -2464, 12954, -800])
        #expect(bnb.product.doubleValues == [2.814974069595337, -14.15277099609375, 6.0975494384765625, -0.7976059913635254])
        // Without the decomposition the outlier squeezes row 0's other entries.
        let plain = try matmul(a, b, MatmulConfiguration(scheme: .vectorwise))
        #expect(plain.outlierColumns.isEmpty)
        #expect(plain.metrics.meanSquaredError > textbook.metrics.meanSquaredError)
    }

    @Test func shapeMismatch() throws {
        let c = try matrix([["1", "2", "3"]])
        #expect(throws: QuantizationError.matmulShapeMismatch(aRows: 2, aColumns: 2, bRows: 1, bColumns: 3)) {
            try matmul(a, c, MatmulConfiguration())
        }
    }

    @Test func int32AccumulatorOverflow() throws {
        // 16-bit operands: 32767² · 3 > 2^31 − 1.
        let ones = try matrix([["1", "1", "1"]])
        let column = try matrix([["1"], ["1"], ["1"]])
        #expect(throws: QuantizationError.accumulatorOverflow(row: 0, column: 0, value: 3 * 32767 * 32767)) {
            try matmul(ones, column, MatmulConfiguration(bits: 16))
        }
    }
}
