/// The memory and tables of one row's IQ2/IQ3 lattice search, for sub-blocks of `size` values
/// in groups of `table.dimension`: the weights, their roots (ggml's `waux`), the magnitudes
/// (`xval`), the kept and the trial levels (`L`, `Laux`), the groups' grid indices and
/// on-grid flags, and the sub-block scales of a 256-value super-block. The caller frees it:
///
///     let search = LatticeWorkspace(size: 32, table: .iq3xxs, trials: .iq3xxs)  // 8 groups of 4
///     defer { search.deallocate() }
///     // weight, roots, xval: 32 floats each; scales: 8; levels, trial: 32; indices: 8; onGrid: 16
struct LatticeWorkspace {
    let size: Int
    let table: LatticeNeighbours
    let trials: LatticeTrials
    let weight: UnsafeMutablePointer<Float>
    let roots: UnsafeMutablePointer<Float>
    let xval: UnsafeMutablePointer<Float>
    let scales: UnsafeMutablePointer<Float>
    let levels: UnsafeMutablePointer<Int8>
    let trial: UnsafeMutablePointer<Int8>
    let indices: UnsafeMutablePointer<Int>
    let onGrid: UnsafeMutablePointer<Bool>

    init(size: Int, table: LatticeNeighbours, trials: LatticeTrials) {
        let groups = size / table.dimension
        self.size = size
        self.table = table
        self.trials = trials
        weight = .allocate(capacity: 3 * size + 256 / size)
        roots = weight + size
        xval = weight + 2 * size
        scales = weight + 3 * size
        levels = .allocate(capacity: 2 * size)
        trial = levels + size
        indices = .allocate(capacity: groups)
        onGrid = .allocate(capacity: 2 * groups)
    }

    func deallocate() {
        weight.deallocate()
        levels.deallocate()
        indices.deallocate()
        onGrid.deallocate()
    }

    /// ``LatticeSearch/fitMagnitudes(_:weights:roots:count:epsilon:table:trials:levels:scratch:indices:onGrid:)``
    /// of the sub-block held in `xval`, `weight` and `roots`; its levels land in `levels`.
    func fitMagnitudes(epsilon: Float) -> Float? {
        LatticeSearch.fitMagnitudes(xval, weights: weight, roots: roots, count: size, epsilon: epsilon, table: table, trials: trials,
                                    levels: levels, scratch: trial, indices: indices, onGrid: onGrid)
    }

    /// ``LatticeSearch/bestScale(_:weights:roots:count:reference:initialScale:table:trials:levels:scratch:indices:onGrid:)``
    /// of the sub-block held in `xval`, `weight` and `roots`, from the levels in `levels`.
    func bestScale(reference: Float, initialScale: Float) -> Float {
        LatticeSearch.bestScale(xval, weights: weight, roots: roots, count: size, reference: reference, initialScale: initialScale,
                                table: table, trials: trials, levels: levels, scratch: trial, indices: indices, onGrid: onGrid)
    }

    /// The grid index of the levels of group `k` (0 when off the grid, which the search never leaves).
    func gridIndex(group k: Int) -> Int {
        table.gridIndex(of: table.pack(levels + table.dimension * k)) ?? 0
    }
}
