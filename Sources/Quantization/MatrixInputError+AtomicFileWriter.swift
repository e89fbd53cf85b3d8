extension MatrixInputError {
    /// The message for a failed output write (``AtomicFileWriter``), naming the output file.
    public init(_ failure: AtomicFileWriter.Failure, output: String) {
        switch failure.step {
        case .createFolder, .writeTemporary:
            self.init(.unreadable, location: output, "cannot write the file (does its folder exist and is it writable?)")
        case .rename:
            self.init(.unreadable, location: output, "cannot move the written file into place: \(failure.reason)")
        }
    }
}
