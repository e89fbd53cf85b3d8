import FastKernels
import MPFRReference

/// What one `verify --pairs` run found, as a shard writes it to a file and as `verify` prints it.
///
/// A shard file (`pairs-float8_e4m3fn-add.shard-3-of-8.txt`) reads
///
///     precision-lab verify --pairs shard summary
///     version = 1
///     format = float8_e4m3fn
///     operation = add
///     directions = RNDN RNDZ RNDU RNDD RNDA
///     pair_space = 65536
///     shard = 3/8
///     slice = 16384..<24576
///     cases = 40960
///     mismatches = 0
///     checksum = 5d0c1f3e8a2b7c44
///     end
///
/// with one `example = …` line per kept mismatch (operands, direction, engine and MPFR results)
/// before `end`; a file without the `end` line is truncated. ``report`` is what a single process
/// prints, and what `verify --merge` prints for a complete set of shards.
public struct PairVerificationSummary: Sendable, Equatable {
    /// The version of this file format; shards of different versions do not merge.
    public static let currentVersion = 1
    static let header = "precision-lab verify --pairs shard summary"

    public var version = Self.currentVersion
    public var format: String
    public var operation: String
    public var directions: [String]
    /// The size of the whole pair space (``PairVerification/pairCount(format:operation:)``).
    public var pairSpace: Int
    public var shard: ShardSelection
    /// The pairs this summary covers: `shard.slice(of: pairSpace)`.
    public var slice: Range<Int>
    public var cases: UInt64
    public var mismatches: UInt64
    public var checksum: UInt64
    public var examples: [String]

    /// The summary of `verification`'s run, done as `shard` (1/1 for a single process).
    public init(verification: PairVerification, outcome: PairVerification.Outcome, shard: ShardSelection) {
        format = verification.format.name
        operation = verification.operation.rawValue
        directions = verification.directions.map(\.rawValue)
        pairSpace = PairVerification.pairCount(format: verification.format, operation: verification.operation)
        self.shard = shard
        slice = verification.pairs
        cases = outcome.checked
        mismatches = outcome.mismatches
        checksum = outcome.checksum
        examples = outcome.examples
    }

    /// The file name of a shard: `pairs-float8_e4m3fn-add.shard-3-of-8.txt`.
    public var fileName: String { "pairs-\(format)-\(operation).shard-\(shard.index)-of-\(shard.count).txt" }

    /// The printed summary: the same bytes for one process and for a merge of shards.
    ///
    ///     verify --pairs float8_e4m3fn add (RNDN RNDZ RNDU RNDD RNDA): 65536 pairs, 327680 cases, 0 mismatches, checksum 5d0c1f3e8a2b7c44
    public var report: String {
        var text = "verify --pairs \(format) \(operation) (\(directions.joined(separator: " "))): \(slice.count) pairs, \(cases) cases, \(mismatches) mismatches, checksum \(Self.hex(checksum))\n"
        for example in examples { text += "  \(example)\n" }
        return text
    }

    /// The shard file's text.
    public var fileText: String {
        var lines = [
            Self.header,
            "version = \(version)",
            "format = \(format)",
            "operation = \(operation)",
            "directions = \(directions.joined(separator: " "))",
            "pair_space = \(pairSpace)",
            "shard = \(shard)",
            "slice = \(slice.lowerBound)..<\(slice.upperBound)",
            "cases = \(cases)",
            "mismatches = \(mismatches)",
            "checksum = \(Self.hex(checksum))",
        ]
        lines += examples.map { "example = \($0)" }
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a shard file; errors name `path`, and the line or key at fault.
    public init(parsing text: String, path: String) throws(PairVerificationError) {
        func fail(_ reason: String) -> PairVerificationError { .summary(path: path, reason: reason) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == Self.header else { throw fail("not a verify --pairs shard summary (the first line should be '\(Self.header)')") }
        guard lines.last == "end" else { throw fail("truncated: no 'end' line (did the shard's job stop while writing?)") }
        var values: [String: String] = [:]
        var examples: [String] = []
        for (number, line) in lines.enumerated().dropFirst().dropLast() {
            guard let separator = line.range(of: " = ") else { throw fail("line \(number + 1): expected 'key = value', got '\(line)'") }
            let key = String(line[..<separator.lowerBound]), value = String(line[separator.upperBound...])
            if key == "example" { examples.append(value); continue }
            guard values[key] == nil else { throw fail("line \(number + 1): '\(key)' given twice") }
            values[key] = value
        }
        func value(_ key: String) throws(PairVerificationError) -> String {
            guard let value = values[key] else { throw fail("no '\(key)' line") }
            return value
        }
        func number<Number: FixedWidthInteger>(_ key: String, radix: Int = 10) throws(PairVerificationError) -> Number {
            let text = try value(key)
            guard let number = Number(text, radix: radix) else { throw fail("\(key) '\(text)' is not a number") }
            return number
        }
        version = try number("version")
        format = try value("format")
        operation = try value("operation")
        directions = try value("directions").split(separator: " ").map(String.init)
        pairSpace = try number("pair_space")
        let shardText = try value("shard")
        do { shard = try ShardSelection(parsing: shardText) } catch { throw fail("\(error)") }
        let sliceText = try value("slice")
        let bounds = sliceText.split(separator: "..<", omittingEmptySubsequences: false)
        guard bounds.count == 2, let lower = Int(bounds[0]), let upper = Int(bounds[1]), lower <= upper else {
            throw fail("slice '\(sliceText)' is not LOWER..<UPPER")
        }
        slice = lower..<upper
        cases = try number("cases")
        mismatches = try number("mismatches")
        checksum = try number("checksum", radix: 16)
        self.examples = examples
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
