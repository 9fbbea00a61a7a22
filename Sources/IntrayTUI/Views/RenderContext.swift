import Foundation
import IntrayCore
import Keymaps

/// Marks and rules, in Unicode or, for terminals whose locale is not UTF-8, in ASCII.
public struct Glyphs: Sendable {
    public var unread: String
    public var selected: String
    public var ellipsis: String
    public var vertical: String
    public var horizontal: String
    public var arrow: String
    public var spinner: [String]
    public var times = "×"
    /// Marks an email that arrived while the app was open.
    public var new = "+"
    /// Marks an email resolve would attach to its suggested deal without asking.
    public var suggested = "»"

    public static let unicode = Glyphs(unread: "●", selected: "✓", ellipsis: "…", vertical: "│", horizontal: "─", arrow: "→", spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])
    public static let ascii = Glyphs(unread: "*", selected: "+", ellipsis: "~", vertical: "|", horizontal: "-", arrow: "->", spinner: ["|", "/", "-", "\\"], times: "x", suggested: ">")
}

/// What the views need besides the state: the clock, the glyphs and the active keymap.
public struct RenderContext: Sendable {
    public var now: Date
    /// The time zone dates are shown in.
    let zone: DateLabel.Zone
    public var glyphs: Glyphs
    /// Every key named on screen comes from here.
    public let keys: KeyNames
    public let help: [HelpSection]
    /// Shown in the status bar when there is nothing else to say, e.g. `r resolve  d dismiss`:
    /// each command with its hint, so one that cannot run now can be dimmed.
    public let hints: [(command: Command, text: String)]
    /// The same for the detail pane.
    public let detailHints: [(command: Command, text: String)]
    public var spinnerFrame = 0
    /// While quitting waits for answers: whole seconds until it gives up and leaves.
    public var quitSecondsLeft: Int?
    /// The config profile in use (`--profile`), shown at the right of the tabs line.
    public var profileName: String?
    /// Whether clicks and the wheel work (`mouse = true`), for help to say.
    public var tracksMouse = false

    init(now: Date, zone: DateLabel.Zone = .local, glyphs: Glyphs = .unicode, keymap: Keymap, profileName: String? = nil) {
        self.now = now
        self.zone = zone
        self.glyphs = glyphs
        self.keys = KeyNames(keymap)
        self.help = keymap.helpSections()
        self.profileName = profileName
        hints = keys.hints([(.resolve, "resolve"), (.attach, "attach"), (.dismiss, "dismiss"), (.delete, "delete"), (.toggleSelection, "select"), (.search, "search"), (.quit, "quit")], in: .list)
        detailHints = keys.hints([(.scrollDown, "scroll"), (.cursorDown, "next"), (.resolve, "resolve"), (.attach, "attach"), (.dismiss, "dismiss"), (.delete, "delete"), (.focusList, "back"), (.openLink, "link")], in: .detail)
    }
}

/// The active keymap's names for commands. Views name keys only through this, so a hint can
/// only show a key that does what it says where it says it.
public struct KeyNames: Sendable {
    /// Named once: frames name keys in every hint.
    private let names: [KeyContext: [Command: String]]

    init(_ keymap: Keymap) {
        var names: [KeyContext: [Command: String]] = [:]
        for context in KeyContext.allCases {
            names[context] = keymap.firstSequences(in: context).mapValues(\.description)
        }
        self.names = names
    }

    /// The first key written for `command` in `context`, e.g. `?` or `ctrl-x ctrl-c`; nil when unbound.
    public func name(_ command: Command, in context: KeyContext) -> String? {
        names[context]?[command]
    }

    /// `key words` for each command bound in `context`; unbound ones are left out.
    func hints(_ commands: [(Command, String)], in context: KeyContext) -> [(command: Command, text: String)] {
        commands.compactMap { command, words in name(command, in: context).map { (command, "\($0) \(words)") } }
    }

    /// `key words` for each command bound in `context`, joined; unbound ones are left out.
    public func list(_ commands: [(Command, String)], in context: KeyContext, separator: String = " · ") -> String {
        hints(commands, in: context).map(\.text).joined(separator: separator)
    }

    /// "Press R to retry." for a status message's hint, or "" when the key is unbound.
    func sentence(for hint: StatusMessage.KeyHint?, in context: KeyContext) -> String {
        guard let hint, let key = name(hint.command, in: context) else { return "" }
        return " Press \(key) \(hint.purpose)."
    }
}
