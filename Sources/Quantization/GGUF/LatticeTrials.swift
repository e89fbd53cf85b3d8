/// The trial scales of one of ggml's IQ2/IQ3 scale searches
/// (``LatticeSearch/bestScale(_:weights:roots:count:reference:initialScale:table:trials:levels:scratch:indices:onGrid:)``)
/// and what it does after them, as data: trial k of `steps` uses the inverse scale
/// (2·maxLevel + 1 + stride·k)/reference, where 2·maxLevel + 1 is ggml's `2*kMaxQ-1`, the
/// largest odd grid value.
///
///     LatticeTrials.iq3s    // 19 trials (15 + 0.2·k)/max, k = −9 … 9: 13.2/max … 16.8/max
///     LatticeTrials.iq2xxs  // 13 trials (5 + 0.1·k)/(3·scale), k = −6 … 6
struct LatticeTrials: Sendable {
    /// What follows the trials, when the best one is kept with scale > 0 (ggml's three variants).
    enum Refit: Sendable {
        /// Every group is snapped again at the fitted scale (IQ2_XXS).
        case everyGroup
        /// Every group, but only when the best trial had a group off the grid, or no trial
        /// was kept (IQ3_S: ggml's `if (is_on_grid[k]) continue;` is commented out).
        case everyGroupIfAnyOffGrid
        /// Only the groups the best trial had to move off their rounded levels (IQ2_XS, IQ2_S,
        /// IQ3_XXS); nothing when no trial was kept.
        case offGridGroups
    }

    /// The largest level (ggml's `kMaxQ − 1`): 2 for IQ2 (grid values 1, 3, 5), 7 for IQ3.
    let maxLevel: Int32
    /// The trial numbers k.
    let steps: ClosedRange<Int>
    /// The step between trial inverse scales, in units of 1/reference.
    let stride: Float
    let refit: Refit

    static let iq2xxs = LatticeTrials(maxLevel: 2, steps: -6...6, stride: 0.1, refit: .everyGroup)
    static let iq2xs = LatticeTrials(maxLevel: 2, steps: -9...9, stride: 0.1, refit: .offGridGroups)
    static let iq2s = iq2xs
    static let iq3xxs = LatticeTrials(maxLevel: 7, steps: -15...15, stride: 0.2, refit: .offGridGroups)
    static let iq3s = LatticeTrials(maxLevel: 7, steps: -9...9, stride: 0.2, refit: .everyGroupIfAnyOffGrid)

    /// ggml's `2*kMaxQ-1`: the centre of the trial inverse scales times the reference.
    var centre: Float { Float(2 * maxLevel + 1) }
}
