import Foundation
import ProductiveSandbox
import Testing

/// Reading down the list in a real terminal: what it costs the server.
@Suite(.serialized) struct ReadingEndToEndTests {
    @Test func readingDownTheListAsksForBodiesAPageAtATimeNotOneByOne() async throws {
        let server = try await DemoServer.start(emails: 400)
        defer { Task { await server.stop() } }
        let screen = try await server.openApp()
        let listed = try await screen.waitUntil("Unresolved listed") { !$0.contains("loading") }
        let unresolved = try #require(listed.firstMatch(of: /\s1\/(\d+)\s/).flatMap { Int($0.1) })
        try #require(unresolved > 130)
        let listing = await server.sandbox.statistics.requests(to: "GET /emails")

        for position in 2...130 {
            try screen.press("j")
            try await screen.waitFor(" \(position)/\(unresolved) ")
        }
        let shown = try await screen.waitUntil("the body of the email under the cursor") { !$0.contains("Loading the email…") }
        #expect(!shown.contains("Could not load"))

        let statistics = await server.sandbox.statistics
        #expect(statistics.requests(to: "GET /emails/{id}") == 0, "no email was fetched on its own")
        #expect(statistics.requests(to: "GET /emails") - listing <= 3, "pages of 50 bodies ahead of the cursor: \(statistics.byRoute)")
        try await screen.quit()
    }
}
