import FastKernels
import Foundation
import ReportKit

/// Shard files: `DIR/<name>.shard-K-of-N/` holds each table as CSV with a leading `cell`
/// column and a `manifest.txt`:
///
///     experiment = accumulation
///     kind = accumulation
///     spec_fingerprint = 9f0c2d4e1a7b3c55
///     shard = 3/8
///     cells = 81
///
/// A merge checks that shards 1…N are all present, agree on N, and were computed from the
/// current spec (same fingerprint), then sorts rows by cell — which restores exactly the
/// order of a single run, since each cell's rows come from one shard in order.
enum ShardStore {
    static func files(experiment: any Experiment, shard: ShardSelection, cells: [(Int, CellResult)]) -> [ReportFile] {
        let spec = experiment.spec
        let folder = shard.folderName(experiment: spec.name)
        var files: [ReportFile] = []
        for (tableIndex, schema) in experiment.tables.enumerated() {
            var table = DataTable(columns: [DataColumn("cell", alignment: .right)] + schema.columns)
            for (cell, result) in cells {
                for row in result.rows[tableIndex] { table.append([String(cell)] + row) }
            }
            files.append(ReportFile(name: folder + "/" + schema.fileName(experiment: spec.name), contents: table.csv()))
        }
        files.append(ReportFile(name: folder + "/manifest.txt", contents: manifest(spec: spec, shard: shard, cellCount: experiment.cellCount)))
        return files
    }

    static func manifest(spec: ExperimentSpec, shard: ShardSelection, cellCount: Int) -> String {
        """
        experiment = \(spec.name)
        kind = \(spec.kind)
        spec_fingerprint = \(Fingerprint.hex(spec.fingerprint))
        shard = \(shard.index)/\(shard.count)
        cells = \(cellCount)

        """
    }

    /// Reads every shard of `experiment` under `directory` and returns the complete tables.
    static func merge(experiment: any Experiment, directory: String) throws(RunError) -> [DataTable] {
        let spec = experiment.spec
        let prefix = spec.name + ".shard-"
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RunError.io(path: directory, reason: "cannot list the shard folder")
        }
        var shards: [(ShardSelection, String)] = []
        for entry in entries.sorted() where entry.hasPrefix(prefix) {
            // K-of-N
            let rest = entry.dropFirst(prefix.count).split(separator: "-")
            guard rest.count == 3, rest.dropFirst().first == "of", let index = rest.first.flatMap({ Int($0) }),
                  let count = rest.last.flatMap({ Int($0) }) else { continue }
            let shard: ShardSelection
            do { shard = try ShardSelection(index: index, count: count) } catch { throw RunError.shard("\(directory)/\(entry): \(error)") }
            shards.append((shard, directory + "/" + entry))
        }
        guard let count = shards.first?.0.count else {
            throw RunError.shard("no shards of '\(spec.name)' in \(directory) (expected folders \(spec.name).shard-K-of-N)")
        }
        guard shards.allSatisfy({ $0.0.count == count }) else {
            throw RunError.shard("shards of '\(spec.name)' in \(directory) disagree on N: \(shards.map { $0.0.description }.joined(separator: ", "))")
        }
        let present = Set(shards.map(\.0.index))
        let missing = (1...count).filter { !present.contains($0) }
        guard missing.isEmpty else {
            throw RunError.shard("shards of '\(spec.name)' in \(directory): \(missing.map { "missing shard \($0) of \(count)" }.joined(separator: "; "))")
        }
        var collected = experiment.tables.map { _ in [(cell: Int, order: Int, row: [String])]() }
        for (shard, folder) in shards {
            let expected = manifest(spec: spec, shard: shard, cellCount: experiment.cellCount)
            let manifestPath = folder + "/manifest.txt"
            guard let data = FileManager.default.contents(atPath: manifestPath), let text = String(data: data, encoding: .utf8) else {
                throw RunError.shard("\(manifestPath): missing manifest")
            }
            guard text == expected else {
                throw RunError.shard("\(manifestPath) does not match the current spec \(spec.file) (was the spec edited after the shards ran?)")
            }
            for (tableIndex, schema) in experiment.tables.enumerated() {
                let path = folder + "/" + schema.fileName(experiment: spec.name)
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw RunError.shard("\(path): missing shard table")
                }
                let table: DataTable
                do { table = try DataTable(csv: text) } catch { throw RunError.shard("\(path): \(error)") }
                guard table.header == ["cell"] + schema.columns.map(\.name) else {
                    throw RunError.shard("\(path): header does not match the experiment's table")
                }
                for (order, row) in table.rows.enumerated() {
                    let cellText = row.first ?? ""
                    guard let cell = Int(cellText), cell >= 0, cell < experiment.cellCount, shard.contains(cell: cell) else {
                        throw RunError.shard("\(path): row \(order + 1) has cell '\(cellText)', which is not in shard \(shard)")
                    }
                    collected[tableIndex].append((cell, order, Array(row.dropFirst())))
                }
            }
        }
        return zip(experiment.tables, collected).map { schema, rows in
            DataTable(columns: schema.columns, rows: rows.sorted { ($0.cell, $0.order) < ($1.cell, $1.order) }.map(\.row))
        }
    }
}
