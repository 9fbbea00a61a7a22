import Foundation
@testable import IntrayApp
import IntrayCore
import ProductiveSandbox
import Testing

/// `intray show` and `intray deals` against the sandbox.
@Suite struct ReadScriptTests {
    @Test func showPrintsTheEmailAndJSONTheWholeRecord() async throws {
        let server = try await ScriptSandbox.start()
        let id = try #require(try await server.sandbox.storedEmailIDs(status: 2).first)
        let stored = try #require(try await server.sandbox.storedEmail(id: id))
        let io = ScriptSandbox.io()
        #expect(await ShowScript(id: id).run(api: server.api, io: io) == .ok)
        #expect(io.output.text.hasPrefix("Subject: \(stored.subject ?? "(no subject)")\n"))
        #expect(io.output.text.contains("Status:  Resolved → "))
        var json = ShowScript(id: id)
        json.json = true
        let record = ScriptSandbox.io()
        #expect(await json.run(api: server.api, io: record) == .ok)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(record.output.text.utf8)) as? [String: Any])
        #expect(object["id"] as? String == id)
        #expect(object["body"] as? String == stored.body)
        #expect(object["linked_id"] as? String == stored.linkedID.map(String.init))
        #expect(object["deal_name"] is String, "a resolved email names its deal")
        await server.stop()
    }

    @Test func showOfAnUnknownEmailIsStatus1AndABadIdStatus2() async throws {
        let server = try await ScriptSandbox.start()
        let missing = ScriptSandbox.io()
        #expect(await ShowScript(id: "999999").run(api: server.api, io: missing) == .someFailed)
        #expect(missing.errors.text == "intray: 999999: Email 999999 was not found in Productive (404).\n")
        let bad = ScriptSandbox.io()
        #expect(await ShowScript(id: "abc").run(api: server.api, io: bad) == .usage)
        await server.stop()
    }

    @Test func dealsSearchesOpenDealsLikeThePicker() async throws {
        let server = try await ScriptSandbox.start()
        let expected = try await server.api.deals(DealQuery(text: "web", stageStatus: .open))
        #expect(!expected.isEmpty)
        var script = DealsScript(query: "web")
        script.json = true
        let io = ScriptSandbox.io()
        #expect(await script.run(api: server.api, io: io) == .ok)
        let ids = try io.output.text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["id"] as? String
        }
        #expect(ids == expected.map(\.id))
        let table = ScriptSandbox.io()
        #expect(await DealsScript(query: "web").run(api: server.api, io: table) == .ok)
        #expect(table.output.text.split(separator: "\n").count == expected.count)
        await server.stop()
    }
}
