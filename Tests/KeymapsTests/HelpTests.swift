import IntrayCore
import Testing
@testable import Keymaps

@Suite struct HelpTests {
    @Test func sectionsFollowContextsThenCommands() throws {
        let sections = try Keymap.preset(named: "default").helpSections()
        #expect(sections.map(\.context) == [.global, .list, .detail, .picker, .prompt, .confirm])
        #expect(sections.map(\.title) == KeyContext.allCases.map(\.title))
        let list = sections[1].rows
        #expect(list.prefix(3) == [
            HelpRow(keys: "j, down", command: .cursorDown, summary: "Move down"),
            HelpRow(keys: "k, up", command: .cursorUp, summary: "Move up"),
            HelpRow(keys: "g, home", command: .cursorTop, summary: "Jump to the first email"),
        ])
        #expect(sections[5].rows == [
            HelpRow(keys: "y", command: .confirmYes, summary: "Yes"),
            HelpRow(keys: "n, esc", command: .confirmNo, summary: "No"),
        ])
    }

    @Test func sequencesShowAsTyped() throws {
        let global = try Keymap.preset(named: "emacs").helpSections()[0]
        #expect(global.rows.first == HelpRow(
            keys: "ctrl-x ctrl-c", command: .quit, summary: "Quit (pending actions are committed first)"))
    }

    @Test func tableForAUserFile() throws {
        let text = """
            extends = "vim"
            [global]
            "ctrl-l" = "none"
            [list]
            "R" = "app.refresh"
            """
        let table = try Keymap.parse(text, origin: "/home/ann/.config/intray/keymap.toml").helpTable()
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(lines.prefix(7)) == [
            "Keymap: /home/ann/.config/intray/keymap.toml (extends preset \"vim\")",
            "",
            "Everywhere",
            "  : q                  Quit (pending actions are committed first)",
            "  ?                    Show or hide this help",
            "  M                    Show every refused action and the last 50 messages, whole",
            "  ctrl-w               Switch between stacked and side-by-side panes",
        ])
        // The widest keys ("ctrl-f, space, pgdn" in the detail pane) set the column.
        #expect(lines.contains("  ctrl-f, space, pgdn  Scroll a page down"))
        // The refresh key moved from [global] to [list].
        #expect(!lines.contains { $0.hasPrefix("  ctrl-l ") })
        #expect(lines[lines.firstIndex(of: "Inbox list")! + 1] == "  R                    Reload the current tab from the server")
        #expect(table.hasSuffix("\nConfirmation\n  y                    Yes\n  n, esc               No\n"))
    }

    @Test func tableForAPreset() throws {
        let table = try Keymap.preset(named: "default").helpTable()
        #expect(table.hasPrefix("Keymap: preset \"default\"\n\nEverywhere\n  q             Quit (pending"))
    }
}
