import AsyncHTTPClient
import Foundation
import ProductiveSandbox
import Testing

/// Raw HTTP against a running sandbox, as any client would send it: no Intray code involved.
struct SandboxHTTP {
    static let jsonAPI = "application/vnd.api+json"
    static let responseContentType = "application/vnd.api+json; charset=utf-8"

    let sandbox: Sandbox

    enum Method: String {
        case GET, PATCH, DELETE, POST, PUT
    }

    struct Reply {
        var status: Int
        var headers: [(name: String, value: String)]
        var bytes: [UInt8]

        var text: String { String(decoding: bytes, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The body as a JSON object (fails the test when it is not one).
        var json: [String: Any] {
            get throws {
                let object = try JSONSerialization.jsonObject(with: Data(bytes))
                return try #require(object as? [String: Any], "body is not a JSON object: \(text)")
            }
        }

        var data: [[String: Any]] { get throws { try #require(try json["data"] as? [[String: Any]]) } }
        var single: [String: Any] { get throws { try #require(try json["data"] as? [String: Any]) } }
        var meta: [String: Any] { get throws { try #require(try json["meta"] as? [String: Any]) } }
        var links: [String: String] { get throws { try #require(try json["links"] as? [String: String]) } }

        /// The first JSON:API error object.
        var error: [String: Any] {
            get throws { try #require((try json["errors"] as? [[String: Any]])?.first, "no errors in \(text)") }
        }
    }

    /// Sends `method path` (relative to `baseURL`, query already percent-encoded) with the sandbox's
    /// credentials and the JSON:API content type; `headers` replaces any of them (nil removes it).
    func send(
        _ method: Method = .GET, _ path: String, body: String? = nil, headers: [String: String?] = [:]
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: sandbox.baseURL.absoluteString + "/" + path)
        request.method = .init(rawValue: method.rawValue)
        var fields: [String: String?] = [
            "X-Auth-Token": sandbox.token, "X-Organization-Id": sandbox.organizationID, "Content-Type": Self.jsonAPI,
        ]
        fields.merge(headers) { _, new in new }
        for (name, value) in fields {
            if let value { request.headers.add(name: name, value: value) }
        }
        if let body { request.body = .bytes(Array(body.utf8)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        var bytes: [UInt8] = []
        for try await chunk in response.body { bytes += chunk.readableBytesView }
        let reply = Reply(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, bytes: bytes)
        #expect(reply.header("Content-Type") == Self.responseContentType, "\(method) \(path) answered \(reply.status)")
        return reply
    }

    /// `name=value&…` percent-encoded the way a careful client does (brackets as %5B/%5D).
    static func query(_ pairs: KeyValuePairs<String, String>) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return pairs.map {
            "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}

/// Runs `body` against a fresh sandbox and stops it afterwards, whatever happens.
func withSandbox<T>(
    _ configuration: SandboxConfiguration = SandboxConfiguration(),
    _ body: (Sandbox, SandboxHTTP) async throws -> T
) async throws -> T {
    let sandbox = try await Sandbox.start(configuration)
    do {
        let result = try await body(sandbox, SandboxHTTP(sandbox: sandbox))
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}

/// A fixed instant so runs compare equal: 2025-07-24T06:05:41.287+02:00.
let referenceDate = Date(timeIntervalSince1970: 1_753_329_941.287)
