import Foundation
import IntrayCore

/// Where and as whom the client talks to Productive, and how patiently.
///
/// The URL, token and organization are fixed at creation so a configuration that passed
/// validation stays valid. `description`, `debugDescription` and the mirror never show the token.
public struct ProductiveConfiguration: Sendable {
    /// `https://api.productive.io/api/v2`.
    public static let productionURL = URL(string: "https://api.productive.io/api/v2")!

    /// The API root; paths such as `/emails` are appended to it.
    public let baseURL: URL
    /// The personal API token sent as `X-Auth-Token`.
    public let token: String
    /// The organization sent as `X-Organization-Id`.
    public let organizationID: String
    /// How long one attempt may take, from sending to the last byte of the answer.
    public var timeout: Duration
    /// How long establishing a connection may take.
    public var connectTimeout: Duration
    /// Answers larger than this are not read (`APIError.Kind.tooLarge`).
    public var maxResponseBytes: Int
    /// When and how often a failed request is tried again.
    public var retry: RetryPolicy
    /// The limits the shared `RequestPacer` for this token keeps under.
    public var rateLimits: [RateLimit]
    /// The folder of the file through which processes on one token share the rate limit
    /// (`SharedBudgetFile`); nil paces this process alone.
    public var sharedBudgetDirectory: URL?

    /// Validates the URL: `https://` anywhere, plain `http://` only for loopback hosts
    /// (127.0.0.0/8, ::1, localhost), so a token never crosses a network in clear text.
    public init(
        baseURL: URL = ProductiveConfiguration.productionURL,
        token: String,
        organizationID: String,
        timeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10),
        maxResponseBytes: Int = 32 * 1024 * 1024,
        retry: RetryPolicy = .standard,
        rateLimits: [RateLimit] = RateLimit.productive,
        sharedBudgetDirectory: URL? = nil
    ) throws(APIError) {
        try Self.validate(baseURL)
        self.baseURL = baseURL
        self.token = token
        self.organizationID = organizationID
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maxResponseBytes = maxResponseBytes
        self.retry = retry
        self.rateLimits = rateLimits
        self.sharedBudgetDirectory = sharedBudgetDirectory
    }

    /// The host named in messages ("could not reach api.productive.io: ...").
    public var host: String { Self.host(of: baseURL) ?? baseURL.absoluteString }

    static func validate(_ url: URL) throws(APIError) {
        let scheme = url.scheme?.lowercased()
        guard let host = host(of: url), !host.isEmpty, scheme == "https" || scheme == "http" else {
            throw APIError(
                .insecureURL,
                message: "The Productive URL \(url.absoluteString) is not an https:// URL with a host.",
                detail: "baseURL=\(url.absoluteString)"
            )
        }
        if scheme == "http", !isLoopback(host) {
            throw APIError(
                .insecureURL,
                message: "Refusing plain http:// to \(host): use https://, http:// is only allowed for 127.0.0.1, ::1 and localhost.",
                detail: "baseURL=\(url.absoluteString)"
            )
        }
    }

    static func host(of url: URL) -> String? {
        guard var host = url.host(percentEncoded: false) else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }

    /// True for `localhost`, any 127.x.y.z and `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "localhost." { return true }
        if host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        let values = octets.compactMap { octet -> Int? in
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isASCII) else { return nil }
            return Int(octet).flatMap { (0...255).contains($0) ? $0 : nil }
        }
        return values.count == 4 && values[0] == 127
    }
}

extension ProductiveConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "ProductiveConfiguration(baseURL: \(baseURL.absoluteString), organizationID: \(organizationID), token: <redacted>, timeout: \(timeout))"
    }

    public var debugDescription: String { description }

    // `dump()` and the debugger read the mirror, which would otherwise list the token.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "baseURL": baseURL.absoluteString,
            "organizationID": organizationID,
            "token": "<redacted>",
            "timeout": timeout,
            "connectTimeout": connectTimeout,
            "maxResponseBytes": maxResponseBytes,
            "retry": retry,
            "rateLimits": rateLimits,
        ])
    }
}
