extension ModelTensor {
    /// Checks that no two tensors of one file share a byte: sorted by offset, each must end
    /// where or before the next begins.
    ///
    /// - Throws: ``MatrixInputError`` (`corrupt`) naming both tensors.
    static func checkDisjoint(_ tensors: [ModelTensor], file: String) throws(MatrixInputError) {
        let ordered = tensors.filter { $0.byteCount > 0 }.sorted { ($0.offset, $0.name) < ($1.offset, $1.name) }
        for (first, second) in zip(ordered, ordered.dropFirst()) where first.offset + first.byteCount > second.offset {
            throw MatrixInputError(.corrupt, location: second.location,
                                   "its data (bytes \(second.offset)..<\(second.offset + second.byteCount)) overlaps tensor '\(first.name)' (bytes \(first.offset)..<\(first.offset + first.byteCount))")
        }
    }
}
