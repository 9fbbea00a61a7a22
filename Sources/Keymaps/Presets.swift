// The built-in keymaps, embedded so an installed binary needs no files beside it.
// Each string is the file of the same name in keymaps/, byte for byte; PresetFilesTests
// fails when they differ. After editing a file there, paste it here between its delimiters.

/// The presets by name, in the order they are offered.
enum Presets {
    static let names = ["default", "vim", "emacs"]

    static func text(named name: String) -> String? {
        switch name {
        case "default": defaultText
        case "vim": vimText
        case "emacs": emacsText
        default: nil
        }
    }

    static let defaultText = ##"""
    # Intray's default keymap: single keys, arrows and page keys, in the style of mutt and tig.
    #
    # Copy a few lines into ~/.config/intray/keymap.toml to change them there; see README.md.
    # `intray keys` prints the keymap in use.

    [global]
    "q" = "app.quit"
    "?" = "app.help"
    "R" = "app.refresh"
    "v" = "app.toggle-layout"
    "1" = "tab.unresolved"
    "2" = "tab.resolved"
    "3" = "tab.dismissed"
    "t" = "tab.next"
    "/" = "search.start"
    "f" = "filter.start"
    "F" = "filter.clear"
    "M" = "app.messages"
    "=" = "filter.sender"
    "n" = "search.next"
    "N" = "search.previous"

    [list]
    "j" = "cursor.down"
    "down" = "cursor.down"
    "k" = "cursor.up"
    "up" = "cursor.up"
    "g" = "cursor.top"
    "home" = "cursor.top"
    "G" = "cursor.bottom"
    "end" = "cursor.bottom"
    "pgdn" = "cursor.page-down"
    "pgup" = "cursor.page-up"
    "ctrl-d" = "cursor.half-page-down"
    "ctrl-u" = "cursor.half-page-up"
    "enter" = "focus.detail"
    "tab" = "focus.detail"
    "x" = "selection.toggle"
    "space" = "selection.toggle"
    "*" = "selection.all"
    "S" = "selection.suggested"
    "T" = "selection.pattern"
    "~" = "selection.invert"
    "esc" = "selection.clear"
    "r" = "email.resolve"
    "a" = "email.attach"
    "d" = "email.dismiss"
    "#" = "email.delete"
    "u" = "email.undo"
    "z" = "detail.reader"
    "c" = "email.copy-id"
    "o" = "list.sort"
    "L" = "email.open-link"
    "O" = "email.open-in-productive"

    [detail]
    "j" = "detail.scroll-down"
    "down" = "detail.scroll-down"
    "k" = "detail.scroll-up"
    "up" = "detail.scroll-up"
    "space" = "detail.page-down"
    "pgdn" = "detail.page-down"
    "pgup" = "detail.page-up"
    "g" = "detail.top"
    "home" = "detail.top"
    "G" = "detail.bottom"
    "end" = "detail.bottom"
    "q" = "focus.list"
    "esc" = "focus.list"
    "tab" = "focus.list"
    # Next and previous email without leaving the detail pane.
    "J" = "cursor.down"
    "K" = "cursor.up"
    # Act on the email being read.
    "x" = "selection.toggle"
    "r" = "email.resolve"
    "a" = "email.attach"
    "d" = "email.dismiss"
    "#" = "email.delete"
    "u" = "email.undo"
    "z" = "detail.reader"
    "c" = "email.copy-id"
    "L" = "email.open-link"
    "O" = "email.open-in-productive"
    "enter" = "detail.reader"

    [picker]
    "down" = "picker.down"
    "ctrl-n" = "picker.down"
    "up" = "picker.up"
    "ctrl-p" = "picker.up"
    "enter" = "picker.choose"
    "esc" = "picker.cancel"
    "backspace" = "picker.delete-backward"

    [prompt]
    "enter" = "prompt.submit"
    "esc" = "prompt.cancel"
    "backspace" = "prompt.delete-backward"

    [confirm]
    "y" = "confirm.yes"
    "n" = "confirm.no"
    "esc" = "confirm.no"

