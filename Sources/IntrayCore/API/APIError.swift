import Foundation

/// Every way a call to Productive can fail, as one sentence a user can act on
/// (`message`) and the detail for the log (`detail`). Never holds the API token.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// 400: an unsupported filter or a malformed request.
        case badRequest
        /// 401.
        case unauthorized
        /// 403.
        case forbidden
        /// 404.
        case notFound
        /// 415.
        case unsupportedMediaType
        /// 422, with the server's `detail` and `source.pointer`.
        case invalid(detail: String, pointer: String?)
        /// 429, with `Retry-After` in seconds when the server sent one.
        case rateLimited(retryAfter: Double?)
        /// 5xx.
        case server(status: Int)
        /// Any other unexpected HTTP status.
        case unexpectedStatus(Int)
        case timeout
        case connectionFailed
        case tls
        /// The body could not be decoded; `location` says where (a JSON path or byte offset).
        case malformed(location: String)
        /// The body was larger than the client is willing to read.
        case tooLarge(limit: Int)
        /// A plain `http://` URL for a host that is not loopback.
        case insecureURL
        case cancelled
    }

    public var kind: Kind
    /// One sentence for the status bar.
    public var message: String
    /// Everything useful for the log: method, path, status, server text.
    public var detail: String

    public init(_ kind: Kind, message: String, detail: String = "") {
        self.kind = kind
        self.message = message
        self.detail = detail
    }

    public var description: String { message }

    /// The HTTP status the server answered with, when there was one.
    /// A refused token or a server out of reach: no request can work until that is fixed.
    public var meansNoInbox: Bool {
        switch kind {
        case .unauthorized, .forbidden, .connectionFailed, .tls, .insecureURL: true
        default: false
        }
    }

    public var httpStatus: Int? {
        switch kind {
        case .badRequest: 400
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .unsupportedMediaType: 415
        case .invalid: 422
        case .rateLimited: 429
        case .server(let status), .unexpectedStatus(let status): status
        default: nil
        }
    }

    /// Wraps anything thrown into an `APIError`, keeping one that already is.
    public static func wrapping(_ error: any Error) -> APIError {
        if let error = error as? APIError { return error }
        if error is CancellationError { return APIError(.cancelled, message: "Cancelled.") }
        return APIError(.connectionFailed, message: "Request failed: \(type(of: error)).", detail: String(describing: error))
    }
}
