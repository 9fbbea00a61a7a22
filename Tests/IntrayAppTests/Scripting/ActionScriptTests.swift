import Foundation
@testable import IntrayApp
import IntrayCore
import ProductiveSandbox
import Testing

/// Actions against the sandbox, checked against what it then stores.
@Suite struct ActionScriptTests {
    @Test func dismissesIdsFromStdinAndListsTheOnesThatFailed() async throws {
        let server = try await ScriptSandbox.start()
        let ids = Array(try await server.sandbox.storedEmailIDs(status: 1).prefix(3))
        let io = ScriptSandbox.io(input: "\(ids[0])\n999999\n\(ids[1]) \(ids[2])\n")
        let script = ActionScript(kind: .dismiss, ids: try EmailIDs.read(["-"], stdin: io.readInput))
        #expect(await script.run(api: server.api, io: io) == .someFailed)
        #expect(io.errors.text == "999999: Email 999999 was not found in Productive (404).\n")
        #expect(io.output.text == "")
        for id in ids { #expect(try await server.sandbox.storedEmail(id: id)?.status == 3) }
        await server.stop()
    }

    @Test func attachAndDeleteChangeWhatTheSandboxStores() async throws {
        let server = try await ScriptSandbox.start()
        let ids = Array(try await server.sandbox.storedEmailIDs(status: 1).prefix(4))
        let deal = try #require(try await server.api.deals(DealQuery()).first)
        #expect(await ActionScript(kind: .attach(dealID: deal.id), ids: Array(ids[0...1])).run(api: server.api, io: ScriptSandbox.io()) == .ok)
        #expect(try await server.sandbox.storedEmail(id: ids[0])?.linkedID == Int(deal.id))
        var delete = ActionScript(kind: .delete, ids: Array(ids[2...3]))
        delete.confirmed = true
        #expect(await delete.run(api: server.api, io: ScriptSandbox.io()) == .ok)
        #expect(try await server.sandbox.storedEmail(id: ids[2]) == nil)
        await server.stop()
    }

    @Test func deleteRefusesWithoutYesWhenStdinIsNotATerminalAndAsksWhenItIs() async throws {
        let server = try await ScriptSandbox.start()
        let id = try #require(try await server.sandbox.storedEmailIDs(status: 1).first)
        let piped = ScriptSandbox.io()
        #expect(await ActionScript(kind: .delete, ids: [id]).run(api: server.api, io: piped) == .usage)
        #expect(piped.errors.text == "intray: Refusing to delete without --yes: stdin is not a terminal to ask on. Deleting cannot be undone.\n")
        var terminal = ScriptSandbox.io(input: "n\n")
        terminal.inputIsTerminal = true
        #expect(await ActionScript(kind: .delete, ids: [id]).run(api: server.api, io: terminal) == .usage)
        #expect(terminal.errors.text == "Delete 1 email for good? Productive cannot undo it. [y/N] Nothing deleted.\n")
        #expect(try await server.sandbox.storedEmail(id: id) != nil)
        terminal = ScriptSandbox.io(input: "y\n")
        terminal.inputIsTerminal = true
        #expect(await ActionScript(kind: .delete, ids: [id]).run(api: server.api, io: terminal) == .ok)
        #expect(try await server.sandbox.storedEmail(id: id) == nil)
        await server.stop()
    }

    @Test func dryRunPrintsWhatWouldBeSentAndSendsNothing() async throws {
        let server = try await ScriptSandbox.start()
        let ids = Array(try await server.sandbox.storedEmailIDs(status: 1).prefix(2))
        for (kind, lines) in [
            (ActionScript.Kind.dismiss, ids.map { "PATCH /emails/\($0)/dismiss" }),
            (.attach(dealID: "5"), ids.map { "PATCH /emails/\($0)/attach deal 5" }),
            (.delete, ids.map { "DELETE /emails/\($0)" }),
        ] {
            var script = ActionScript(kind: kind, ids: ids)
            script.dryRun = true
            script.concurrency = 1
            let io = ScriptSandbox.io()
            #expect(await script.run(api: server.api, io: io) == .ok)
            #expect(io.output.text == lines.map { $0 + "\n" }.joined())
        }
        let statistics = await server.sandbox.statistics
        #expect(statistics.requestsServed == 0)
        await server.stop()
    }

    @Test func resolveAttachesTheSuggestedDealAndReportsEmailsWithoutOne() async throws {
        let server = try await ScriptSandbox.start(SandboxConfiguration(emailCount: 400, seed: 5))
        let resolved = try await ActionScript.learnSuggestions(api: server.api)
        var withSuggestion: (id: String, deal: String)?
        var without: String?
        for id in try await server.sandbox.storedEmailIDs(status: 1) {
            let email = try await server.api.email(id: id)
            if let deal = resolved.dealID(for: email.from) {
                if withSuggestion == nil { withSuggestion = (id, deal) }
            } else if without == nil {
                without = id
            }
            if withSuggestion != nil && without != nil { break }
        }
        let suggested = try #require(withSuggestion)
        let unknown = try #require(without)
        let sender = try await server.api.email(id: unknown).from?.address ?? "no sender"
        let io = ScriptSandbox.io()
        #expect(await ActionScript(kind: .resolve, ids: [suggested.id, unknown]).run(api: server.api, io: io) == .someFailed)
        #expect(io.errors.text == "\(unknown): no suggested deal: no resolved email from \(sender) or its domain; use attach --deal.\n")
        #expect(try await server.sandbox.storedEmail(id: suggested.id)?.linkedID == Int(suggested.deal))
        #expect(try await server.sandbox.storedEmail(id: unknown)?.status == 1)
        await server.stop()
    }

    @Test func aRefusedTokenStopsTheRunWithStatus3() async throws {
        let server = try await ScriptSandbox.start()
        let productive = try server.client(token: "wrong-token-0123")
        let io = ScriptSandbox.io()
        let ids = Array(try await server.sandbox.storedEmailIDs(status: 1).prefix(20))
        var script = ActionScript(kind: .dismiss, ids: ids)
        script.concurrency = 1
        #expect(await script.run(api: productive, io: io) == .refused)
        #expect(io.errors.text == "intray: token rejected by Productive (401): check PRODUCTIVE_API_TOKEN\nintray: 19 of 20 emails were not tried.\n")
        try await productive.shutdown()
        await server.stop()
    }

    @Test func aTerminalSeesAProgressLineAPipeDoesNot() async throws {
        let server = try await ScriptSandbox.start()
        let ids = Array(try await server.sandbox.storedEmailIDs(status: 1).prefix(2))
        var script = ActionScript(kind: .dismiss, ids: ids + ["999999"])
        script.concurrency = 1
        var terminal = ScriptSandbox.io()
        terminal.errorsAreTerminal = true
        #expect(await script.run(api: server.api, io: terminal) == .someFailed)
        let clear = "\r\u{1B}[K"
        #expect(terminal.errors.text == [
            clear + "dismiss 0/3 · under 1 s left", clear + "dismiss 1/3 · under 1 s left", clear + "dismiss 2/3 · under 1 s left",
            clear, "999999: Email 999999 was not found in Productive (404).\n", clear + "dismiss 3/3 · 1 failed", "\n",
        ].joined())
        script.ids = ["999999"]
        let piped = ScriptSandbox.io()
        #expect(await script.run(api: server.api, io: piped) == .someFailed)
        #expect(piped.errors.text == "999999: Email 999999 was not found in Productive (404).\n")
        await server.stop()
    }
}
