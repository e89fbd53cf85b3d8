import Quantization
import ReportKit

extension ModelFile {
    /// `--list`: every tensor with dtype, shape (numpy order), parameters, byte offset (from
    /// the start of its file) and byte count, in the file's order.
    public var listingTable: DataTable {
        var table = DataTable(columns: [
            DataColumn("tensor"), DataColumn("dtype"), DataColumn("shape"), DataColumn("parameters", alignment: .right),
            DataColumn("offset", alignment: .right), DataColumn("bytes", alignment: .right),
        ])
        for tensor in tensors {
            table.append([tensor.name, tensor.dtype.description, tensor.shapeText, String(tensor.count), String(tensor.offset), String(tensor.byteCount)])
        }
        return table
    }

    /// The GGUF header as `gguf-dump` shows it: version, alignment, data offset, then one
    /// `key = value` line per metadata entry (long arrays abbreviated); empty for safetensors.
    public var headerLines: [String] {
        guard let gguf else { return [] }
        var lines = ["GGUF version \(gguf.version), \(gguf.tensors.count) tensors, \(gguf.metadataKeys.count) metadata entries, alignment \(gguf.alignment), data at byte \(gguf.dataOffset)"]
        for key in gguf.metadataKeys { lines.append("  \(key) = \(gguf.metadata[key]!)") }
        return lines
    }
}
