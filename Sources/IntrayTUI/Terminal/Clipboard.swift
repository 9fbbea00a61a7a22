import Foundation

/// The terminal's clipboard through OSC 52, which terminals that allow it (xterm, kitty,
/// iTerm2, WezTerm, tmux with `set-clipboard on`) copy to the system clipboard, also over SSH.
/// Nothing answers, so the status bar shows what was sent as well.
enum Clipboard {
    static func sequence(copying text: String) -> String {
        "\u{1b}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
    }

    static func copy(_ text: String) {
        TerminalCanvas.send(Array(sequence(copying: text).utf8))
    }
}
