import ArgumentParser
import Foundation
import LabCommands

/// Where `UnknownOption` gets each subcommand's declared long options: ArgumentParser's own
/// description of the command tree (`_dumpHelp()`, the JSON behind `--experimental-dump-help`),
/// so the list cannot drift from the declarations.
///
///     UnknownOptionCheck.firstUnknown(in: ["run", "--lst"])   // ("--lst", "--list")
enum UnknownOptionCheck {
    /// The first unknown long option of `arguments` (the subcommand's name first); nil when
    /// every option is known or the first word is not a subcommand.
    static func firstUnknown(in arguments: [String]) -> (option: String, suggestion: String?)? {
        guard let subcommand = arguments.first, let declared = longOptions[subcommand] else { return nil }
        return UnknownOption.first(in: arguments.dropFirst(), declared: declared)
    }

    /// Every subcommand's declared long options (`--list`, `--format`, …), read once.
    private static let longOptions: [String: [String]] = {
        guard let data = PrecisionLab._dumpHelp().data(using: .utf8),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let command = root["command"] as? [String: Any],
              let subcommands = command["subcommands"] as? [[String: Any]] else { return [:] }
        var table: [String: [String]] = [:]
        for subcommand in subcommands {
            guard let name = subcommand["commandName"] as? String else { continue }
            let arguments = subcommand["arguments"] as? [[String: Any]] ?? []
            table[name] = arguments.flatMap { argument in
                (argument["names"] as? [[String: Any]] ?? []).compactMap { entry in
                    entry["kind"] as? String == "long" ? (entry["name"] as? String).map { "--" + $0 } : nil
                }
            }
        }
        return table
    }()
}
