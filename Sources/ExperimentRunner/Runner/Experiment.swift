import ReportKit

/// An experiment kind: parameters from a spec, a sweep split into independent cells, and a
/// report assembled from the cells' rows.
///
/// The split is what makes runs parallel and shardable: ``computeCell(_:)`` must depend only
/// on the spec and the cell index (seed per cell, no shared state), and
/// ``makeReport(from:)`` must depend only on the spec and the finished tables — the same
/// strings a merge reads back from shard CSVs — so one run and a merge of N shards produce
/// identical bytes. Rows cross that string boundary as typed ``TableRow``s, encoded and
/// decoded by column name.
///
/// Adding a kind is one file conforming to this protocol, one line in
/// ``ExperimentRegistry/standard``, and one spec in `Experiments/`.
public protocol Experiment: Sendable {
    /// The `kind` value of specs this type runs.
    static var kind: String { get }
    /// One line for `--list` and the docs.
    static var about: String { get }

    /// Reads and validates the spec's `[parameters]` and `[checks]` (every check value is
    /// parsed here, before any cell is computed).
    init(spec: ExperimentSpec) throws(SpecError)

    var spec: ExperimentSpec { get }
    /// The CSV tables cells fill, in order, one per ``TableRow`` type; the first is `<name>.csv`.
    var tables: [TableSchema] { get }
    /// Number of independent cells of the sweep.
    var cellCount: Int { get }
    /// The rows one cell contributes to each table (same order as ``tables``).
    func computeCell(_ index: Int) throws -> CellResult
    /// Builds the Markdown body, plots and finding from the complete tables; throws
    /// ``CheckFailure`` when a `[checks]` value does not hold.
    func makeReport(from tables: ReportTables) throws -> ExperimentReport
}
