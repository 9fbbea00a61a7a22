import AsyncHTTPClient
import Foundation
import IntrayCore
import NIOCore

/// Why an attempt got no HTTP answer, sorted by what it means for retrying and for the user.
struct TransportFailure: Error, Sendable {
    enum Kind: Sendable, Hashable {
        case refused, unreachable, hostNotFound, connectTimeout
        case timeout, connectionLost, tls
        case tooLarge
        case cancelled
        case other
    }

    var kind: Kind
    /// The underlying error as text, for the log.
    var underlying: String

    /// Whether a retry may help and whether the server can have seen the request.
    var retryOutcome: RetryPolicy.Outcome {
        switch kind {
        case .refused, .unreachable, .hostNotFound, .connectTimeout: .notConnected
        case .timeout, .connectionLost: .interrupted
        case .tls, .tooLarge, .cancelled, .other: .permanent
        }
    }

    func apiError(host: String, configuration: ProductiveConfiguration, request: String) -> APIError {
        let detail = "\(request): \(underlying)"
        switch kind {
        case .refused:
            return APIError(.connectionFailed, message: "could not reach \(host): connection refused", detail: detail)
        case .unreachable:
            return APIError(.connectionFailed, message: "could not reach \(host): network unreachable", detail: detail)
        case .hostNotFound:
            return APIError(.connectionFailed, message: "could not reach \(host): host name not found", detail: detail)
        case .connectTimeout:
            return APIError(.timeout, message: "could not reach \(host): no connection within \(Self.format(configuration.connectTimeout))", detail: detail)
        case .timeout:
            return APIError(.timeout, message: "\(host) did not answer within \(Self.format(configuration.timeout)) (timeout)", detail: detail)
        case .connectionLost:
            return APIError(.connectionFailed, message: "the connection to \(host) was lost before the answer arrived", detail: detail)
        case .tls:
            return APIError(.tls, message: "secure connection to \(host) failed (TLS): check the system clock and certificates", detail: detail)
        case .tooLarge:
            let limit = configuration.maxResponseBytes
            return APIError(.tooLarge(limit: limit), message: "Productive's answer was larger than \(Self.format(bytes: limit)) and was not read", detail: detail)
        case .cancelled:
            return APIError(.cancelled, message: "Cancelled.", detail: detail)
        case .other:
            return APIError(.connectionFailed, message: "could not reach \(host): \(underlying.prefix(80))", detail: detail)
        }
    }

    /// Sorts an error thrown by AsyncHTTPClient or SwiftNIO.
    static func classify(_ error: any Error) -> TransportFailure {
        let text = String(describing: error)
        func failure(_ kind: Kind) -> TransportFailure { TransportFailure(kind: kind, underlying: text) }

        if error is CancellationError { return failure(.cancelled) }
        if error is NIOTooManyBytesError { return failure(.tooLarge) }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout: return failure(.timeout)
            case .connectTimeout, .getConnectionFromPoolTimeout: return failure(.connectTimeout)
            case .tlsHandshakeTimeout: return failure(.tls)
            case .remoteConnectionClosed: return failure(.connectionLost)
            case .cancelled: return failure(Task.isCancelled ? .cancelled : .connectionLost)
            default: return failure(.other)
            }
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return failure(.connectTimeout)
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed: return failure(.connectionLost)
            default: return failure(.other)
            }
        }
        // TLS errors come from NIOSSL, a module this target does not import: known by name.
        let typeName = String(reflecting: type(of: error))
        if typeName.contains("SSL") || typeName.contains("TLS") { return failure(.tls) }
        // NIOPosix's NIOConnectionError (also not imported) wraps DNS and per-address errors.
        if let errno = firstErrno(in: error) {
            switch errno {
            case ECONNREFUSED: return failure(.refused)
            case ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL: return failure(.unreachable)
            case ETIMEDOUT: return failure(.connectTimeout)
            case ECONNRESET, EPIPE, ECONNABORTED: return failure(.connectionLost)
            default: break
            }
        }
        if typeName.hasSuffix("NIOConnectionError") || typeName.contains("SocketAddressError") || typeName.contains("DNS") {
            return failure(.hostNotFound)
        }
        return failure(.other)
    }

    /// The first `IOError` errno found in the error or anything it holds.
    private static func firstErrno(in value: Any, depth: Int = 0) -> Int32? {
        if let error = value as? IOError { return error.errnoCode }
        guard depth < 4 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let errno = firstErrno(in: child.value, depth: depth + 1) { return errno }
        }
        return nil
    }

    static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }

    static func format(bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes) bytes"
    }
}
