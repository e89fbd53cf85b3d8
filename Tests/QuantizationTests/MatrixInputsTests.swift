import Foundation
import SoftFloat
import Testing
@testable import Quantization

/// What `quantize` and `matmul` print when an input is bad: each message names the file and,
/// for an element, its line and column.
@Suite struct MatrixInputsTests {
    /// Writes `files` (name → text) into a fresh temporary folder and returns their paths.
    static func write(_ files: [(String, String)]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("MatrixInputsTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try files.map { name, text in
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    static func runMatmul(_ a: String, _ b: String) -> String? {
        do {
            _ = try MatrixInputs.run(reading: [.init(path: a), .init(path: b)], format: .float32) { matrices throws(QuantizationError) in
                try matmul(matrices[0], matrices[1], MatmulConfiguration())
            }
            return nil
        } catch {
            return error.description
        }
    }

    @Test func shapeMismatchNamesBothInputs() throws {
        let paths = try Self.write([("a.txt", "1 2\n3 4\n"), ("b.txt", "1 2 3\n")])
        let expected = QuantizationError.matmulShapeMismatch(aRows: 2, aColumns: 2, bRows: 1, bColumns: 3).description
        #expect(Self.runMatmul(paths[0], paths[1]) == "\(paths[0]) × \(paths[1]): \(expected)")
    }

    @Test func nonFiniteElementIsLocatedInTheFirstInputHoldingOne() throws {
        let paths = try Self.write([("a.txt", "1 2\n3 4\n"), ("b.txt", "1 nan\n3 4\n"), ("c.txt", "inf 2\n3 4\n")])
        #expect(Self.runMatmul(paths[0], paths[1])?.hasPrefix("\(paths[1]):1:3: nan") == true)
        #expect(Self.runMatmul(paths[2], paths[1])?.hasPrefix("\(paths[2]):1:1: inf") == true)
    }

    @Test func readingStopsAtTheFirstBadFile() throws {
        let paths = try Self.write([("a.txt", "1 2\n3 x\n")])
        let missing = paths[0] + ".missing"
        #expect(Self.runMatmul(missing, paths[0]) == "\(missing): no such file")
        #expect(Self.runMatmul(paths[0], missing)?.hasPrefix("\(paths[0]):2:3:") == true)
    }

    @Test func quantizeLocatesItsElement() throws {
        let paths = try Self.write([("in.txt", "1 2\n3 nan\n")])
        #expect(throws: MatrixCommandFailure.self) {
            try MatrixInputs.run(reading: [.init(path: paths[0])], format: .float32) { matrices throws(QuantizationError) in
                try quantize(matrices[0], QuantizationConfiguration(scheme: .absmax))
            }
        }
        do {
            _ = try MatrixInputs.run(reading: [.init(path: paths[0])], format: .float32) { matrices throws(QuantizationError) in
                try quantize(matrices[0], QuantizationConfiguration(scheme: .absmax))
            }
        } catch {
            #expect(error.description.hasPrefix("\(paths[0]):2:3: nan is not finite"))
        }
    }
}
