import AsyncHTTPClient
import Foundation
import ProductiveSandbox
import Testing

/// What the user did is done exactly once, whatever happens to the process or the server.
@Suite(.serialized) struct NothingLostEndToEndTests {
    @Test func killNineInsideTheUndoWindowThenRestartSendsTheActionExactlyOnce() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let first = try #require(try await server.listedIDs(status: 1).first)
        let state = try temporaryDirectory()
        let screen = try await server.openApp(stateHome: state)
        try screen.press("d")
        try await screen.waitFor("Dismissed “")
        kill(screen.appPID, SIGKILL)
        try await screen.waitFor("[exited ")
        #expect(await server.sandbox.statistics.requests(to: "PATCH /emails/{id}/dismiss") == 0, "killed inside the window")

        let again = try await server.openApp(stateHome: state)
        try await again.waitFor("From your last session: dismissed “")
        #expect(try await server.eventually(first) { $0?.dismissedAt != nil })
        try await again.quit()
        #expect(await server.sandbox.statistics.requests(to: "PATCH /emails/{id}/dismiss") == 1)

        let third = try await server.openApp(stateHome: state)
        try await Task.sleep(for: .seconds(1))
        #expect(!third.screen.contains("last session"), "a confirmed action is not found again")
        try await third.quit()
        #expect(await server.sandbox.statistics.requests(to: "PATCH /emails/{id}/dismiss") == 1)
    }

    @Test func killNineInTheMiddleOfABulkActionThenRestartFinishesTheRestOnce() async throws {
        let server = try await DemoServer.start(emails: 120)
        defer { Task { await server.stop() } }
        let state = try temporaryDirectory()
        try writeConfig("undo_seconds = 0\n", stateHome: state)
        let unresolved = try await server.listedIDs(status: 1, pageSize: 200)
        await server.sandbox.setLatency(.milliseconds(300))
        let screen = try await server.openApp(stateHome: state)
        try screen.press("*")
        try await screen.waitFor("selected")
        try screen.press("d")
        try await screen.waitUntil("some dismissals to land") { _ in true }
        try await Task.sleep(for: .seconds(2))
        kill(screen.appPID, SIGKILL)
        try await screen.waitFor("[exited ")
        let before = try await server.sandbox.storedEmailIDs(status: 3).count
        #expect(before > 0 && before < unresolved.count, "killed in the middle: \(before) of \(unresolved.count)")

        await server.sandbox.setLatency(.zero)
        let again = try TmuxScreen(command: [try IntrayBinary.path], environment: server.environment(stateHome: state))
        try await again.waitFor("From your last session: dismissed “")
        for id in unresolved {
            #expect(try await server.eventually(id) { $0?.dismissedAt != nil }, "email \(id)")
        }
        try await again.quit()
        let dismissals = await server.sandbox.statistics.requests(to: "PATCH /emails/{id}/dismiss")
        #expect(dismissals <= unresolved.count + 6, "at most the six in flight at the kill are asked twice, and those are read first")
    }

    @Test func aFlakyServerNeedsNoUserEveryActionEndsCommittedAndNoneIsShownRefused() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let state = try temporaryDirectory()
        try writeConfig("undo_seconds = 0\n", stateHome: state)
        let ids = Array(try await server.listedIDs(status: 1, pageSize: 8))
        let screen = try await server.openApp(stateHome: state)
        await server.sandbox.setFailureRate(0.3)
        for _ in ids {
            try screen.press("d")
            try await Task.sleep(for: .milliseconds(150))
        }
        for id in ids {
            #expect(try await server.eventually(id) { $0?.dismissedAt != nil }, "email \(id)")
        }
        await server.sandbox.setFailureRate(0)
        try await screen.waitUntil("every answer") { !$0.contains("sending") && !$0.contains("retrying") }
        #expect(!screen.screen.contains("Could not"))
        try await screen.quit()
        let statistics = await server.sandbox.statistics
        print("30% failures: \(ids.count) dismissals took \(statistics.requests(to: "PATCH /emails/{id}/dismiss")) PATCH and \(statistics.requests(to: "GET /emails/{id}")) GET, \(statistics.injectedFailures) injected failures; the user redid none")
    }

    @Test func failuresEveryTimeThenQuitNamesTheEmailAndExitsTwo() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let first = try #require(try await server.listedIDs(status: 1).first)
        let screen = try await server.openApp()
        try screen.press("d")
        try await screen.waitFor("Dismissed “")
        await server.sandbox.setFailureRate(1)
        try screen.press("q")
        let after = try await screen.waitFor("[exited 2]", timeout: .seconds(90))
        #expect(after.contains("1 action was not confirmed by Productive before quitting"))
        #expect(after.contains("(email \(first))"))
        #expect(try await server.sandbox.storedEmail(id: first)?.dismissedAt == nil)
    }

    @Test func enterInASlowPickerAttachesTheDealOfTheTypedQuery() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let first = try #require(try await server.listedIDs(status: 1).first)
        let deals = try await server.openDeals()
        let wanted = try #require(deals.last)
        let word = try #require(wanted.name.split(separator: " ").first.map(String.init))
        let matching = deals.filter { $0.name.localizedCaseInsensitiveContains(word) }
        let screen = try await server.openApp()
        try screen.press("a")
        try await screen.waitUntil("deals in the picker") { !$0.contains("Searching open deals") && $0.contains("Attach to a deal") }
        await server.sandbox.setLatency(.milliseconds(800))
        try screen.type(word)
        try screen.press("Enter")
        #expect(try await server.eventually(first) { $0?.linkedID != nil })
        let linked = try await server.sandbox.storedEmail(id: first)?.linkedID.map(String.init)
        #expect(linked == matching.first?.id, "the top result of “\(word)”, not the top of the earlier list (\(deals.first?.name ?? ""))")
        await server.sandbox.setLatency(.zero)
        try await screen.quit()
    }

    @Test func anEmailAColleagueAlreadyDismissedIsNewsNotAnError() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let first = try #require(try await server.listedIDs(status: 1).first)
        let state = try temporaryDirectory()
        try writeConfig("undo_seconds = 0\n", stateHome: state)
        let screen = try await server.openApp(stateHome: state)
        try await server.colleagueDismisses(first)
        try screen.press("a")
        try await screen.waitUntil("deals in the picker") { !$0.contains("Searching open deals") && $0.contains("Attach to a deal") }
        try screen.press("Enter")
        try await screen.waitFor("was already dismissed by someone else")
        #expect(!screen.screen.contains("Could not"))
        try await screen.quit()
    }
}

func writeConfig(_ text: String, stateHome: String) throws {
    let folder = URL(fileURLWithPath: stateHome).appendingPathComponent("config/intray")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try text.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
}
