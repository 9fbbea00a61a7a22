import Foundation
import IntrayCore
import Testing
@testable import Keymaps

@Suite struct UserFileTests {
    /// A fresh directory holding `keymap.toml` with `text`, removed by the caller.
    private func writeKeymap(_ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("keymaps-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("keymap.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func extendsTheDefaultPresetUnlessItNamesOne() throws {
        let plain = try Keymap.parse("[list]\n\"z\" = \"email.dismiss\"\n", origin: "k.toml")
        #expect(plain.presetName == "default")
        #expect(plain.source == .file(path: "k.toml"))
        let vim = try Keymap.parse("extends = \"vim\"\n", origin: "k.toml")
        #expect(vim.presetName == "vim")
        #expect(vim.bindings == (try Keymap.preset(named: "vim")).bindings)
    }

    @Test func addsReplacesAndUnbinds() throws {
        let text = """
            extends = "vim"

            [list]
            "z" = "email.dismiss"      # added
            "D" = "email.dismiss"      # replaced: was email.delete
            "d d" = "none"             # unbound
            "#" = "email.delete"

            [detail]
            ctrl-e = "detail.scroll-down"
            """
        let keymap = try Keymap.parse(text, origin: "k.toml")
        let vim = try Keymap.preset(named: "vim")
        func command(_ spec: String, _ context: KeyContext) throws -> Command? {
            keymap.command(for: try KeySequence.parse(spec), in: context)
        }
        #expect(try command("z", .list) == .dismiss)
        #expect(try command("D", .list) == .dismiss)
        #expect(try command("d d", .list) == nil)
        #expect(try command("#", .list) == .delete)
        #expect(try command("ctrl-e", .detail) == .scrollDown)
        // Everything else is the preset's.
        #expect(try command("d d", .detail) == .dismiss)
        #expect(try command("g g", .list) == .cursorTop)
        #expect(keymap.bindings[.global] == vim.bindings[.global])
        // A replaced key keeps its place, so help still lists keys in the preset's order.
        let listKeys = keymap.bindings(in: .list).map(\.keys.description)
        #expect(listKeys.firstIndex(of: "D")! < listKeys.firstIndex(of: "z")!)
    }

    @Test func caseMattersForCharactersButNotForNames() throws {
        let keymap = try Keymap.parse(
            "[list]\n\"z\" = \"email.dismiss\"\n\"Z\" = \"email.delete\"\n\"F5\" = \"cursor.top\"\n", origin: "k.toml")
        #expect(keymap.command(for: KeySequence(.character("z")), in: .list) == .dismiss)
        #expect(keymap.command(for: KeySequence(.character("Z")), in: .list) == .delete)
        #expect(keymap.command(for: KeySequence(.function(5)), in: .list) == .cursorTop)
    }

    @Test func unbindingThenReusingAPrefix() throws {
        // "g" starts nothing once it is free; "g g" may then be bound.
        let keymap = try Keymap.parse("[list]\n\"g\" = \"none\"\n\"g g\" = \"cursor.top\"\n", origin: "k.toml")
        #expect(keymap.command(for: try KeySequence.parse("g g"), in: .list) == .cursorTop)
        #expect(keymap.command(for: try KeySequence.parse("g"), in: .list) == nil)
    }

    @Test func loadPrefersTheCommandLineThenTheUserFileThenTheDefault() throws {
        let file = try writeKeymap("extends = \"emacs\"\n[list]\n\"j\" = \"cursor.down\"\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }

        let fromUserFile = try Keymap.load(selection: nil, userFile: file)
        #expect(fromUserFile.presetName == "emacs")
        #expect(fromUserFile.source == .file(path: file.path))
        #expect(fromUserFile.command(for: KeySequence(.character("j")), in: .list) == .cursorDown)

        let byName = try Keymap.load(selection: "vim", userFile: file)
        #expect(byName == (try Keymap.preset(named: "vim")))

        let byPath = try Keymap.load(selection: file.path, userFile: nil)
        #expect(byPath == fromUserFile)

        let missing = file.deletingLastPathComponent().appendingPathComponent("absent.toml")
        #expect(try Keymap.load(selection: nil, userFile: missing) == (try Keymap.preset(named: "default")))
        #expect(try Keymap.load(selection: nil, userFile: nil) == (try Keymap.preset(named: "default")))
    }

    @Test func aBadUserFileIsRefusedWithItsPath() throws {
        let file = try writeKeymap("[list]\n\"x\" = \"email.dismis\"\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        #expect(throws: KeymapError(
            origin: file.path, position: SourcePosition(line: 2, column: 7),
            message: "unknown action \"email.dismis\"", suggestion: "did you mean \"email.dismiss\"?"
        )) {
            try Keymap.load(selection: nil, userFile: file)
        }
    }

    @Test func aUserFileThatIsNotUTF8IsRefused() throws {
        let file = try writeKeymap("")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Data([0x5B, 0xFF, 0xFE, 0x5D]).write(to: file)
        #expect(throws: KeymapError(
            origin: file.path, position: nil, message: "the keymap file is not UTF-8 text", suggestion: nil
        )) {
            try Keymap.load(selection: nil, userFile: file)
        }
    }

    @Test func defaultUserFileFollowsXDG() {
        #expect(Keymap.defaultUserFile(environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/ann"]).path
            == "/xdg/intray/keymap.toml")
        #expect(Keymap.defaultUserFile(environment: ["HOME": "/home/ann"]).path
            == "/home/ann/.config/intray/keymap.toml")
        #expect(Keymap.defaultUserFile(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/ann"]).path
            == "/home/ann/.config/intray/keymap.toml")
        #expect(Keymap.defaultUserFile(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ann"]).path
            == "/home/ann/.config/intray/keymap.toml")
    }
}
