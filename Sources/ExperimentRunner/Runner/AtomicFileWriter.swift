import Foundation

/// Writes a file by writing a temporary sibling (`.name.tmp-PID`) and renaming it over the
/// target: POSIX `rename` is atomic within a file system, so a reader — or a run that dies
/// half way — sees either the old file or the new one, never a torn one.
///
///     try AtomicFileWriter.write("a,b\n", to: "Reports/x.csv")
///
/// Files whose bytes would not change are left untouched (their modification time too).
public enum AtomicFileWriter {
    public static func write(_ contents: String, to path: String) throws(RunError) {
        let data = Data(contents.utf8)
        let manager = FileManager.default
        if let existing = manager.contents(atPath: path), existing == data { return }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw RunError.io(path: directory, reason: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard manager.createFile(atPath: temporary, contents: data) else {
            throw RunError.io(path: temporary, reason: "cannot write the temporary file")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: temporary)
            throw RunError.io(path: path, reason: "cannot rename the temporary file into place: \(reason)")
        }
    }
}
