import Quantization

extension RunError {
    /// The run's message for a failed report write (``AtomicFileWriter``), naming the path.
    init(_ failure: AtomicFileWriter.Failure) {
        switch failure.step {
        case .createFolder: self = .io(path: failure.path, reason: "cannot create the folder: \(failure.reason)")
        case .writeTemporary: self = .io(path: failure.path, reason: "cannot write the temporary file")
        case .rename: self = .io(path: failure.path, reason: "cannot rename the temporary file into place: \(failure.reason)")
        }
    }
}
