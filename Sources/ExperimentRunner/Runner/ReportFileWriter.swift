import Foundation
import Quantization

/// Writes one report file: ``AtomicFileWriter`` with missing folders created and unchanged
/// files left untouched (so `run` leaves the modification times of unchanged reports alone).
///
///     try ReportFileWriter.write("a,b\n", to: "Reports/x.csv")
enum ReportFileWriter {
    static func write(_ contents: String, to path: String) throws(RunError) {
        do {
            try AtomicFileWriter.write(Data(contents.utf8), to: path, creatingFolders: true, skippingUnchanged: true)
        } catch {
            throw RunError(error)
        }
    }
}
