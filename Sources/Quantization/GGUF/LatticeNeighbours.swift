/// The search tables of ggml's lattice quantizers (`iq2xs_init_impl`, `iq3xs_init_impl`),
/// derived from the grids in ``LatticeGrids``: each grid entry as its per-coordinate level
/// indices l (ggml's `kgrid_q2xs`/`kgrid_q3xs` hold 2l + 1), a map from every packed level
/// vector to its grid index, and for every vector not on the grid its nearest grid entries.
///
/// A level vector packs `bits` bits per coordinate, coordinate 0 lowest (ggml's `u`). Off-grid
/// vectors get the entries at the `wanted` smallest squared distances Σ(2l − 2l')², ordered by
/// distance and then by grid index (ggml sorts (d², j) pairs with qsort on both keys):
///
///     LatticeNeighbours.iq3xxs.gridIndex(of: 0x002)             // 1: levels (2, 0, 0, 0) are entry 1
///     LatticeNeighbours.iq3xxs.gridIndex(of: 0x001)             // nil: (1, 0, 0, 0) is off the grid
///     LatticeNeighbours.iq3xxs.neighbours(of: 0x001).prefix(5)  // [0, 1, 3, 12, 58]: one level away,
///                                                              // then the entries at Σ(Δl)² = 2
///
/// Built on first use (Swift's lazy, thread-safe `static let`).
struct LatticeNeighbours: Sendable {
    /// Values per grid entry (4 for IQ3, 8 for IQ2/IQ1).
    let dimension: Int
    /// Bits per coordinate in a packed vector (3 for IQ3, 2 for IQ2/IQ1).
    let bits: Int
    /// ggml's `2l + 1` values of each entry, `dimension` per entry (`kgrid_q2xs` as int8).
    let points: [Int8]
    /// Grid index of each packed vector, or −1 when it is off the grid.
    let map: [Int32]
    /// Where each packed vector's neighbour list starts in ``list`` (count + 1 offsets).
    let offsets: [Int32]
    /// The neighbour lists, concatenated.
    let list: [UInt16]

    static let iq3xxs = LatticeNeighbours(grid4: LatticeGrids.iq3xxs, levels: LatticeCodebooks.iq3xxsLevels, wanted: 2)
    static let iq3s = LatticeNeighbours(grid4: LatticeGrids.iq3s, levels: LatticeCodebooks.iq3sLevels, wanted: 3)
    static let iq2xxs = LatticeNeighbours(grid8: LatticeGrids.iq2xxs, levels: LatticeCodebooks.iq2xxsLevels, wanted: 2)
    static let iq2xs = LatticeNeighbours(grid8: LatticeGrids.iq2xs, levels: LatticeCodebooks.iq2xsLevels, wanted: 2)
    static let iq2s = LatticeNeighbours(grid8: LatticeGrids.iq2s, levels: LatticeCodebooks.iq2sLevels, wanted: 1)
    static let iq1s = LatticeNeighbours(grid8: LatticeGrids.iq1s, levels: LatticeCodebooks.iq1sLevels, wanted: 3)

    /// The grid index of a packed level vector, nil when it is off the grid (or outside the
    /// map: levels from NaN scales, where ggml aborts).
    @inline(__always)
    func gridIndex(of packed: Int) -> Int? {
        guard packed >= 0 && packed < map.count else { return nil }
        let index = map[packed]
        return index >= 0 ? Int(index) : nil
    }

    /// The nearest grid entries of an off-grid packed vector, in ggml's order.
    func neighbours(of packed: Int) -> ArraySlice<UInt16> {
        list[Int(offsets[packed])..<Int(offsets[packed + 1])]
    }

    init(grid4 grid: [UInt32], levels: [UInt8], wanted: Int) {
        self.init(entries: grid.map(UInt64.init), levels: levels, dimension: 4, bits: 3, mapSize: 4096, wanted: wanted)
    }

    /// IQ2/IQ1: ggml's map covers packed vectors below 43692 = 0xaaac (levels ≤ 2 everywhere).
    init(grid8 grid: [UInt64], levels: [UInt8], wanted: Int) {
        self.init(entries: grid, levels: levels, dimension: 8, bits: 2, mapSize: 43692, wanted: wanted)
    }

