import ExperimentRunner
import Foundation

/// The experiments folder for `run` and `merge`: `--experiments DIR` when given; otherwise
/// `Experiments`, after moving to the nearest folder that has one (``LabRunner/repositoryFolder(from:)``)
/// when the command is started inside the repository but not at its root. Relative paths
/// (`--output`, `--shards`) are then the root's, as if started there; a note on standard error
/// says so.
func experimentsFolder(_ option: String?) -> String {
    if let option { return option }
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
    // If the move fails, the command stays where it is and says Experiments/ is missing.
    if let root = LabRunner.repositoryFolder(from: current), root != current, FileManager.default.changeCurrentDirectoryPath(root) {
        printToStandardError("note: working in \(root), the nearest folder with Experiments/")
    }
    return "Experiments"
}
