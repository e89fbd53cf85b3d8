import Foundation

/// The path of one folder as seen from another, for links in generated pages: both paths are
/// taken relative to the current folder (or absolute) and compared component by component.
///
///     RelativePath.from("Reports", to: "Experiments")          // "../Experiments"
///     RelativePath.from("out/reports", to: "Experiments")      // "../../Experiments"
///     RelativePath.from("Reports", to: "Reports")              // "."
enum RelativePath {
    static func from(_ directory: String, to target: String) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
        let goal = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < min(base.count, goal.count), base[common] == goal[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + goal[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