    """##

    static let vimText = ##"""
    # Intray's vim keymap: hjkl, `g g` and G, ctrl-f/ctrl-b pages, `: q` to quit.
    #
    # Use it with `intray --keymap vim`, or put `extends = "vim"` at the top of
    # ~/.config/intray/keymap.toml and change what you like below it; see README.md.

    [global]
    ": q" = "app.quit"
    "?" = "app.help"
    "ctrl-l" = "app.refresh"
    "ctrl-w" = "app.toggle-layout"
    "1" = "tab.unresolved"
    "2" = "tab.resolved"
    "3" = "tab.dismissed"
    "g t" = "tab.next"
    "/" = "search.start"
    "f" = "filter.start"
    "F" = "filter.clear"
    "M" = "app.messages"
    "=" = "filter.sender"
    "n" = "search.next"
    "N" = "search.previous"

    [list]
    "j" = "cursor.down"
    "down" = "cursor.down"
    "k" = "cursor.up"
    "up" = "cursor.up"
    "g g" = "cursor.top"
    "G" = "cursor.bottom"
    "ctrl-f" = "cursor.page-down"
    "pgdn" = "cursor.page-down"
    "ctrl-b" = "cursor.page-up"
    "pgup" = "cursor.page-up"
    "ctrl-d" = "cursor.half-page-down"
    "ctrl-u" = "cursor.half-page-up"
    "l" = "focus.detail"
    "enter" = "focus.detail"
    "x" = "selection.toggle"
    "space" = "selection.toggle"
    "*" = "selection.all"
    "S" = "selection.suggested"
    "T" = "selection.pattern"
    "~" = "selection.invert"
    "esc" = "selection.clear"
    "r" = "email.resolve"
    "a" = "email.attach"
    "d d" = "email.dismiss"
    "D" = "email.delete"
    "u" = "email.undo"
    "z" = "detail.reader"
    "y" = "email.copy-id"
    "o" = "list.sort"
    "g x" = "email.open-link"
    "g o" = "email.open-in-productive"

    [detail]
    "j" = "detail.scroll-down"
    "down" = "detail.scroll-down"
    "k" = "detail.scroll-up"
    "up" = "detail.scroll-up"
    "ctrl-f" = "detail.page-down"
    "space" = "detail.page-down"
    "pgdn" = "detail.page-down"
    "ctrl-b" = "detail.page-up"
    "pgup" = "detail.page-up"
    "g g" = "detail.top"
    "G" = "detail.bottom"
    "h" = "focus.list"
    "q" = "focus.list"
    "esc" = "focus.list"
    # Next and previous email without leaving the detail pane.
    "J" = "cursor.down"
    "K" = "cursor.up"
    # Act on the email being read.
    "x" = "selection.toggle"
    "r" = "email.resolve"
    "a" = "email.attach"
    "d d" = "email.dismiss"
    "D" = "email.delete"
    "u" = "email.undo"
    "z" = "detail.reader"
    "y" = "email.copy-id"
    "g x" = "email.open-link"
    "g o" = "email.open-in-productive"
    "enter" = "detail.reader"

    [picker]
    "ctrl-n" = "picker.down"
    "down" = "picker.down"
    "ctrl-p" = "picker.up"
    "up" = "picker.up"
    "enter" = "picker.choose"
    "esc" = "picker.cancel"
    "ctrl-c" = "picker.cancel"
    "backspace" = "picker.delete-backward"

    [prompt]
    "enter" = "prompt.submit"
    "esc" = "prompt.cancel"
    "ctrl-c" = "prompt.cancel"
    "backspace" = "prompt.delete-backward"

    [confirm]
    "y" = "confirm.yes"
    "n" = "confirm.no"
    "esc" = "confirm.no"

    """##

    static let emacsText = ##"""
    # Intray's emacs keymap: ctrl-n/ctrl-p, alt-< and alt->, ctrl-v/alt-v pages, ctrl-s to
    # search, ctrl-g to back out of anything, `ctrl-x ctrl-c` to quit.
    #
    # Use it with `intray --keymap emacs`, or put `extends = "emacs"` at the top of
    # ~/.config/intray/keymap.toml and change what you like below it; see README.md.

