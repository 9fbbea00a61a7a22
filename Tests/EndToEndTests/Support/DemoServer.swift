import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ProductiveSandbox

/// A sandbox for one end-to-end test, plus what the test needs to ask it directly.
struct DemoServer {
    let sandbox: Sandbox

    static func start(emails: Int = 60, seed: UInt64 = 7) async throws -> DemoServer {
        var configuration = SandboxConfiguration()
        configuration.emailCount = emails
        configuration.seed = seed
        return DemoServer(sandbox: try await Sandbox.start(configuration))
    }

    /// The environment `intray` needs to talk to this sandbox, and a private log folder.
    func environment(stateHome: String) -> [String: String] {
        [
            "PRODUCTIVE_API_TOKEN": sandbox.token,
            "PRODUCTIVE_ORG_ID": sandbox.organizationID,
            "INTRAY_API_URL": sandbox.baseURL.absoluteString,
            "XDG_STATE_HOME": stateHome,
            "XDG_CONFIG_HOME": stateHome + "/config",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        ]
    }

    /// The ids of the first page of a tab, newest first, as the server lists them.
    func listedIDs(status: Int, pageSize: Int = 5) async throws -> [String] {
        try await get("emails?filter%5Bstatus%5D=\(status)&page%5Bsize%5D=\(pageSize)").compactMap { $0["id"] as? String }
    }

    struct OpenDeal {
        var id: String
        var name: String
    }

    /// The open deals as the picker's first search lists them.
    func openDeals() async throws -> [OpenDeal] {
        try await get("deals?filter%5Bstage_status_id%5D=1&page%5Bsize%5D=50").compactMap { item in
            guard let id = item["id"] as? String, let name = (item["attributes"] as? [String: Any])?["name"] as? String else { return nil }
            return OpenDeal(id: id, name: name)
        }
    }

    /// Another client dismisses the email, as a colleague would in the web app.
    func colleagueDismisses(_ id: String) async throws {
        let response = try await HTTPClient.shared.execute(request("emails/\(id)/dismiss", method: .PATCH), timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1_000_000)
    }

    /// The `data` of a JSON:API document the sandbox answers.
    private func get(_ path: String) async throws -> [[String: Any]] {
        let response = try await HTTPClient.shared.execute(request(path), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 10_000_000)
        let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        return json?["data"] as? [[String: Any]] ?? []
    }

    private func request(_ path: String, method: HTTPMethod = .GET) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: "\(sandbox.baseURL.absoluteString)/\(path)")
        request.method = method
        request.headers.add(name: "X-Auth-Token", value: sandbox.token)
        request.headers.add(name: "X-Organization-Id", value: sandbox.organizationID)
        request.headers.add(name: "Content-Type", value: "application/vnd.api+json")
        return request
    }

    func stop() async { await sandbox.stop() }

    /// The built app on this sandbox in a fresh terminal, once its list has painted.
    /// `stateHome` keeps the journal (and config) across runs, as a user's home does.
    func openApp(_ arguments: [String] = [], stateHome: String? = nil, columns: Int = 120, rows: Int = 40) async throws -> TmuxScreen {
        let screen = try TmuxScreen(command: [try IntrayBinary.path] + arguments, environment: environment(stateHome: try stateHome ?? temporaryDirectory()), columns: columns, rows: rows)
        try await screen.waitUntil("the list to paint") { $0.contains("Subject:") && $0.contains(" 1/") }
        return screen
    }

    /// Polls the sandbox until `condition` holds for the stored email (nil once deleted).
    func eventually(_ id: String, timeout: Duration = .seconds(60), _ condition: (SandboxEmail?) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(try await sandbox.storedEmail(id: id)) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}

func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("intray-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}
