import Testing
@testable import LabCommands

@Suite struct UnknownOptionTests {
    static let runOptions = ["--all", "--output", "--check", "--list", "--shard", "--shards", "--experiments", "--jobs", "--timings"]

    /// Worked by hand: the first unknown word and the declared name nearest to it (distance < 4).
    @Test(arguments: [
        (["--lst"], "--lst", "--list"),
        (["accumulation", "--jbos", "2"], "--jbos", "--jobs"),
        (["--check", "--output=x", "--chek"], "--chek", "--check"),
        (["--xyzzy"], "--xyzzy", nil),
        (["--experimentz=/tmp"], "--experimentz", "--experiments"),
    ] as [([String], String, String?)])
    func findsTheFirstUnknownOption(words: [String], option: String, suggestion: String?) throws {
        let found = try #require(UnknownOption.first(in: words, declared: Self.runOptions))
        #expect(found.option == option)
        #expect(found.suggestion == suggestion)
    }

    @Test(arguments: [
        ["--list", "--jobs", "2"],
        ["--help"],
        ["-1e8", "--all"],
        ["--", "--lst"],
        ["--"],
    ])
    func knownOptionsAndValuesAfterTheTerminatorPass(words: [String]) {
        #expect(UnknownOption.first(in: words, declared: Self.runOptions) == nil)
    }

    @Test(arguments: [
        ("", "", 0), ("--inptu", "--input", 2), ("kitten", "sitting", 3), ("--lst", "--list", 1), ("abc", "", 3), ("", "ab", 2),
    ])
    func editDistanceIsLevenshtein(a: String, b: String, distance: Int) {
        #expect(UnknownOption.editDistance(a, b) == distance)
        #expect(UnknownOption.editDistance(b, a) == distance)
    }

    @Test func theMessageIsArgumentParsers() {
        #expect(UnknownOption.message(option: "--lst", suggestion: "--list") == "Unknown option '--lst'. Did you mean '--list'?")
        #expect(UnknownOption.message(option: "--xyzzy", suggestion: nil) == "Unknown option '--xyzzy'")
    }

    /// A misspelt subcommand gets the nearest name (convrt → convert, distance 1); a word far
    /// from every name gets the list.
    @Test func misspeltSubcommands() {
        let names = ["formats", "inspect", "convert", "quantize"]
        #expect(UnknownOption.subcommandMessage("convrt", subcommands: names) == "Unknown subcommand 'convrt'. Did you mean 'convert'?")
        #expect(UnknownOption.subcommandMessage("xyzzyplugh", subcommands: names)
            == "Unknown subcommand 'xyzzyplugh'; the subcommands are formats, inspect, convert, quantize")
    }
}
