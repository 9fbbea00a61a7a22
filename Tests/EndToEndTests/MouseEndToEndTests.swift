import Foundation
import Testing

/// The mouse in a real terminal: tmux shows which reporting the app asked for, and takes
/// reports as the bytes a terminal writes. At 120×40 the list starts on row 2 (1-based).
@Suite(.serialized) struct MouseEndToEndTests {
    static func click(row: Int, column: Int) -> String { "\u{1b}[<0;\(column);\(row)M\u{1b}[<0;\(column);\(row)m" }

    @Test func withMouseOnClicksWorkAndTrackingStopsOnSuspendAndOnExit() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let home = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: home + "/config/intray", withIntermediateDirectories: true)
        try "mouse = true\n".write(toFile: home + "/config/intray/config.toml", atomically: true, encoding: .utf8)
        let environment = server.environment(stateHome: home).merging(["PS1": "shell$ "], uniquingKeysWith: { $1 })
        let screen = try TmuxScreen(command: ["/bin/bash", "--norc", "--noprofile", "-i"], environment: environment)
        try await screen.waitFor("shell$")
        #expect(screen.mouseModes == "0000")
        try screen.type(TmuxScreen.quote(try IntrayBinary.path))
        try screen.press("Enter")
        try await screen.waitUntil("the list to paint") { $0.contains("Subject:") && $0.contains(" 1/") }
        #expect(screen.mouseModes == "1100", "clicks and the wheel in SGR form, no motion")

        try screen.send(bytes: Self.click(row: 5, column: 30))
        try await screen.waitFor(" 4/")
        try screen.send(bytes: "\u{1b}[<65;30;5M")
        try await screen.waitFor(" 7/")

        try screen.press("C-z")
        try await screen.waitFor("Stopped")
        #expect(screen.mouseModes == "0000", "the shell gets no reports while the app is suspended")
        try screen.type("fg")
        try screen.press("Enter")
        try await screen.waitUntil("the app to redraw") { $0.contains("Subject:") && $0.contains(" 7/") }
        #expect(screen.mouseModes == "1100")

        try screen.press("q")
        try await screen.waitUntil("the shell's prompt back") { $0.contains("shell$") && !$0.contains("Subject:") }
        #expect(screen.mouseModes == "0000")
        try screen.type("exit")
        try screen.press("Enter")
        try await screen.waitFor("[exited 0]")
    }

    @Test func withMouseOffNothingIsTrackedAndReportsAreNotKeys() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let screen = try await server.openApp()
        #expect(screen.mouseModes == "0000")
        try screen.send(bytes: Self.click(row: 5, column: 30) + "\u{1b}[<65;30;5M")
        try screen.press("j")
        let after = try await screen.waitFor(" 2/")
        #expect(!after.contains("not bound"), "no byte of a report was read as a key")
        try await screen.quit()
    }
}
