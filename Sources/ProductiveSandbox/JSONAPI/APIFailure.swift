import Hummingbird

/// A request the sandbox refuses, as the JSON:API `errors` document Productive would send.
/// Handlers throw it; `RequestGate` turns it into the response.
struct APIFailure: Error, Sendable {
    var status: HTTPResponse.Status
    var code: String?
    var title: String
    var detail: String
    var pointer: String?
    /// Seconds for a `Retry-After` header (429 and injected 503).
    var retryAfter: Int?

    var document: JSONValue {
        var error: [(String, JSONValue)] = [("status", .string(String(status.code)))]
        if let code { error.append(("code", .string(code))) }
        error.append(("title", .string(title)))
        error.append(("detail", .string(detail)))
        if let pointer { error.append(("source", .object([("pointer", .string(pointer))]))) }
        return .object([("errors", .array([.object(error)]))])
    }
}

extension APIFailure {
    static func unauthorized(_ detail: String) -> APIFailure {
        APIFailure(status: .unauthorized, code: "unauthorized", title: "Unauthorized", detail: detail)
    }

    static let unsupportedMediaType = APIFailure(
        status: .unsupportedMediaType, code: "unsupported_media_type", title: "Unsupported Media Type",
        detail: "Content-Type must be application/vnd.api+json"
    )

    static func notFound(_ detail: String) -> APIFailure {
        APIFailure(status: .notFound, code: "not_found", title: "Not Found", detail: detail)
    }

    static func unsupportedFilter(_ name: String) -> APIFailure {
        APIFailure(
            status: .badRequest, code: "unsupported_filter", title: "Unsupported Filter",
            detail: "filter[\(name)] is not supported", pointer: nil
        )
    }

    static func badParameter(_ detail: String) -> APIFailure {
        APIFailure(status: .badRequest, code: "invalid_parameter", title: "Invalid Parameter", detail: detail)
    }

    static func malformedBody(_ detail: String) -> APIFailure {
        APIFailure(status: .badRequest, code: "malformed_body", title: "Malformed Body", detail: detail)
    }

    /// The reference's 422 for `PATCH /emails/{id}/attach`, byte for byte when `detail` is "can't be blank".
    static func invalidDeal(_ detail: String) -> APIFailure {
        APIFailure(
            status: .unprocessableContent, code: "invalid_attribute", title: "Invalid Attribute",
            detail: detail, pointer: "data/attributes/deal"
        )
    }

    static func rateLimited(retryAfter: Int) -> APIFailure {
        APIFailure(
            status: .tooManyRequests, code: "rate_limited", title: "Too Many Requests",
            detail: "Rate limit exceeded, retry in \(retryAfter) s", retryAfter: retryAfter
        )
    }

    static let injectedInternalError = APIFailure(
        status: .internalServerError, code: "internal_server_error", title: "Internal Server Error",
        detail: "Injected failure (sandbox failure rate)"
    )

    static let injectedUnavailable = APIFailure(
        status: .serviceUnavailable, code: "service_unavailable", title: "Service Unavailable",
        detail: "Injected failure (sandbox failure rate)", retryAfter: 1
    )

    static func internalError(_ detail: String) -> APIFailure {
        APIFailure(status: .internalServerError, code: "internal_server_error", title: "Internal Server Error", detail: detail)
    }
}
