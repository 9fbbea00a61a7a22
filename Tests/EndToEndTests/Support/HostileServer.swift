import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A Productive look-alike that serves one page of emails written by an attacker: escape
/// sequences of every family, C1 controls, bidi overrides, zero-width and wide characters,
/// hostile HTML. Dismiss answers the email back with `dismissed_at` set.
struct HostileServer {
    let baseURL: URL

    static let token = "hostile-token"

    /// The environment `intray` needs to talk to this server, with `home` for its files.
    func environment(home: String) -> [String: String] {
        [
            "PRODUCTIVE_API_TOKEN": Self.token, "PRODUCTIVE_ORG_ID": "1",
            "INTRAY_API_URL": baseURL.absoluteString, "XDG_STATE_HOME": home, "XDG_CONFIG_HOME": home,
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        ]
    }

    static let esc = "\u{1B}"
    static let subjects = [
        "Invoice \(esc)]0;pwned-title\u{07} due",
        "Clipboard \(esc)]52;c;cm0gLXJmIC8K\u{07} grab",
        "Clear \(esc)[2J\(esc)[H screen",
        "C1 \u{9B}31m red \u{9D}0;t\u{9C} osc",
        "DCS \(esc)P1$qm\(esc)\\ query",
        "Bidi \u{202E}gnp.exe\u{202C} file",
        "Zero\u{200B}width\u{2060}join",
        "見積もり\u{0301}の件 👍🏽 ok",
    ]

    static func emailJSON(id: Int, subject: String) -> [String: Any] {
        [
            "id": String(id), "type": "emails",
            "attributes": [
                "subject": subject,
                "body": "Line one \(esc)[31mred\(esc)[0m\n\(esc)]8;;http://evil.example\(esc)\\link\(esc)]8;;\(esc)\\\nAPC \(esc)_payload\(esc)\\ end\nDEL\u{7F} and BEL\u{07}\n" + String(repeating: "filler line\n", count: 50),
                "body_html": NSNull(), "body_truncated": NSNull(), "auto_linked": false,
                "linked_type": NSNull(), "linked_id": NSNull(), "external_id": NSNull(),
                "dismissed_at": NSNull(), "created_at": "2025-07-24T06:05:4\(id % 10).287+02:00",
                "delivered_at": NSNull(), "received_at": NSNull(), "failed_at": NSNull(), "outgoing": NSNull(),
                "from": ["name": "Mallory \(esc)[5mBlink\(esc)[0m", "address": "mallory@evil.example"],
                "recipients": [:], "participants": [:], "unread": true,
            ],
            "relationships": ["organization": ["data": ["type": "organizations", "id": "1"]]],
        ]
    }

    static func start() async throws -> HostileServer {
        let router = Router()
        router.get("api/v2/emails") { request, _ -> Response in
            let emails = subjects.enumerated().map { emailJSON(id: 100 - $0.offset, subject: $0.element) }
            let query = (request.uri.query ?? "").removingPercentEncoding ?? ""
            let unresolved = query.contains("filter[status]=1")
            let data = unresolved ? emails : []
            return document(["data": data, "links": [:], "meta": ["current_page": 1, "total_pages": 1, "total_count": data.count, "page_size": 100, "max_page_size": 200]])
        }
        router.get("api/v2/emails/:id") { _, context -> Response in
            let id = Int(context.parameters.get("id") ?? "") ?? 0
            let index = max(0, min(subjects.count - 1, 100 - id))
            return document(["data": emailJSON(id: id, subject: subjects[index]), "meta": [:]])
        }
        router.get("api/v2/deals") { _, _ -> Response in
            document(["data": [], "meta": ["current_page": 1, "total_pages": 1, "total_count": 0, "page_size": 50, "max_page_size": 200]])
        }
        router.patch("api/v2/emails/:id/dismiss") { _, context -> Response in
            let id = Int(context.parameters.get("id") ?? "") ?? 0
            var email = emailJSON(id: id, subject: "dismissed")
            var attributes = email["attributes"] as! [String: Any]
            attributes["dismissed_at"] = "2025-07-24T06:05:42.000+02:00"
            email["attributes"] = attributes
            return document(["data": email, "meta": [:]])
        }
        let port = Mutex<CheckedContinuation<Int, Never>?>(nil)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                let value = channel.localAddress?.port ?? 0
                port.withLock { $0?.resume(returning: value); $0 = nil }
            },
            logger: Logger(label: "hostile", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let listening: Int = await withCheckedContinuation { continuation in
            port.withLock { $0 = continuation }
            Task { try await app.run() }
        }
        return HostileServer(baseURL: URL(string: "http://127.0.0.1:\(listening)/api/v2")!)
    }

    private static func document(_ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(status: .ok, headers: [.contentType: "application/vnd.api+json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
