import Foundation

/// The page's files (HTML, CSS, JS), read once from the `Page` resources of the Explorer
/// module. Only these names are ever served: a request path is looked up in this table, never
/// joined to a directory, so `/../Package.swift` and `/%2e%2e/…` are plain 404s.
///
///     let assets = try PageAssets.load()
///     assets["/"]?.contentType              // "text/html; charset=utf-8"
///     assets["/explorer.js"]?.contentType   // "text/javascript; charset=utf-8"
public struct PageAssets: Sendable {
    /// One file: its bytes and the Content-Type it is served with.
    public struct Asset: Sendable {
        public var bytes: [UInt8]
        public var contentType: String
    }

    /// The files of `Sources/Explorer/Page`, by URL path.
    public static let files: [(path: String, file: String, contentType: String)] = [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/explorer.css", "explorer.css", "text/css; charset=utf-8"),
        ("/explorer.js", "explorer.js", "text/javascript; charset=utf-8"),
    ]

    public var assets: [String: Asset]

    public subscript(path: String) -> Asset? { assets[path] }

    /// Reads every file of ``files`` from the module's resource bundle.
    ///
    /// - Throws: ``APIError`` (parameter `resources`) when a file is missing, for example when
    ///   the binary was copied without its `PrecisionLab_Explorer.resources` folder.
    public static func load() throws(APIError) -> PageAssets {
        var assets: [String: Asset] = [:]
        for (path, file, contentType) in files {
            let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
            guard let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "Page"),
                  let data = try? Data(contentsOf: url) else {
                throw APIError(parameter: "resources", message: "the page file Page/\(file) is missing from the Explorer resource bundle")
            }
            assets[path] = Asset(bytes: [UInt8](data), contentType: contentType)
        }
        return PageAssets(assets: assets)
    }
}
