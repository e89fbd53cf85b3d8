import Testing
@testable import Quantization

/// The lattice search tables against a direct reading of ggml's `iq2xs_init_impl` /
/// `iq3xs_init_impl`: all (d², j) pairs sorted on both keys, cut after the wanted number of
/// distinct distances; and the search helpers on worked values.
@Suite struct LatticeNeighboursTests {
    struct Table: Sendable, CustomTestStringConvertible {
        let name: String
        let table: @Sendable () -> LatticeNeighbours
        let entries: Int
        let wanted: Int
        var testDescription: String { name }
    }

    static let tables = [
        Table(name: "iq3xxs", table: { .iq3xxs }, entries: 256, wanted: 2),
        Table(name: "iq3s", table: { .iq3s }, entries: 512, wanted: 3),
        Table(name: "iq2xxs", table: { .iq2xxs }, entries: 256, wanted: 2),
        Table(name: "iq2xs", table: { .iq2xs }, entries: 512, wanted: 2),
        Table(name: "iq2s", table: { .iq2s }, entries: 1024, wanted: 1),
        Table(name: "iq1s", table: { .iq1s }, entries: 2048, wanted: 3),
    ]

    @Test(arguments: tables)
    func everyEntryMapsToItself(_ case_: Table) {
        let table = case_.table()
        #expect(table.points.count == case_.entries * table.dimension)
        for j in 0..<case_.entries {
            var packed = 0
            for i in 0..<table.dimension { packed |= Int((table.points[j * table.dimension + i] - 1) / 2) << (table.bits * i) }
            #expect(table.gridIndex(of: packed) == j)
        }
    }

    @Test(arguments: tables)
    func neighboursAreTheNearestSortedByDistanceThenIndex(_ case_: Table) {
        let table = case_.table()
        let mask = (1 << table.bits) - 1
        for packed in stride(from: 1, to: table.map.count, by: 251) where table.gridIndex(of: packed) == nil {
            var pairs: [(distance: Int, index: Int)] = []
            for j in 0..<case_.entries {
                var d2 = 0
                for i in 0..<table.dimension {
                    let position: Int = 2 * ((packed >> (table.bits * i)) & mask) + 1
                    let diff: Int = Int(table.points[j * table.dimension + i]) - position
                    d2 += diff * diff
                }
                pairs.append((distance: d2, index: j))
            }
            pairs.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
            let distances = Array(Set(pairs.map { $0.distance })).sorted().prefix(case_.wanted)
            let expected: [UInt16] = pairs.filter { distances.contains($0.distance) }.map { UInt16($0.index) }
            #expect(Array(table.neighbours(of: packed)) == expected, "packed \(packed)")
        }
    }

    @Test func iq3xxsWorkedExample() {
        let table = LatticeNeighbours.iq3xxs
        #expect(table.gridIndex(of: 0x002) == 1)
        #expect(table.gridIndex(of: 0x001) == nil)
        #expect(Array(table.neighbours(of: 0x001).prefix(5)) == [0, 1, 3, 12, 58])
    }

    @Test func signsFoldToAnEvenCount() {
        let x: [Float] = [-1, 2, 3, 4, 5, 6, 7, 8]
        let weights = [Float](repeating: 1, count: 8)
        var xval = [Float](repeating: 0, count: 8)
        let signs = LatticeSearch.foldSigns(x, weights: weights, into: &xval)
        #expect(signs == 0)
        #expect(xval == [-1, 2, 3, 4, 5, 6, 7, 8])
        // Two negatives: both stored as sign bits, magnitudes positive.
        let signs2 = LatticeSearch.foldSigns([-1, 2, -3, 4, 5, 6, 7, 8], weights: weights, into: &xval)
        #expect(signs2 == 0b101)
        #expect(xval == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    struct ScaleSearch: Sendable, CustomTestStringConvertible {
        let name: String
        let table: @Sendable () -> LatticeNeighbours
        let trials: LatticeTrials
        let weight: Float
        let levels: [Int8]
        var testDescription: String { "\(name), weights \(weight)" }
    }

