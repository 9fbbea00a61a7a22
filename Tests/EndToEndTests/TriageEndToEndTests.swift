import Foundation
import ProductiveSandbox
import Testing

/// The built binary in a real terminal against the sandbox: keys in, screen and server state out.
@Suite(.serialized) struct TriageEndToEndTests {
    @Test func dismissReachesTheServer() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let first = try #require(try await server.listedIDs(status: 1).first)
        let screen = try await server.openApp()
        try screen.press("d")
        try await screen.waitFor("Dismissed “")
        #expect(try await server.sandbox.storedEmail(id: first)?.dismissedAt == nil, "held in the undo window")
        #expect(try await server.eventually(first) { $0?.dismissedAt != nil })
        try await screen.quit()
    }

    @Test func attachThroughThePickerLinksTheEmailToTheDeal() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let first = try #require(try await server.listedIDs(status: 1).first)
        let screen = try await server.openApp()
        try screen.press("a")
        try await screen.waitFor("Attach to a deal")
        try await screen.waitUntil("deals in the picker") { !$0.contains("Searching open deals") }
        try screen.press("Enter")
        try await screen.waitFor("Attached “")
        #expect(try await server.eventually(first) { $0?.linkedType == "Quote" && $0?.linkedID != nil })
        try await screen.quit()
    }

    @Test func deleteAsksThenRemovesTheEmailFromTheServer() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let first = try #require(try await server.listedIDs(status: 1).first)
        let screen = try await server.openApp()
        try screen.press("#")
        try await screen.waitFor("for good once sent (5 s to undo)? (y/n)")
        try screen.press("y")
        try await screen.waitFor("Deleted “")
        #expect(try await server.eventually(first) { $0 == nil })
        try await screen.quit()
    }

    @Test func undoWithinTheWindowKeepsTheEmailOnTheServer() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let first = try #require(try await server.listedIDs(status: 1).first)
        let screen = try await server.openApp()
        try screen.press("d")
        try await screen.waitFor("u undo")
        try screen.press("u")
        try await screen.waitFor("Undone: “")
        try await screen.waitFor(" 1/")
        // Quitting sends whatever still waits, so once the app has exited nothing more can come.
        try await screen.quit()
        #expect(await server.sandbox.statistics.requests(to: "PATCH /emails/{id}/dismiss") == 0)
        #expect(try await server.sandbox.storedEmail(id: first)?.dismissedAt == nil)
    }

    @Test func aTerminalThatIsTooSmallSaysSoUntilResized() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let screen = try TmuxScreen(command: [try IntrayBinary.path], environment: server.environment(stateHome: try temporaryDirectory()), columns: 70, rows: 20)
        try await screen.waitFor("Terminal too small: need 80×24")
        try screen.resize(columns: 100, rows: 30)
        try await screen.waitUntil("the list to paint") { $0.contains("Subject:") }
        try await screen.quit()
    }

    @Test func missingCredentialsExitWithTwoBeforeTouchingTheTerminal() throws {
        let result = try Subprocess.run([try IntrayBinary.path], environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()])
        #expect(result.status == 2)
        #expect(result.output.contains("Set PRODUCTIVE_API_TOKEN"))
        #expect(result.output.contains("PRODUCTIVE_ORG_ID"))
    }
}
