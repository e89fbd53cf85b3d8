import ArgumentParser
import SoftFloat

/// `--rounding`'s value: one rounding mode, or `all` (`inspect` only: every deterministic
/// mode at once, one row each).
///
///     RoundingSelection(argument: "down")   // .mode(.down)
///     RoundingSelection(argument: "all")    // .all
enum RoundingSelection: Hashable, ExpressibleByArgument, CustomStringConvertible {
    case mode(RoundingMode)
    case all

    init?(argument: String) {
        if argument == "all" {
            self = .all
        } else if let mode = RoundingMode(rawValue: argument) {
            self = .mode(mode)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { RoundingMode.allCases.map(\.rawValue) + ["all"] }

    var description: String {
        switch self {
        case .mode(let mode): return mode.rawValue
        case .all: return "all"
        }
    }

    /// The one mode, or nil for `all`.
    var mode: RoundingMode? {
        if case .mode(let mode) = self { return mode }
        return nil
    }
}
