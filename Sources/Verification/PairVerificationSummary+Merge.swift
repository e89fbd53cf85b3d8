import FastKernels
import Foundation

extension PairVerificationSummary {
    /// Writes this shard's summary into `directory` (created if needed) in one step: a
    /// failed job leaves no file or a complete one. Returns the path.
    public func write(to directory: String) throws(PairVerificationError) -> String {
        let path = directory + "/" + fileName
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(fileText.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .summary(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
        return path
    }

    /// Reads every shard summary (`*.shard-K-of-N.txt`) in `directory` and merges them.
    public static func merge(directory: String) throws(PairVerificationError) -> PairVerificationSummary {
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw .coverage("\(directory): cannot list the folder of shard summaries")
        }
        var files: [(path: String, text: String)] = []
        for entry in entries.sorted() where entry.contains(".shard-") && entry.hasSuffix(".txt") {
            let path = directory + "/" + entry
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .summary(path: path, reason: "cannot read")
            }
            files.append((path, text))
        }
        return try merge(files)
    }

    /// Merges shard summaries after checking that they come from one sweep (same version,
    /// format, operation, directions and N), that each covers its slice with the right
    /// number of cases, and that shards 1…N are each present exactly once:
    ///
    ///     missing shard 3 of 8
    ///     duplicate shard 2 of 8: a.txt and b.txt
    ///
    /// The result is what a single process reports: counts and checksums add up, and the
    /// examples are the first five in pair order.
    public static func merge(_ files: [(path: String, text: String)]) throws(PairVerificationError) -> PairVerificationSummary {
        guard !files.isEmpty else { throw .coverage("no shard summaries (*.shard-K-of-N.txt) to merge") }
        var shards: [Int: (path: String, summary: PairVerificationSummary)] = [:]
        var reference: (path: String, summary: PairVerificationSummary)?
        for (path, text) in files {
            let summary = try PairVerificationSummary(parsing: text, path: path)
            if let (referencePath, expected) = reference {
                let fields: [(String, String, String)] = [
                    ("version", "\(expected.version)", "\(summary.version)"),
                    ("format", expected.format, summary.format),
                    ("operation", expected.operation, summary.operation),
                    ("directions", expected.directions.joined(separator: " "), summary.directions.joined(separator: " ")),
                    ("pair_space", "\(expected.pairSpace)", "\(summary.pairSpace)"),
                    ("shard count", "\(expected.shard.count)", "\(summary.shard.count)"),
                ]
                for (name, a, b) in fields where a != b {
                    throw .coverage("\(referencePath) and \(path) disagree on \(name): \(a) vs \(b) (one sweep per folder)")
                }
            } else {
                reference = (path, summary)
            }
            guard summary.version == currentVersion else {
                throw .summary(path: path, reason: "version \(summary.version), but this precision-lab reads version \(currentVersion)")
            }
            let expectedSlice = summary.shard.slice(of: summary.pairSpace)
            guard summary.slice == expectedSlice else {
                throw .summary(path: path, reason: "slice \(summary.slice) is not shard \(summary.shard)'s slice \(expectedSlice) of \(summary.pairSpace) pairs")
            }
            let expectedCases = UInt64(expectedSlice.count * summary.directions.count)
            guard summary.cases == expectedCases else {
                throw .summary(path: path, reason: "\(summary.cases) cases, but \(expectedSlice.count) pairs × \(summary.directions.count) directions is \(expectedCases)")
            }
            if let other = shards[summary.shard.index] {
                throw .coverage("duplicate shard \(summary.shard.index) of \(summary.shard.count): \(other.path) and \(path)")
            }
            shards[summary.shard.index] = (path, summary)
        }
        let count = reference!.summary.shard.count
        let missing = (1...count).filter { shards[$0] == nil }
        guard missing.isEmpty else {
            throw .coverage(missing.map { "missing shard \($0) of \(count)" }.joined(separator: "; ") + " (no merged summary)")
        }
        var merged = reference!.summary
        merged.shard = .whole
        merged.slice = 0..<merged.pairSpace
        merged.cases = 0
        merged.mismatches = 0
        merged.checksum = 0
        merged.examples = []
        for index in 1...count {
            let part = shards[index]!.summary
            merged.cases += part.cases
            merged.mismatches += part.mismatches
            merged.checksum &+= part.checksum
            merged.examples += part.examples.prefix(max(0, PairVerification.Outcome.exampleLimit - merged.examples.count))
        }
        return merged
    }
}
