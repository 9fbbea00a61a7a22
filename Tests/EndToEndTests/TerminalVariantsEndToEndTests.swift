import Foundation
import Testing

/// The app on the terminals people really have: other TERM types, no colours, no UTF-8.
@Suite(.serialized) struct TerminalVariantsEndToEndTests {
    @Test(arguments: ["vt100", "screen", "tmux-256color", "xterm-256color"])
    func paintsAndQuitsOn(term: String) async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let screen = try TmuxScreen(command: [try IntrayBinary.path], environment: server.environment(stateHome: try temporaryDirectory()), columns: 80, rows: 24, term: term)
        try await screen.waitUntil("the list to paint on \(term)") { $0.contains("Subject:") && $0.contains("1 Unresolved") }
        try screen.press("j", "q")
        try await screen.waitFor("[exited 0]")
    }

    @Test func aTerminalThatCannotMoveTheCursorIsRefusedWithASentence() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let screen = try TmuxScreen(command: [try IntrayBinary.path], environment: server.environment(stateHome: try temporaryDirectory()), term: "dumb")
        let text = try await screen.waitFor("[exited 2]")
        #expect(text.contains("Terminal type “dumb” cannot move the cursor"))
    }

    @Test func noColorKeepsTheCursorRowVisibleInReverseVideo() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let home = try temporaryDirectory()
        let raw = home + "/raw.out"
        let screen = try TmuxScreen(command: [try IntrayBinary.path], environment: server.environment(stateHome: home).merging(["NO_COLOR": "1"], uniquingKeysWith: { $1 }), rawOutput: raw)
        try await screen.waitUntil("the list to paint") { $0.contains("Subject:") }
        try await screen.quit()
        let output = String(decoding: try Data(contentsOf: URL(fileURLWithPath: raw)), as: UTF8.self)
        #expect(output.contains(";7m") || output.contains("\u{1B}[7m"), "reverse video marks the cursor row")
        for colour in ["\u{1B}[3", "\u{1B}[4", "38;5;", "48;5;"] {
            let hits = output.components(separatedBy: colour).dropFirst().filter { $0.first?.isNumber == true && $0.dropFirst().first == "m" }
            #expect(hits.isEmpty, "a colour was set with NO_COLOR: \(colour)")
        }
    }

    @Test func aNonUTF8LocaleFallsBackToASCIIMarks() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let environment = server.environment(stateHome: try temporaryDirectory()).merging(["LANG": "C", "LC_ALL": "C"], uniquingKeysWith: { $1 })
        let screen = try TmuxScreen(command: [try IntrayBinary.path], environment: environment)
        let text = try await screen.waitUntil("the list to paint") { $0.contains("Subject:") }
        #expect(text.contains(" | 2 Resolved ") && text.contains(" | 3 Dismissed "))
        #expect(!text.contains("│") && !text.contains("…") && !text.contains("●"))
        try await screen.quit()
    }

    @Test func resizingWhileThePickerIsOpenRelaysOutAtOnce() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let screen = try await server.openApp()
        try screen.press("a")
        try await screen.waitFor("Attach to a deal")
        try screen.resize(columns: 80, rows: 24)
        // capture-pane cuts every line at 80 columns, so a width check could not fail; the box's
        // closing corner shows it was laid out again for the new width.
        try await screen.waitUntil("the picker to be laid out for 80 columns") { text in
            text.split(separator: "\n").first { $0.contains("Attach to a deal") }?.hasSuffix("┐") == true
        }
        try screen.resize(columns: 60, rows: 20)
        try await screen.waitFor("Terminal too small: need 80×24 (now 60×20)")
        try screen.resize(columns: 100, rows: 30)
        try await screen.waitFor("Attach to a deal")
        try screen.press("Escape")
        try await screen.waitFor("Nothing attached.")
        try await screen.quit()
    }
}
