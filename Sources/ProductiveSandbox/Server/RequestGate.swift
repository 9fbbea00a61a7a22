import Hummingbird

/// What every request passes before a route sees it, in this order:
/// latency; `X-Auth-Token` (401); `X-Organization-Id` (401, "X-Organization-Id … does not match
/// the token's organization"); the rate limit (429 + `Retry-After`); `Content-Type`
/// (415, on every method, GET included, as Productive's notes require); injected failures
/// (500, or 503 + `Retry-After: 1`), which are answered instead of performing the request.
///
/// It also turns whatever a route throws into a JSON:API error document, so unknown routes,
/// unknown ids and malformed bodies all answer in the same shape, and counts every answer.
struct RequestGate: RouterMiddleware {
    typealias Context = BasicRequestContext

    let controls: SandboxControls
    let token: String
    let organizationID: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let latency = await controls.latency
        if latency > .zero { try await Task.sleep(for: latency) }
        let response: Response
        do {
            try await admit(request)
            response = try await next(request, context)
        } catch let failure as APIFailure {
            response = JSONAPIResponse.failure(failure)
        } catch let error as HTTPError where error.status == .notFound {
            response = JSONAPIResponse.failure(.notFound("No route for \(request.method) \(request.uri.path)"))
        } catch let error as HTTPError {
            let reason = error.status.reasonPhrase
            response = JSONAPIResponse.failure(APIFailure(status: error.status, title: reason, detail: error.body ?? reason))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            response = JSONAPIResponse.failure(.internalError("The sandbox failed: \(type(of: error))"))
        }
        await controls.record(route: Self.routeName(request), status: response.status.code)
        return response
    }

    private func admit(_ request: Request) async throws(APIFailure) {
        guard let given = request.headers[Self.authToken], !given.isEmpty else {
            throw .unauthorized("X-Auth-Token header is missing")
        }
        guard given == token else { throw .unauthorized("X-Auth-Token is not a valid API token") }
        guard let organization = request.headers[Self.organizationHeader], !organization.isEmpty else {
            throw .unauthorized("X-Organization-Id header is missing")
        }
        guard organization == organizationID else {
            throw .unauthorized("X-Organization-Id \(organization) does not match the token's organization")
        }
        if let refusal = await controls.throttle(token: given, at: .now) { throw refusal }
        // Checked after the rate limit so a throttled client sees 429 whatever it sent, and
        // before injected failures so a malformed request is never "retried" into success.
        guard Self.isJSONAPI(request.headers[.contentType]) else { throw .unsupportedMediaType }
        if let failure = await controls.injectedFailure() { throw failure }
    }

    static let authToken = HTTPFields.Element.Name("X-Auth-Token")!
    static let organizationHeader = HTTPFields.Element.Name("X-Organization-Id")!

    /// `application/vnd.api+json`, with or without parameters such as `charset=utf-8`.
    static func isJSONAPI(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces.lowercased() }
        return mediaType == "application/vnd.api+json"
    }

    /// The statistics key: method plus the route's shape, ids replaced by `{id}`.
    static func routeName(_ request: Request) -> String {
        let parts = request.uri.path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[0] == "api", parts[1] == "v2" else { return "other" }
        let shape: String? = switch Array(parts.dropFirst(2)) {
        case ["emails"]: "/emails"
        case let p where p.count == 2 && p[0] == "emails": "/emails/{id}"
        case let p where p.count == 3 && p[0] == "emails" && ["attach", "dismiss"].contains(p[2]): "/emails/{id}/\(p[2])"
        case ["deals"]: "/deals"
        case let p where p.count == 2 && p[0] == "deals": "/deals/{id}"
        default: nil
        }
        guard let shape else { return "other" }
        let route = "\(request.method.rawValue) \(shape)"
        return knownRoutes.contains(route) ? route : "other"
    }

    static let knownRoutes: Set<String> = [
        "GET /emails", "GET /emails/{id}", "PATCH /emails/{id}/attach", "PATCH /emails/{id}/dismiss",
        "DELETE /emails/{id}", "GET /deals", "GET /deals/{id}",
    ]
}
