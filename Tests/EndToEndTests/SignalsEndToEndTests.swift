import Foundation
import ProductiveSandbox
import Testing

/// Ways out of the app that are not `q`: each restores the terminal and commits what was in flight.
@Suite(.serialized) struct SignalsEndToEndTests {
    private func openSlowApp() async throws -> (DemoServer, TmuxScreen, String) {
        let server = try await DemoServer.start()
        let first = try #require(try await server.listedIDs(status: 1).first)
        let screen = try await server.openApp()
        await server.sandbox.setLatency(.milliseconds(1500))
        try screen.press("d")
        try await screen.waitFor("Dismissed “")
        return (server, screen, first)
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalWhileAnActionIsInFlightCommitsItThenExits(signal: Int32) async throws {
        let (server, screen, first) = try await openSlowApp()
        defer { Task { await server.stop() } }
        let pid = screen.appPID
        #expect(pid > 0)
        kill(pid, signal)
        try await screen.waitFor("[exited 0]")
        let stored = try #require(try await server.sandbox.storedEmail(id: first))
        #expect(stored.dismissedAt != nil, "the dismiss shown before the signal reached the server")
    }

    @Test func ctrlCTypedAtTheKeyboardQuitsCleanly() async throws {
        let (server, screen, first) = try await openSlowApp()
        defer { Task { await server.stop() } }
        try screen.press("C-c")
        try await screen.waitFor("Quitting when Productive confirms “")
        try await screen.waitFor("[exited 0]")
        #expect(try await server.sandbox.storedEmail(id: first)?.dismissedAt != nil)
    }

    @Test func aSecondCtrlCQuitsAtOnceAndNamesWhatWasNotConfirmed() async throws {
        let (server, screen, _) = try await openSlowApp()
        defer { Task { await server.stop() } }
        await server.sandbox.setLatency(.seconds(30))
        try screen.press("d")
        try screen.press("C-c")
        try await screen.waitFor("Quitting when Productive confirms “")
        try await screen.waitFor(" s left")
        try screen.press("C-c")
        let after = try await screen.waitFor("[exited 2]", timeout: .seconds(10))
        #expect(after.contains("not confirmed by Productive before quitting"))
    }

    @Test func suspendAndResumeRedrawsTheScreen() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let environment = server.environment(stateHome: try temporaryDirectory())
        let screen = try TmuxScreen(command: ["/bin/bash", "--norc", "--noprofile", "-i"], environment: environment.merging(["PS1": "shell$ "], uniquingKeysWith: { $1 }))
        try await screen.waitFor("shell$")
        try screen.type(TmuxScreen.quote(try IntrayBinary.path))
        try screen.press("Enter")
        try await screen.waitUntil("the list to paint") { $0.contains("Subject:") }
        try screen.press("C-z")
        let suspended = try await screen.waitFor("Stopped")
        #expect(!suspended.contains("Subject:"), "the terminal was given back to the shell")
        try screen.type("fg")
        try screen.press("Enter")
        try await screen.waitUntil("the app to redraw") { $0.contains("Subject:") && $0.contains("1 Unresolved") }
        try screen.press("q")
        try await screen.waitUntil("the shell's prompt back") { $0.contains("shell$") && !$0.contains("Subject:") }
        try screen.type("exit")
        try screen.press("Enter")
        try await screen.waitFor("[exited 0]")
    }
}
