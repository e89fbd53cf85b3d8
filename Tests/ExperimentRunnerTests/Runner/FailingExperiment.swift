@testable import ExperimentRunner
import ReportKit

/// A kind whose cells succeed until `fail_at`, then throw: for the atomic-write tests.
struct FailingExperiment: Experiment {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "boom" }
    }

    static let kind = "failing"
    static let about = "fails on purpose"
    let spec: ExperimentSpec
    let failAt: Int

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        failAt = try spec.parameters.integer("fail_at", default: 2)
    }

    var tables: [TableSchema] { [TableSchema(suffix: nil, names: ["cell"], textColumns: [], about: "cells")] }
    var cellCount: Int { 4 }

    func computeCell(_ index: Int) throws -> CellResult {
        if index == failAt { throw Boom() }
        return CellResult(rows: [[[String(index)]]])
    }

    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        ExperimentReport(finding: "never", body: MarkdownDocument(), discussion: "")
    }
}
