import Foundation
import Testing

/// An inbox that cannot be opened at all is said in one sentence, before any inbox is drawn,
/// with a non-zero exit (issue 12).
@Suite(.serialized) struct StartFailureEndToEndTests {
    private func run(_ environment: [String: String]) async throws -> (screen: String, written: String) {
        let raw = try temporaryDirectory() + "/raw"
        let screen = try TmuxScreen(command: [try IntrayBinary.path], environment: environment, rawOutput: raw)
        let shown = try await screen.waitUntil("the app to exit") { $0.contains("[exited") }
        return (shown, (try? String(contentsOfFile: raw, encoding: .utf8)) ?? "")
    }

    @Test func aRefusedTokenExitsWithThreeAndPointsToDoctor() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        var environment = server.environment(stateHome: try temporaryDirectory())
        environment["PRODUCTIVE_API_TOKEN"] = "not-the-token"
        let (shown, written) = try await run(environment)
        #expect(shown.contains("intray: Could not open the inbox:"), "\(shown)")
        #expect(shown.contains("Run `intray doctor` to"))
        #expect(shown.contains("[exited 3]"))
        #expect(!written.contains("Unresolved"), "no inbox was drawn")
        #expect(!written.contains("not-the-token"))
    }

    @Test func anUnreachableServerExitsWithFour() async throws {
        let server = try await DemoServer.start()
        var environment = server.environment(stateHome: try temporaryDirectory())
        await server.stop()
        environment["INTRAY_API_URL"] = server.sandbox.baseURL.absoluteString
        // The client tries a refused connection a few times (about 2 s); under a loaded test
        // run that can outlast the wait before the first frame, so only the outcome is checked.
        let (shown, _) = try await run(environment)
        #expect(shown.contains("intray: Could not open the inbox:"), "\(shown)")
        #expect(shown.contains("[exited 4]"))
    }
}
