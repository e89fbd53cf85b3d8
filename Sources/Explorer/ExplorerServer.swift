import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import Quantization

/// The HTTP side of the explorer (Hummingbird 2 over SwiftNIO): the page's three files and the
/// three JSON routes of ``ExplorerAPI``. Bad queries answer 400 with `{"error", "parameter"}`,
/// unknown paths 404, request URIs over ``maxURILength`` bytes 414; header fields over 8 KiB
/// (a request line over that size included) and header blocks over 16 KiB are refused by the
/// HTTP decoder with a bare 400; no request body is ever read.
///
///     let server = try ExplorerServer(host: "127.0.0.1", port: 0)
///     try await server.run { port in print("listening on http://127.0.0.1:\(port)") }
public struct ExplorerServer: Sendable {
    /// Longest accepted request URI (path and query), in bytes.
    public static let maxURILength = 4096

    public var host: String
    public var port: Int
    public var assets: PageAssets

    /// - Throws: ``APIError`` when the page's files cannot be read.
    public init(host: String = "127.0.0.1", port: Int = 8080) throws(APIError) {
        self.host = host
        self.port = port
        assets = try PageAssets.load()
    }

    /// Serves until the task is cancelled or, when `stopOnSignals` (tests pass false), SIGINT or
    /// SIGTERM arrives; then shuts down gracefully. `onListening` gets the bound
    /// port (the one the system chose for port 0) once the server accepts connections.
    public func run(stopOnSignals: Bool = true, onListening: @escaping @Sendable (Int) async -> Void) async throws {
        var logger = Logger(label: "precision-lab-explorer")
        // A server stopped by cancellation (the way its owner stops it without signals) logs the
        // cancellation of its channels as errors; they are expected then, so only critical logs.
        logger.logLevel = stopOnSignals ? .warning : .critical
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100)
        let app = Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(60), httpDecoderConfiguration: decoder)),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: stopOnSignals ? [.sigint, .sigterm] : [])
    }

    /// The routes.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: URILengthLimit())
        let assets = self.assets
        for (path, _, _) in PageAssets.files {
            guard let asset = assets[path] else { continue }
            router.get(RouterPath(path)) { _, _ -> Response in
                Response(status: .ok,
                         headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
                         body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
            }
        }
        router.get("/api/formats") { _, _ in Self.json(ExplorerAPI.formats()) }
        router.get("/api/inspect") { request, _ in Self.answer(request) { query throws(APIError) in try ExplorerAPI.inspect(query) } }
        router.get("/api/decode") { request, _ in Self.answer(request) { query throws(APIError) in try ExplorerAPI.decode(query) } }
        return router
    }

    /// The API's answer to `request`: 200 with the JSON, or 400 with the error.
    static func answer(_ request: Request, _ api: (QueryParameters) throws(APIError) -> JSONValue) -> Response {
        let query = QueryParameters(request.uri.queryParameters.map { (String($0.key), String($0.value)) })
        do {
            return json(try api(query))
        } catch {
            return failure(error)
        }
    }

    static func failure(_ error: APIError, status: HTTPResponse.Status = .badRequest) -> Response {
        json(.object([("error", .string(error.description)), ("parameter", .string(error.parameter))]), status: status)
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status,
                 headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: value.rendered() + "\n")))
    }
}