    private init(entries: [UInt64], levels: [UInt8], dimension: Int, bits: Int, mapSize: Int, wanted: Int) {
        self.dimension = dimension
        self.bits = bits
        let mask = (1 << bits) - 1
        // Level index of each coordinate (the grid bytes are levels[l]).
        var levelIndex = [Int8](repeating: 0, count: entries.count * dimension)
        var map = [Int32](repeating: -1, count: mapSize)
        for (k, entry) in entries.enumerated() {
            var packed = 0
            for i in 0..<dimension {
                let byte = UInt8(truncatingIfNeeded: entry >> UInt64(8 * i))
                let l = levels.firstIndex(of: byte)!
                levelIndex[k * dimension + i] = Int8(l)
                packed |= l << (bits * i)
            }
            map[packed] = Int32(k)
        }
        self.points = levelIndex.map { 2 * $0 + 1 }
        self.map = map

        // Squared distances in level units (Σ(l − l')², a quarter of ggml's d²) are small
        // integers, so a counting sort replaces ggml's qsort of (d², j): find the `wanted`
        // smallest distinct distances, then place the entries within them by distance and, at
        // equal distance, by increasing index. A distance is the sum of the distances of the
        // vectors' low and high halves, looked up in a table of all half pairs.
        let half = dimension / 2, halfBits = bits * half, halfSize = 1 << halfBits
        let halfDistance = UnsafeMutablePointer<UInt8>.allocate(capacity: halfSize * halfSize)
        for a in 0..<halfSize {
            for b in 0..<halfSize {
                var d2 = 0
                for c in 0..<half {
                    let diff = ((a >> (bits * c)) & mask) - ((b >> (bits * c)) & mask)
                    d2 += diff * diff
                }
                halfDistance[a * halfSize + b] = UInt8(d2)
            }
        }
        let count = entries.count
        let lowHalf = UnsafeMutablePointer<Int>.allocate(capacity: count)
        let highHalf = UnsafeMutablePointer<Int>.allocate(capacity: count)
        for j in 0..<count {
            var packed = 0
            for i in 0..<dimension { packed |= Int(levelIndex[j * dimension + i]) << (bits * i) }
            lowHalf[j] = packed & (halfSize - 1)
            highHalf[j] = packed >> halfBits
        }
        let maxDistance = 2 * 255
        let distance = UnsafeMutablePointer<Int>.allocate(capacity: count)
        let histogram = UnsafeMutablePointer<Int>.allocate(capacity: maxDistance + 1)
        let position = UnsafeMutablePointer<Int>.allocate(capacity: maxDistance + 1)
        let found = UnsafeMutablePointer<UInt16>.allocate(capacity: count)
        defer {
            halfDistance.deallocate(); lowHalf.deallocate(); highHalf.deallocate()
            distance.deallocate(); histogram.deallocate(); position.deallocate(); found.deallocate()
        }
        var offsets = [Int32](repeating: 0, count: mapSize + 1)
        var list: [UInt16] = []
        for packed in 0..<mapSize {
            offsets[packed] = Int32(list.count)
            guard map[packed] < 0 else { continue }
            let lowRow = halfDistance + (packed & (halfSize - 1)) * halfSize
            let highRow = halfDistance + (packed >> halfBits) * halfSize
            histogram.initialize(repeating: 0, count: maxDistance + 1)
            for j in 0..<count {
                let d = Int(lowRow[lowHalf[j]]) + Int(highRow[highHalf[j]])
                distance[j] = d
                histogram[d] += 1
            }
            var threshold = 0, distinct = 0, total = 0
            for d in 0...maxDistance where histogram[d] > 0 {
                position[d] = total
                total += histogram[d]
                threshold = d
                distinct += 1
                if distinct == wanted { break }
            }
            for j in 0..<count where distance[j] <= threshold {
                found[position[distance[j]]] = UInt16(j)
                position[distance[j]] += 1
            }
            list.append(contentsOf: UnsafeBufferPointer(start: found, count: total))
        }
        offsets[mapSize] = Int32(list.count)
        self.offsets = offsets
        self.list = list
    }

    /// `iq2_find_best_neighbour` / `iq3_find_best_neighbour`: among the neighbours of
    /// `packed`, the entry minimising Σ w[i]·(scale·q[i] − x[i])² (float32, ggml's order; the
    /// first on ties). Writes its levels l = (q − 1) / 2 to `L` and returns its index. If no
    /// error is below Float.greatestFiniteMagnitude (infinite or NaN inputs, where ggml
    /// aborts), the first neighbour is taken.
    func bestNeighbour(of packed: Int, _ x: UnsafePointer<Float>, weights: UnsafePointer<Float>, scale: Float,
                       levels L: UnsafeMutablePointer<Int8>) -> Int {
        let start = Int(offsets[packed]), end = Int(offsets[packed + 1])
        var best = Float.greatestFiniteMagnitude
        var bestIndex = Int(list[start])
        points.withUnsafeBufferPointer { points in
            for n in start..<end {
                let j = Int(list[n])
                var d2: Float = 0
                for i in 0..<dimension {
                    let diff = scale * Float(points[j * dimension + i]) - x[i]
                    d2 += weights[i] * diff * diff
                }
                if d2 < best {
                    best = d2
                    bestIndex = j
                }
            }
            for i in 0..<dimension { L[i] = (points[bestIndex * dimension + i] - 1) / 2 }
        }
        return bestIndex
    }

    /// The packed vector of `dimension` levels at `L`.
    @inline(__always)
    func pack(_ L: UnsafePointer<Int8>) -> Int {
        var packed = 0
        for i in 0..<dimension { packed |= Int(L[i]) << (bits * i) }
        return packed
    }
}
