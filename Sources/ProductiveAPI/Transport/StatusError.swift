import Foundation
import IntrayCore

/// The `APIError` for an HTTP answer that is not a success.
enum StatusError {
    /// - Parameters:
    ///   - subject: what was asked for, in words ("email 42", "deals").
    ///   - isRecord: the subject is one record (a 404 means it is gone) rather than a list
    ///     (a 404 means the URL is wrong).
    ///   - request: `METHOD /path?query` for the log.
    static func map(
        status: Int, retryAfter: Duration?, body: Data, subject: String, isRecord: Bool = true,
        request: String, token: String
    ) -> APIError {
        let server = ErrorDocument(body: body)?.errors.first
        let serverText = server.map(summary) ?? ""
        let detail = "\(request) -> \(status)" + (body.isEmpty ? "" : "; body: \(excerpt(body, hiding: token))")
        func error(_ kind: APIError.Kind, _ message: String) -> APIError {
            APIError(kind, message: message, detail: detail)
        }

        switch status {
        case 400:
            return error(.badRequest, serverText.isEmpty
                ? "Productive refused the request for \(subject) (400)."
                : "Productive refused the request for \(subject) (400): \(serverText).")
        case 401:
            return error(.unauthorized, "token rejected by Productive (401): check PRODUCTIVE_API_TOKEN")
        case 403:
            return error(.forbidden, "Productive denied access to \(subject) (403): check the token's permissions and PRODUCTIVE_ORG_ID")
        case 404:
            return error(.notFound, isRecord
                ? "\(subject.prefix(1).uppercased() + subject.dropFirst()) was not found in Productive (404)."
                : "Productive has no \(subject) at this address (404): check the API URL.")
        case 415:
            return error(.unsupportedMediaType, "Productive refused the request's content type (415); this is a bug in intray.")
        case 422:
            let text = server?.detail ?? server?.title ?? "invalid request"
            let field = server?.pointer.flatMap(fieldName)
            let sentence = field.map { "\($0) \(text)" } ?? text
            return APIError(
                .invalid(detail: text, pointer: server?.pointer),
                message: "Productive refused it: \(sentence.trimmingCharacters(in: CharacterSet(charactersIn: ". "))).",
                detail: detail
            )
        case 429:
            let wait = retryAfter.map { " try again in \(TransportFailure.format($0))" } ?? " try again shortly"
            return error(.rateLimited(retryAfter: retryAfter?.seconds), "Productive is rate limiting this token (429):\(wait).")
        case 500...599:
            return error(.server(status: status), status == 503
                ? "Productive is unavailable right now (503); try again shortly."
                : "Productive failed with a server error (\(status)); try again shortly.")
        default:
            return error(.unexpectedStatus(status), "Productive answered with unexpected status \(status).")
        }
    }

    /// "Unsupported Filter: filter[foo]" from a title and detail, without repeating one in the other.
    private static func summary(_ entry: ErrorDocument.Entry) -> String {
        let parts = [entry.title, entry.detail].compactMap { $0?.trimmingWhitespace() }.filter { !$0.isEmpty }
        if parts.count == 2, parts[1].localizedCaseInsensitiveContains(parts[0]) { return parts[1] }
        return parts.joined(separator: ": ")
    }

    /// `data/attributes/deal` or `/data/relationships/deal` -> `deal`.
    private static func fieldName(_ pointer: String) -> String? {
        let last = pointer.split(whereSeparator: { $0 == "/" || $0 == "." }).last.map(String.init)
        guard let last, !last.isEmpty, last != "data", last != "attributes" else { return nil }
        return last.replacingOccurrences(of: "_", with: " ")
    }

    /// The start of a body for the log, on one line, never holding the token.
    static func excerpt(_ body: Data, hiding token: String, limit: Int = 500) -> String {
        // Redact before cutting, so a token straddling the cut cannot leave half of itself.
        var text = String(decoding: body.prefix(limit + token.utf8.count), as: UTF8.self)
        if !token.isEmpty { text = text.replacingOccurrences(of: token, with: "<redacted>") }
        text = String(text.prefix(limit))
        text = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        return body.count > limit ? text + "…" : text
    }
}
