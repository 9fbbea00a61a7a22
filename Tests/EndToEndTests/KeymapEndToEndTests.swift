import Foundation
import Testing

@Suite(.serialized) struct KeymapEndToEndTests {
    @Test func emacsKeymapMovesWithCtrlNAndQuitsWithCtrlXCtrlC() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let ids = try await server.listedIDs(status: 1)
        let screen = try TmuxScreen(command: [try IntrayBinary.path, "--keymap", "emacs"], environment: server.environment(stateHome: try temporaryDirectory()))
        try await screen.waitFor(" 1/")
        try screen.press("C-n", "C-n")
        try await screen.waitFor(" 3/")
        try screen.press("C-p")
        try await screen.waitFor(" 2/")
        try screen.press("d")
        try await screen.waitFor("Dismissed “")
        #expect(try await server.eventually(ids[1]) { $0?.dismissedAt != nil })
        try screen.press("C-x")
        try await screen.waitFor("ctrl-x…")
        try screen.press("C-c")
        try await screen.waitFor("[exited 0]")
    }

    @Test func altKeysArrowsAndALoneEscAreReadAsTheTerminalSendsThem() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let screen = try TmuxScreen(command: [try IntrayBinary.path, "--keymap", "emacs"], environment: server.environment(stateHome: try temporaryDirectory()))
        try await screen.waitFor(" 1/")
        try screen.press("M->")
        let bottom = try await screen.waitUntil("the cursor on the last email") { Self.position(on: $0).map { $0.row == $0.of && $0.row > 1 } ?? false }
        let count = Self.position(on: bottom)!.of
        try screen.press("Up")
        try await screen.waitFor(" \(count - 1)/\(count) ")
        try screen.press("M-<")
        try await screen.waitFor(" 1/\(count) ")
        try screen.press("Down")
        try await screen.waitFor(" 2/\(count) ")
        try screen.press("C-s")
        try screen.type("quote")
        try await screen.waitFor("/quote")
        try screen.press("Escape")
        try await screen.waitUntil("the search to close") { !$0.contains("/quote") }
        try screen.press("C-x", "C-c")
        try await screen.waitFor("[exited 0]")
    }

    /// The cursor's place in the detail rule, ` 2/41 `.
    private static func position(on screen: String) -> (row: Int, of: Int)? {
        guard let match = screen.firstMatch(of: /─ (\d+)\/(\d+) ─/), let row = Int(match.1), let of = Int(match.2) else { return nil }
        return (row, of)
    }

    @Test func ctrlSSearchesInTheEmacsKeymapAndFlowControlIsBackAfterwards() async throws {
        let server = try await DemoServer.start()
        defer { Task { await server.stop() } }
        let screen = try TmuxScreen(command: [try IntrayBinary.path, "--keymap", "emacs"], environment: server.environment(stateHome: try temporaryDirectory()))
        try await screen.waitFor(" 1/")
        let tty = screen.paneTTY
        #expect(try Subprocess.run(["/bin/stty", "-F", tty, "-a"]).output.contains("-ixon"), "XON/XOFF is off while the app runs")
        try screen.press("C-s")
        try screen.type("quote")
        try await screen.waitFor("/quote")
        try screen.press("Escape")
        try await screen.waitUntil("the search to close") { !$0.contains("/quote") }
        try screen.press("C-x")
        try await screen.waitFor("ctrl-x…")
        try screen.press("C-c")
        try await screen.waitFor("[exited 0]")
        let after = try Subprocess.run(["/bin/stty", "-F", tty, "-a"]).output
        #expect(after.contains(" ixon") && !after.contains("-ixon"), "the shell gets XON/XOFF back: \(after)")
    }

    @Test func aBrokenKeymapIsRefusedBeforeTheTerminalIsTouched() throws {
        let directory = try temporaryDirectory()
        let file = directory + "/broken.toml"
        try "[list]\n\"d\" = \"email.dismis\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Subprocess.run([try IntrayBinary.path, "--keymap", file], environment: ["PATH": "/usr/bin:/bin", "HOME": directory, "PRODUCTIVE_API_TOKEN": "x", "PRODUCTIVE_ORG_ID": "1"])
        #expect(result.status == 2)
        #expect(result.output.contains("\(file):2:7: unknown action \"email.dismis\""))
        #expect(result.output.contains("did you mean \"email.dismiss\"?"))
        #expect(!result.output.contains("\u{1B}"))
    }

    @Test func keysPrintsTheActiveBindings() throws {
        let result = try Subprocess.run([try IntrayBinary.path, "keys", "--keymap", "vim"], environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()])
        #expect(result.status == 0)
        #expect(result.output.contains("Keymap: preset \"vim\""))
        #expect(result.output.contains("g g"))
    }
}