    [global]
    "ctrl-x ctrl-c" = "app.quit"
    "?" = "app.help"
    "f1" = "app.help"
    "g" = "app.refresh"
    "ctrl-x 3" = "app.toggle-layout"
    "1" = "tab.unresolved"
    "2" = "tab.resolved"
    "3" = "tab.dismissed"
    "ctrl-x b" = "tab.next"
    "ctrl-s" = "search.start"
    "f" = "filter.start"
    "F" = "filter.clear"
    "M" = "app.messages"
    "=" = "filter.sender"
    "alt-n" = "search.next"
    "alt-p" = "search.previous"
    "ctrl-r" = "search.previous"

    [list]
    "ctrl-n" = "cursor.down"
    "down" = "cursor.down"
    "ctrl-p" = "cursor.up"
    "up" = "cursor.up"
    "alt-<" = "cursor.top"
    "home" = "cursor.top"
    "alt->" = "cursor.bottom"
    "end" = "cursor.bottom"
    "ctrl-v" = "cursor.page-down"
    "pgdn" = "cursor.page-down"
    "alt-v" = "cursor.page-up"
    "pgup" = "cursor.page-up"
    "alt-}" = "cursor.half-page-down"
    "alt-{" = "cursor.half-page-up"
    "enter" = "focus.detail"
    "ctrl-x o" = "focus.detail"
    "m" = "selection.toggle"
    "space" = "selection.toggle"
    "ctrl-x h" = "selection.all"
    "S" = "selection.suggested"
    "T" = "selection.pattern"
    "~" = "selection.invert"
    "U" = "selection.clear"
    "ctrl-g" = "selection.clear"
    "r" = "email.resolve"
    "a" = "email.attach"
    "d" = "email.dismiss"
    "D" = "email.delete"
    "ctrl-_" = "email.undo"
    "ctrl-x u" = "email.undo"
    "ctrl-x 1" = "detail.reader"
    "alt-w" = "email.copy-id"
    "o" = "list.sort"
    "L" = "email.open-link"
    "O" = "email.open-in-productive"

    [detail]
    "ctrl-n" = "detail.scroll-down"
    "down" = "detail.scroll-down"
    "ctrl-p" = "detail.scroll-up"
    "up" = "detail.scroll-up"
    "ctrl-v" = "detail.page-down"
    "space" = "detail.page-down"
    "pgdn" = "detail.page-down"
    "alt-v" = "detail.page-up"
    "pgup" = "detail.page-up"
    "alt-<" = "detail.top"
    "home" = "detail.top"
    "alt->" = "detail.bottom"
    "end" = "detail.bottom"
    "ctrl-g" = "focus.list"
    "ctrl-x o" = "focus.list"
    "q" = "focus.list"
    # Next and previous email without leaving the detail pane.
    "alt-ctrl-n" = "cursor.down"
    "alt-ctrl-p" = "cursor.up"
    # Act on the email being read.
    "m" = "selection.toggle"
    "r" = "email.resolve"
    "a" = "email.attach"
    "d" = "email.dismiss"
    "D" = "email.delete"
    "ctrl-_" = "email.undo"
    "ctrl-x u" = "email.undo"
    "ctrl-x 1" = "detail.reader"
    "alt-w" = "email.copy-id"
    "L" = "email.open-link"
    "O" = "email.open-in-productive"

    [picker]
    "ctrl-n" = "picker.down"
    "down" = "picker.down"
    "ctrl-p" = "picker.up"
    "up" = "picker.up"
    "enter" = "picker.choose"
    "ctrl-g" = "picker.cancel"
    "esc" = "picker.cancel"
    "backspace" = "picker.delete-backward"

    [prompt]
    "enter" = "prompt.submit"
    "ctrl-g" = "prompt.cancel"
    "esc" = "prompt.cancel"
    "backspace" = "prompt.delete-backward"

    [confirm]
    "y" = "confirm.yes"
    "n" = "confirm.no"
    "ctrl-g" = "confirm.no"
    "esc" = "confirm.no"

    """##
}
