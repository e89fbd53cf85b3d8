import Hummingbird

/// Answers 414 with a JSON error when the request URI is longer than
/// ``ExplorerServer/maxURILength`` bytes, before any route parses its query.
struct URILengthLimit<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.string.utf8.count <= ExplorerServer.maxURILength else {
            return ExplorerServer.failure(
                APIError(parameter: "request", message: "URI longer than \(ExplorerServer.maxURILength) bytes"),
                status: .uriTooLong)
        }
        return try await next(request, context)
    }
}
