import Foundation
import Testing
@testable import Keymaps

/// Each refusal, with its exact message: `file:line:column: what`, then the suggestion.
@Suite struct KeymapErrorTests {
    private func message(_ text: String) -> String? {
        do {
            _ = try Keymap.parse(text, origin: "keymap.toml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func invalidTOMLPointsAtTheSyntaxError() {
        #expect(message("[list]\n\"j\" = \"cursor.down\n") == """
            keymap.toml:2:19: invalid TOML: Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited
            """)
    }

    @Test func unquotedSymbolKeySuggestsQuotes() {
        #expect(message("[list]\n? = \"app.help\"\n") == """
            keymap.toml:2:1: invalid TOML: Error while parsing root table: expected keys, tables, whitespace or comments, saw '?'
            put the key in quotes: "?" = …
            """)
    }

    @Test func unquotedActionSuggestsQuotes() {
        #expect(message("[list]\n\"j\" = cursor.down\n") == """
            keymap.toml:2:7: invalid TOML: Error while parsing value: could not determine value type
            put the action in quotes: "j" = "cursor.down"
            """)
    }

    @Test func keyWrittenTwiceTheSameWay() {
        #expect(message("[list]\n\"j\" = \"cursor.down\"\n\"j\" = \"cursor.up\"\n") == """
            keymap.toml:3:1: "j" is bound twice in [list]: first on line 2
            keep one of the two lines
            """)
        #expect(message("[list]\nj = \"cursor.down\"\n\n  'j' = \"cursor.up\"\n") == """
            keymap.toml:4:3: "j" is bound twice in [list]: first on line 2
            keep one of the two lines
            """)
    }

    @Test func settingWrittenTwice() {
        #expect(message("extends = \"vim\"\nextends = \"emacs\"\n") == """
            keymap.toml:2:1: "extends" is written twice: first on line 1
            keep one of the two lines
            """)
    }

    @Test func tableWrittenTwice() {
        #expect(message("[list]\n\"j\" = \"cursor.down\"\n[list]\n") == """
            keymap.toml:3:2: [list] is written twice: first on line 1
            put all of [list]'s keys under one header
            """)
    }

    @Test func unknownTable() {
        #expect(message("[lists]\n\"j\" = \"cursor.down\"\n") == """
            keymap.toml:1:2: unknown table [lists]
            did you mean [list]?
            """)
    }

    @Test func unknownSetting() {
        #expect(message("extend = \"vim\"\n") == """
            keymap.toml:1:1: unknown setting "extend"
            did you mean "extends"?
            """)
    }

    @Test func contextThatIsNotATable() {
        #expect(message("list = \"j\"\n") == """
            keymap.toml:1:1: "list" must be a table of key bindings
            write the bindings under a [list] header
            """)
    }

    @Test func unknownPresetInExtends() {
        #expect(message("extends = \"vin\"\n") == """
            keymap.toml:1:11: unknown preset "vin"
            did you mean "vim"?
            """)
        #expect(message("extends = \"nano\"\n") == """
            keymap.toml:1:11: unknown preset "nano"
            presets are "default", "vim", "emacs"
            """)
    }

    @Test func unknownAction() {
        #expect(message("[list]\n\"x\" = \"email.dismis\"\n") == """
            keymap.toml:2:7: unknown action "email.dismis"
            did you mean "email.dismiss"?
            """)
        #expect(message("[detail]\n  \"x\"   =   \"dismiss\"\n") == """
            keymap.toml:2:13: unknown action "dismiss"
            did you mean "email.dismiss"?
            """)
    }

    @Test func actionThatIsNotAString() {
        #expect(message("[list]\n\"j\" = 1\n") == """
            keymap.toml:2:7: the action for "j" in [list] must be a name in quotes
            e.g. "j" = "app.quit" or "none"
            """)
    }

    @Test func unknownKeyName() {
        #expect(message("[list]\n\"ctrl-x pgdown\" = \"cursor.page-down\"\n") == """
            keymap.toml:2:1: unknown key name "pgdown"
            did you mean "pgdn"?
            """)
    }

    @Test func escAfterTheFirstKey() {
        #expect(message("[list]\n\"g esc\" = \"cursor.top\"\n") == """
            keymap.toml:2:1: "g esc" cannot be typed: esc cancels a half-typed sequence
            use esc alone or as the first key
            """)
    }

    @Test func keyBoundTwiceUnderTwoSpellings() {
        #expect(message("[list]\n\"ctrl-x\" = \"email.dismiss\"\n\"C-x\" = \"email.delete\"\n") == """
            keymap.toml:3:1: "C-x" is bound twice in [list]: it is the same key as "ctrl-x" on line 2
            keep one of the two lines
            """)
        #expect(message("[confirm]\nY = \"confirm.yes\"\n\"Y \" = \"confirm.no\"\n") == """
            keymap.toml:3:1: "Y " is bound twice in [confirm]: it is the same key as "Y" on line 2
            keep one of the two lines
            """)
    }

    @Test func commandInAContextWhereItDoesNotApply() {
        #expect(message("[picker]\n\"d\" = \"email.dismiss\"\n") == """
            keymap.toml:2:7: "email.dismiss" cannot be bound in [picker]: it applies in [list], [detail]
            move the line to [list] or [detail]
            """)
        #expect(message("[list]\n\"J\" = \"detail.scroll-down\"\n") == """
            keymap.toml:2:7: "detail.scroll-down" cannot be bound in [list]: it applies in [detail]
            move the line to [detail]
            """)
    }

    @Test func keyThatIsAlsoTheStartOfASequenceInTheSameFile() {
        #expect(message("[list]\n\"z\" = \"cursor.top\"\n\"z z\" = \"cursor.bottom\"\n") == """
            keymap.toml:3:1: "z z" in [list] starts with "z" on line 2
            a key cannot both run an action and start a sequence: change one of the two lines
            """)
    }

    @Test func sequenceStartingWithAPresetKey() {
        #expect(message("[list]\n\"g g\" = \"cursor.top\"\n") == """
            keymap.toml:2:1: "g g" in [list] starts with "g" from preset "default"
            a key cannot both run an action and start a sequence: unbind it with "g" = "none" in [list], or choose another key
            """)
    }

    @Test func globalKeyThatStartsASequenceOfTheList() {
        #expect(message("extends = \"vim\"\n[global]\n\"d\" = \"app.help\"\n") == """
            keymap.toml:3:1: "d" in [global] is also the start of "d d" in [list] from preset "vim", and [list] falls back to [global]
            a key cannot both run an action and start a sequence: unbind it with "d d" = "none" in [list], or choose another key
            """)
    }

    @Test func unbindingAKeyThePresetDoesNotBind() {
        #expect(message("[list]\n\"Y\" = \"none\"\n") == """
            keymap.toml:2:1: "Y" = "none" unbinds nothing: preset "default" does not bind it in [list]
            """)
        #expect(message("extends = \"vim\"\n[list]\n\"d\" = \"none\"\n") == """
            keymap.toml:3:1: "d" = "none" unbinds nothing: preset "vim" does not bind it in [list]
            did you mean "d d"?
            """)
        #expect(message("[list]\n\"J\" = \"none\"\n") == """
            keymap.toml:2:1: "J" = "none" unbinds nothing: preset "default" does not bind it in [list]
            preset "default" binds it in [detail]
            """)
    }

    @Test func theFirstProblemInTheFileIsReported() {
        let text = """
            [list]
            "j" = "cursor.dwn"

            [detail]
            "pgdown" = "detail.page-down"
            """
        #expect(message(text) == """
            keymap.toml:2:7: unknown action "cursor.dwn"
            did you mean "cursor.down"?
            """)
        let reversed = """
            [detail]
            "pgdown" = "detail.page-down"

            [list]
            "j" = "cursor.dwn"
            """
        #expect(message(reversed) == """
            keymap.toml:2:1: unknown key name "pgdown"
            did you mean "pgdn"?
            """)
    }

    @Test func positionsInInlineTablesAndDottedKeys() {
        #expect(message("list = { \"x\" = \"selection.toggle\", \"é\" = \"nope\" }\n") == """
            keymap.toml:1:42: unknown action "nope"
            did you mean "none"?
            """)
        #expect(message("\n# comment\nlist.\"ctrl-q\" = \"app.quitt\"\n") == """
            keymap.toml:3:17: unknown action "app.quitt"
            did you mean "app.quit"?
            """)
    }

    @Test func unknownPresetOnTheCommandLine() {
        #expect(throws: KeymapError(
            origin: "--keymap", position: nil, message: "unknown preset \"vmi\"", suggestion: "did you mean \"vim\"?"
        )) {
            try Keymap.load(selection: "vmi", userFile: nil)
        }
        #expect(throws: KeymapError(
            origin: "--keymap", position: nil, message: "unknown preset \"nano\"",
            suggestion: "presets are default, vim, emacs; a path to a .toml file also works"
        )) {
            try Keymap.load(selection: "nano", userFile: nil)
        }
    }

    @Test func missingFileOnTheCommandLine() {
        #expect(throws: KeymapError(
            origin: "/nonexistent/keymap.toml", position: nil, message: "no such keymap file", suggestion: nil
        )) {
            try Keymap.load(selection: "/nonexistent/keymap.toml", userFile: nil)
        }
    }

    @Test func descriptionWithoutAPositionOrSuggestion() {
        let error = KeymapError(origin: "k.toml", position: nil, message: "no such keymap file", suggestion: nil)
        #expect(error.description == "k.toml: no such keymap file")
    }
}
