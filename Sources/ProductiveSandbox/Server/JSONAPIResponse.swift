import Hummingbird

/// Every answer carries Productive's content type, errors included.
enum JSONAPIResponse {
    static let contentType = "application/vnd.api+json; charset=utf-8"

    static func document(_ document: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: document.serialized))
        )
    }

    /// 204 for `DELETE`: no body.
    static var noContent: Response {
        Response(status: .noContent, headers: [.contentType: contentType], body: ResponseBody())
    }

    static func failure(_ failure: APIFailure) -> Response {
        var response = document(failure.document, status: failure.status)
        if let retryAfter = failure.retryAfter {
            response.headers[.retryAfter] = String(retryAfter)
        }
        return response
    }
}
