import Foundation

/// The one writer of output files: it writes a temporary sibling (`.name.tmp-PID`) and renames
/// it over the target. POSIX `rename` is atomic within a file system, so a reader — or a run
/// that dies half way — sees either the old file or the new one, never a torn one, and a failed
/// write leaves no partial output file. Used by the reports (ExperimentRunner), the GGUF block
/// and .npy outputs (Quantization) and `mma`'s D (LabCommands); it lives here, the lowest module
/// that writes files.
///
///     try AtomicFileWriter.write(Data("a,b\n".utf8), to: "Reports/x.csv", creatingFolders: true, skippingUnchanged: true)
///
/// With `skippingUnchanged`, a file whose bytes would not change is left untouched (its
/// modification time too). With `creatingFolders`, missing parent folders are created.
public enum AtomicFileWriter {
    /// Why a write failed: the step, the path it concerned and the system's reason.
    public struct Failure: Error, Sendable, Equatable {
        public enum Step: Sendable, Equatable {
            /// Creating a missing parent folder (`path` is the folder).
            case createFolder
            /// Writing the temporary sibling (`path` is the temporary file).
            case writeTemporary
            /// Renaming the temporary file over the target (`path` is the target).
            case rename
        }

        public let step: Step
        public let path: String
        /// The system's reason, empty when it gives none.
        public let reason: String
    }

    public static func write(_ data: Data, to path: String, creatingFolders: Bool = false,
                             skippingUnchanged: Bool = false) throws(Failure) {
        let manager = FileManager.default
        if skippingUnchanged, let existing = manager.contents(atPath: path), existing == data { return }
        let directory = (path as NSString).deletingLastPathComponent
        if creatingFolders && !directory.isEmpty {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw Failure(step: .createFolder, path: directory, reason: error.localizedDescription)
            }
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard manager.createFile(atPath: temporary, contents: data) else {
            throw Failure(step: .writeTemporary, path: temporary, reason: "")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: temporary)
            throw Failure(step: .rename, path: path, reason: reason)
        }
    }
}
