import AsyncHTTPClient
import Foundation
@testable import IntrayApp
import IntrayCore
import NIOCore
import ProductiveAPI
import ProductiveSandbox

/// A sandbox, a client for it and captured stdin/stdout/stderr, for running scripting
/// commands in-process.
struct ScriptSandbox {
    let sandbox: Sandbox
    let api: HTTPEmailsAPI

    static func start(_ configuration: SandboxConfiguration = SandboxConfiguration(emailCount: 200, seed: 5)) async throws -> ScriptSandbox {
        let sandbox = try await Sandbox.start(configuration)
        let productive = try ProductiveConfiguration(baseURL: sandbox.baseURL, token: sandbox.token, organizationID: sandbox.organizationID)
        return ScriptSandbox(sandbox: sandbox, api: HTTPEmailsAPI(configuration: productive, pacer: RequestPacer()))
    }

    /// Another client for the same sandbox, with `token`; shut it down after use.
    func client(token: String) throws -> HTTPEmailsAPI {
        let configuration = try ProductiveConfiguration(baseURL: sandbox.baseURL, token: token, organizationID: sandbox.organizationID)
        return HTTPEmailsAPI(configuration: configuration, pacer: RequestPacer())
    }

    func stop() async {
        try? await api.shutdown()
        await sandbox.stop()
    }

    /// Captured ends: stdout and stderr in memory, stdin from `input`.
    static func io(input: String = "", outputIsTerminal: Bool = false) -> ScriptIO {
        let lines = input.split(separator: "\n").map(String.init)
        return ScriptIO(output: TextSink(), errors: TextSink(), readInput: { input }, readLine: { lines.first }, outputIsTerminal: outputIsTerminal)
    }

    /// The ids the sandbox itself lists for raw `filter[...]` parameters, every page.
    func listedIDs(_ filters: [(String, String)]) async throws -> [String] {
        var ids: [String] = []
        var page = 1
        while true {
            let query = (filters + [("page[number]", String(page)), ("page[size]", "200")])
                .map { "\($0.0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
                .joined(separator: "&")
            var request = HTTPClientRequest(url: "\(sandbox.baseURL.absoluteString)/emails?\(query)")
            request.headers.add(name: "X-Auth-Token", value: sandbox.token)
            request.headers.add(name: "X-Organization-Id", value: sandbox.organizationID)
            request.headers.add(name: "Content-Type", value: "application/vnd.api+json")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 50_000_000)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
            ids += (json?["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let meta = json?["meta"] as? [String: Any]
            if page >= (meta?["total_pages"] as? Int ?? 1) { return ids }
            page += 1
        }
    }
}