    /// x = [5, 1, …, 1] over two groups of 8, reference 5, initial scale 1. Weights 1 (the doc
    /// comment's worked value): every trial rounds to levels 2, 0, …, 0 (grid entry 1 of the
    /// IQ2 grids) and 0s (entry 0), Σwxq = Σwq² = 40, scale 1. Weights 0: Σwq² = 0, no trial is
    /// kept, the scale stays 1; IQ2_XXS's refit of every group snaps at id 1 to those same
    /// levels, the off-grid refit of IQ2_XS and IQ2_S leaves the entry levels (−1 here).
    static let scaleSearches: [ScaleSearch] = {
        let fitted: [Int8] = [2] + [Int8](repeating: 0, count: 15)
        let untouched = [Int8](repeating: -1, count: 16)
        return [
            ScaleSearch(name: "iq2xxs", table: { .iq2xxs }, trials: .iq2xxs, weight: 1, levels: fitted),
            ScaleSearch(name: "iq2xs", table: { .iq2xs }, trials: .iq2xs, weight: 1, levels: fitted),
            ScaleSearch(name: "iq2s", table: { .iq2s }, trials: .iq2s, weight: 1, levels: fitted),
            ScaleSearch(name: "iq2xxs", table: { .iq2xxs }, trials: .iq2xxs, weight: 0, levels: fitted),
            ScaleSearch(name: "iq2xs", table: { .iq2xs }, trials: .iq2xs, weight: 0, levels: untouched),
        ]
    }()

    @Test(arguments: scaleSearches)
    func bestScaleWorkedValue(_ case_: ScaleSearch) {
        let xval: [Float] = [5] + [Float](repeating: 1, count: 15)
        let weights = [Float](repeating: case_.weight, count: 16)
        var levels = [Int8](repeating: -1, count: 16), scratch = [Int8](repeating: 0, count: 16)
        var indices = [Int](repeating: 0, count: 2), onGrid = [Bool](repeating: false, count: 4)
        let scale = LatticeSearch.bestScale(xval, weights: weights, roots: weights, count: 16, reference: 5, initialScale: 1,
                                            table: case_.table(), trials: case_.trials, levels: &levels, scratch: &scratch,
                                            indices: &indices, onGrid: &onGrid)
        #expect(scale == 1)
        #expect(levels == case_.levels)
    }

    /// The magnitudes of the worked value: max 5, so nil at epsilon 8 and scale 1 below 5;
    /// and a sub-block scale code on the odd grid, 0.5·(10·1.3 − 1) = 6.
    @Test func fitMagnitudesAndScaleCodeWorkedValues() {
        let xval: [Float] = [5] + [Float](repeating: 1, count: 15)
        let weights = [Float](repeating: 1, count: 16)
        var levels = [Int8](repeating: -1, count: 16), scratch = [Int8](repeating: 0, count: 16)
        var indices = [Int](repeating: 0, count: 2), onGrid = [Bool](repeating: false, count: 4)
        for (epsilon, expected) in [(Float(8), Float?.none), (1e-8, 1)] {
            let scale = LatticeSearch.fitMagnitudes(xval, weights: weights, roots: weights, count: 16, epsilon: epsilon,
                                                    table: .iq2xs, trials: .iq2xs, levels: &levels, scratch: &scratch,
                                                    indices: &indices, onGrid: &onGrid)
            #expect(scale == expected)
        }
        #expect(LatticeSearch.level(1.3, inverseScale: 10, maxLevel: 15) == 6)
        #expect(LatticeSearch.level(1.3, inverseScale: 10, maxLevel: 3) == 3)
    }

    @Test func ternarySortKeepsEqualValuesInOrder() {
        var order = [Int](repeating: 0, count: 4), scratch = [Int](repeating: 0, count: 4)
        TernaryLatticeSearch.sortedOrder([0.5, -1, 0.5, 0], count: 4, into: &order, scratch: &scratch)
        #expect(order == [1, 3, 0, 2])
    }

    /// The doc comments' worked values of TernaryLatticeSearch.splitLevels and snapAndRefit and
    /// of LatticeSearch.weights.
    @Test func ternaryLevelsAndWeightsWorkedValues() {
        let order = [1, 3, 0, 2]
        var levels = [Int8](repeating: 9, count: 4)
        for (start, mirrored, expected) in [(Float(2), false, [Int8(1), 0, 2, 1]), (-2, true, [1, 2, 0, 1])] {
            var scale = start
            #expect(TernaryLatticeSearch.splitLevels(order, count: 4, split: (1, 3), scale: &scale, into: &levels) == mirrored)
            #expect(levels == expected)
            #expect(scale == 2)
        }
        var zeros = [Int8](repeating: 0, count: 8), index = [Int](repeating: -1, count: 1)
        let x = [Float](repeating: -1, count: 8)
        let scale = TernaryLatticeSearch.snapAndRefit(&zeros, groups: 1, table: .iq1s, x, weights: x, scale: 0.5,
                                                      values: { _ in TernaryLatticeSearch.plus }, index: &index)
        #expect(index == [0] && scale == 0.5)
        var weight: [Float] = [0], root: [Float] = [0]
        LatticeSearch.weights([3], count: 1, importance: [2], sigma2: 16, into: &weight, roots: &root)
        #expect(weight == [10] && root == [Float(10).squareRoot()])
        LatticeSearch.weights([3], count: 1, importance: nil, sigma2: 16, into: &weight, roots: &root)
        #expect(weight == [9] && root == [3])
    }
}
