import Foundation
import IntrayCore
import Testing
@testable import Keymaps

@Suite struct PresetTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: Keymap.presetNames)
    func embeddedTextIsTheFileInKeymaps(name: String) throws {
        let file = Self.repository.appendingPathComponent("keymaps/\(name).toml")
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        #expect(Presets.text(named: name) == onDisk, "Sources/Keymaps/Presets.swift is out of date with keymaps/\(name).toml")
    }

    @Test(arguments: Keymap.presetNames)
    func theFirstKeyOfEveryCommandIsTheOneItsSequencesListFirst(name: String) throws {
        let keymap = try Keymap.preset(named: name)
        for context in KeyContext.allCases {
            let first = keymap.firstSequences(in: context)
            for command in Command.allCases {
                #expect(first[command] == keymap.sequences(for: command, in: context).first, "\(command) in \(context)")
            }
        }
    }

    @Test func readmeNamesEveryAction() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("keymaps/README.md"), encoding: .utf8)
        let missing = Command.allCases.map(\.rawValue).filter { !readme.contains("`\($0)`") }
        #expect(missing.isEmpty, "keymaps/README.md does not list \(missing)")
    }

    @Test(arguments: Keymap.presetNames)
    func presetLoads(name: String) throws {
        let keymap = try Keymap.preset(named: name)
        #expect(keymap.presetName == name)
        #expect(keymap.source == .preset)
        #expect(try Keymap.load(selection: name, userFile: nil) == keymap)
    }

    /// A preset passes the checks a user file gets: written as a user file extending itself,
    /// every line replaces a binding with itself and the result is the preset again.
    @Test(arguments: Keymap.presetNames)
    func presetPassesTheUserFileChecks(name: String) throws {
        let text = "extends = \"\(name)\"\n" + Presets.text(named: name)!
        let asUserFile = try Keymap.parse(text, origin: "\(name)-copy.toml")
        #expect(asUserFile.bindings == (try Keymap.preset(named: name)).bindings)
    }

    /// Every command can be typed, through the matcher, in a context where it applies.
    @Test(arguments: Keymap.presetNames)
    func everyCommandIsReachable(name: String) throws {
        let keymap = try Keymap.preset(named: name)
        let uiContexts: [KeyContext] = [.list, .detail, .picker, .prompt, .confirm]
        var reached = Set<Command>()
        for context in uiContexts {
            let candidates = Keymap.lookupOrder(for: context).flatMap { keymap.bindings(in: $0) }
            for binding in candidates {
                var matcher = KeySequenceMatcher(keymap: keymap)
                let start = ContinuousClock.now
                var outcome: KeySequenceMatcher.Outcome = .cancelled
                for key in binding.keys.keys {
                    outcome = matcher.feed(key, in: context, at: start)
                }
                if case .command(let command) = outcome, command.contexts.contains(context) {
                    reached.insert(command)
                }
            }
        }
        let missing = Command.allCases.filter { !reached.contains($0) }.map(\.rawValue)
        #expect(missing.isEmpty, "preset \(name) cannot reach \(missing)")
    }

    /// Printable keys in the picker and the prompt are text: binding one would make it untypable.
    @Test(arguments: Keymap.presetNames)
    func textContextsLeavePrintableKeysForTyping(name: String) throws {
        let keymap = try Keymap.preset(named: name)
        for context in [KeyContext.picker, .prompt] {
            let printable = keymap.bindings(in: context).filter { $0.keys.keys.first?.text != nil }
            #expect(printable.isEmpty, "\(name) [\(context)] binds \(printable.map(\.keys.description))")
        }
    }

    @Test func defaultPresetHasTheDocumentedKeys() throws {
        let keymap = try Keymap.preset(named: "default")
        let expected: [(String, KeyContext, Command)] = [
            ("j", .list, .cursorDown), ("down", .list, .cursorDown), ("k", .list, .cursorUp),
            ("g", .list, .cursorTop), ("G", .list, .cursorBottom), ("home", .list, .cursorTop),
            ("end", .list, .cursorBottom), ("pgdn", .list, .pageDown), ("pgup", .list, .pageUp),
            ("ctrl-d", .list, .halfPageDown), ("ctrl-u", .list, .halfPageUp),
            ("enter", .list, .focusDetail), ("tab", .list, .focusDetail),
            ("x", .list, .toggleSelection), ("space", .list, .toggleSelection),
            ("r", .list, .resolve), ("a", .list, .attach), ("d", .list, .dismiss), ("#", .list, .delete),
            ("1", .list, .showUnresolved), ("2", .list, .showResolved), ("3", .list, .showDismissed),
            ("/", .list, .search), ("R", .list, .refresh), ("v", .list, .toggleLayout),
            ("?", .list, .help), ("q", .list, .quit),
            ("j", .detail, .scrollDown), ("k", .detail, .scrollUp), ("space", .detail, .scrollPageDown),
            ("pgdn", .detail, .scrollPageDown), ("pgup", .detail, .scrollPageUp),
            ("g", .detail, .scrollTop), ("G", .detail, .scrollBottom), ("q", .detail, .focusList),
            ("esc", .detail, .focusList), ("tab", .detail, .focusList),
            ("down", .picker, .pickerDown), ("ctrl-n", .picker, .pickerDown), ("ctrl-p", .picker, .pickerUp),
            ("enter", .picker, .pickerChoose), ("esc", .picker, .pickerCancel),
            ("backspace", .picker, .pickerDeleteBackward),
            ("enter", .prompt, .promptSubmit), ("esc", .prompt, .promptCancel),
            ("backspace", .prompt, .promptDeleteBackward),
            ("y", .confirm, .confirmYes), ("n", .confirm, .confirmNo), ("esc", .confirm, .confirmNo),
        ]
        for (spec, context, command) in expected {
            #expect(keymap.command(for: try KeySequence.parse(spec), in: context) == command, "\(spec) in \(context)")
        }
    }

    @Test func vimPresetHasTheDocumentedKeys() throws {
        let keymap = try Keymap.preset(named: "vim")
        let expected: [(String, KeyContext, Command)] = [
            ("g g", .list, .cursorTop), ("G", .list, .cursorBottom), ("ctrl-f", .list, .pageDown),
            ("ctrl-b", .list, .pageUp), ("ctrl-d", .list, .halfPageDown), ("ctrl-u", .list, .halfPageUp),
            (": q", .list, .quit), (": q", .detail, .quit), ("/", .list, .search),
            ("n", .list, .searchNext), ("N", .list, .searchPrevious), ("j", .list, .cursorDown),
            ("k", .list, .cursorUp), ("g g", .detail, .scrollTop), ("G", .detail, .scrollBottom),
        ]
        for (spec, context, command) in expected {
            #expect(keymap.command(for: try KeySequence.parse(spec), in: context) == command, "\(spec) in \(context)")
        }
    }

    @Test func emacsPresetHasTheDocumentedKeys() throws {
        let keymap = try Keymap.preset(named: "emacs")
        let expected: [(String, KeyContext, Command)] = [
            ("ctrl-n", .list, .cursorDown), ("ctrl-p", .list, .cursorUp), ("alt-<", .list, .cursorTop),
            ("alt->", .list, .cursorBottom), ("ctrl-v", .list, .pageDown), ("alt-v", .list, .pageUp),
            ("ctrl-s", .list, .search), ("ctrl-x ctrl-c", .list, .quit), ("ctrl-x ctrl-c", .detail, .quit),
            ("ctrl-g", .picker, .pickerCancel), ("ctrl-g", .prompt, .promptCancel),
            ("ctrl-g", .confirm, .confirmNo), ("ctrl-g", .detail, .focusList),
        ]
        for (spec, context, command) in expected {
            #expect(keymap.command(for: try KeySequence.parse(spec), in: context) == command, "\(spec) in \(context)")
        }
    }
}
