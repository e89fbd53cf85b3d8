/// "Did you mean" for every subcommand. ArgumentParser runs a command's `validate()` before it
/// reports the words it did not recognise, so `run --lst` used to answer "name one or more
/// experiments" and `dequantize --inptu x` its usage line; `inspect`, which keeps unknown words
/// as values, had a message of its own. When parsing fails for any other reason, the front end
/// looks for the first `--word` the subcommand does not declare and reports that instead, in
/// ArgumentParser's words. A suggestion is the declared long name nearest in edit distance,
/// offered when the distance is below 4 (ArgumentParser's threshold):
///
///     UnknownOption.first(in: ["--lst"], declared: ["--list", "--all"])
///     // ("--lst", "--list"): distance 1
///     UnknownOption.message(option: "--lst", suggestion: "--list")
///     // "Unknown option '--lst'. Did you mean '--list'?"
public enum UnknownOption {
    /// Flags ArgumentParser adds to every command.
    public static let builtIn: Set<String> = ["--help", "--version", "--experimental-dump-help", "--generate-completion-script"]

    /// The first word that looks like a long option (`--name` or `--name=value`) and is neither
    /// declared nor built in, with the nearest declared name; nil when there is none before a
    /// bare `--` (after it every word is a value).
    public static func first(in words: some Sequence<String>, declared: [String]) -> (option: String, suggestion: String?)? {
        for word in words {
            if word == "--" { return nil }
            guard word.hasPrefix("--"), word.count > 2 else { continue }
            let name = String(word.split(separator: "=", maxSplits: 1)[0])
            if declared.contains(name) || builtIn.contains(name) { continue }
            return (name, nearest(to: name, among: declared))
        }
        return nil
    }

    /// The message, worded as ArgumentParser words its own unknown-option error.
    public static func message(option: String, suggestion: String?) -> String {
        suggestion.map { "Unknown option '\(option)'. Did you mean '\($0)'?" } ?? "Unknown option '\(option)'"
    }

    /// The message for a first word that names no subcommand (`convrt`: "Did you mean 'convert'?").
    public static func subcommandMessage(_ word: String, subcommands: [String]) -> String {
        nearest(to: word, among: subcommands).map { "Unknown subcommand '\(word)'. Did you mean '\($0)'?" }
            ?? "Unknown subcommand '\(word)'; the subcommands are \(subcommands.joined(separator: ", "))"
    }

    /// The declared name nearest to `name` in edit distance, if that distance is below 4
    /// (`--inptu` → `--input`, distance 2; `--xyzzy` → none).
    static func nearest(to name: String, among declared: [String]) -> String? {
        declared.map { ($0, editDistance(name, $0)) }.filter { $0.1 < 4 }.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance: inserting, deleting or substituting one character costs 1
    /// (`--inptu` → `--input`: 2, two substitutions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in stride(from: 1, through: a.count, by: 1) {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
