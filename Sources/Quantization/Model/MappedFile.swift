#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory (`mmap`, `MAP_PRIVATE`): reading a tensor touches only
/// its pages, so a 1.2 GB checkpoint does not become 1.2 GB resident. The mapping lives as long
/// as this object; `deinit` unmaps it.
///
///     let file = try MappedFile(path: "model.safetensors")
///     file.bytes.count   // the file's size in bytes
public final class MappedFile: @unchecked Sendable {
    /// The file's path, as given.
    public let path: String
    /// The file's bytes (empty for an empty file). Read-only; valid while `self` is alive.
    public let bytes: UnsafeRawBufferPointer
    private let mapping: UnsafeMutableRawPointer?

    /// Maps the file at `path`.
    ///
    /// - Throws: ``MatrixInputError`` (`unreadable`) when the file cannot be opened or mapped.
    public init(path: String) throws(MatrixInputError) {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : "cannot open the file (\(String(cString: strerror(errno))))"
            throw MatrixInputError(.unreadable, location: path, reason)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw MatrixInputError(.unreadable, location: path, "not a regular file")
        }
        let size = Int(status.st_size)
        guard size > 0 else {
            mapping = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw MatrixInputError(.unreadable, location: path, "cannot map the file into memory (\(String(cString: strerror(errno))))")
        }
        mapping = address
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    /// Tells the kernel the bytes `range` are not needed any more (`madvise(MADV_DONTNEED)` on
    /// the whole pages inside it): a read-only private mapping drops them, and a later read
    /// faults them in again from the file. Keeps resident memory at one tensor, not the file.
    public func release(_ range: Range<Int>) {
        guard let mapping, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard end > start else { return }
        _ = madvise(mapping + start, end - start, Int32(MADV_DONTNEED))
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}
