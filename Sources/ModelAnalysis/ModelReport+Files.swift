import Foundation
import Quantization

extension ModelReport {
    /// The files `--output DIR` writes, named after the checkpoint (`model.safetensors` →
    /// `model.csv`, `model-tensors.csv`, `model-summary.csv`, `model.md`, `model.json`), with
    /// their contents. Everything is rendered before anything is written.
    public func files(in directory: String) -> [(path: String, text: String)] {
        var stem = (file as NSString).lastPathComponent
        for suffix in [".safetensors.index.json", ".safetensors", ".gguf", ".json"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            break
        }
        let base = (directory as NSString).appendingPathComponent(stem)
        return [
            (base + ".csv", measurementTable().csv()),
            (base + "-tensors.csv", statisticsTable().csv()),
            (base + "-summary.csv", summaryTable().csv()),
            (base + ".md", markdown),
            (base + ".json", json),
        ]
    }

    /// Writes ``files(in:)``, each atomically (a failed write leaves no partial file).
    ///
    /// - Throws: ``MatrixInputError`` naming the file that could not be written.
    public func write(to directory: String) throws(MatrixInputError) -> [String] {
        let outputs = files(in: directory)
        for output in outputs {
            do {
                try AtomicFileWriter.write(Data(output.text.utf8), to: output.path, creatingFolders: true)
            } catch {
                throw MatrixInputError(error, output: output.path)
            }
        }
        return outputs.map(\.path)
    }
}
