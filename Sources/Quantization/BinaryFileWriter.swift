import Foundation

/// Writes bytes to a file all at once or not at all: a temporary sibling (`.name.tmp-PID`) is
/// written and renamed over the target, so a failed write leaves no partial output file.
/// (ExperimentRunner's `AtomicFileWriter` does the same for report text; this one is for the
/// binary outputs of the Quantization layer, which cannot import ExperimentRunner.)
public enum BinaryFileWriter {
    public static func write(_ bytes: [UInt8], to path: String) throws(MatrixInputError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw MatrixInputError(.unreadable, location: path, "cannot write the file (does its folder exist and is it writable?)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw MatrixInputError(.unreadable, location: path, "cannot move the written file into place: \(reason)")
        }
    }
}
