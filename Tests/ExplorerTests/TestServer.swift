import Explorer
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An explorer server on a free loopback port, in this process, and a real HTTP client
/// (URLSession) talking to it.
struct TestServer {
    struct Answer {
        var status: Int
        var contentType: String
        var body: Data

        /// The body parsed by Foundation's strict JSON parser (it rejects NaN and Infinity).
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw TestServerError.notAnObject(String(decoding: body, as: UTF8.self))
            }
            return object
        }
    }

    enum TestServerError: Error { case noPort, notHTTP, notAnObject(String) }

    let base: String
    let session: URLSession

    /// Starts a server on port 0, runs `body` against it, then cancels the server and waits for
    /// it to stop.
    static func with<T: Sendable>(_ body: (TestServer) async throws -> T) async throws -> T {
        let server = try ExplorerServer(host: "127.0.0.1", port: 0)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run(stopOnSignals: false) { port in continuation.yield(port) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw TestServerError.noPort
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 32
        configuration.timeoutIntervalForRequest = 60
        let client = TestServer(base: "http://127.0.0.1:\(port)", session: URLSession(configuration: configuration))
        do {
            let result = try await body(client)
            task.cancel()
            _ = await task.result
            return result
        } catch {
            task.cancel()
            _ = await task.result
            throw error
        }
    }

    /// GET `pathAndQuery` (already percent-encoded).
    func get(_ pathAndQuery: String) async throws -> Answer {
        let url = URL(string: base + pathAndQuery)!
        let (data, response) = try await session.data(from: url)
        guard let http = response as? HTTPURLResponse else { throw TestServerError.notHTTP }
        return Answer(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "", body: data)
    }

    /// GET `path` with the query built from `parameters` (each value percent-encoded).
    func get(_ path: String, _ parameters: [(String, String)]) async throws -> Answer {
        try await get(path + "?" + TestServer.query(parameters))
    }

    static func query(_ parameters: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return parameters.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
    }
}
