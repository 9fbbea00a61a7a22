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

    public static let unicode = Glyphs(unread: "●", selected: "✓", ellipsis: "…", vertical: "│", horizontal: "─", arrow: "→", spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"])
    public static let ascii = Glyphs(unread: "*", selected: "+", ellipsis: "~", vertical: "|", horizontal: "-", arrow: "->", spinner: ["|", "/", "-", "\\"], times: "x")
}

/// What the views need besides the state: the clock, the glyphs and the keymap's help.
public struct RenderContext: Sendable {
    public var now: Date
    /// The time zone dates are shown in.
    var zone: DateLabel.Zone
    public var glyphs: Glyphs
    public var help: [HelpSection]
    /// The key that opens help, for the status bar hint (`?`).
    public var helpKey: String
    public var spinnerFrame: Int
    /// Shown in the status bar when there is nothing else to say, e.g. `r resolve  d dismiss`.
    public var hints: String
    /// The same for the detail pane.
    public var detailHints: String
    /// The key that undoes the last action, shown while one can be undone.
    public var undoKey: String?
    /// The filter line's keys in the active keymap, e.g. `Enter apply · Esc close`.
    var filterKeys = ""
    /// The config profile in use (`--profile`), shown at the right of the tabs line.
    public var profileName: String?

    init(now: Date, zone: DateLabel.Zone = .local, glyphs: Glyphs = .unicode, help: [HelpSection] = [], helpKey: String = "?", spinnerFrame: Int = 0, hints: String = "", detailHints: String = "", undoKey: String? = nil, profileName: String? = nil) {
        self.profileName = profileName
        self.now = now
        self.zone = zone
        self.glyphs = glyphs
        self.help = help
        self.helpKey = helpKey
        self.spinnerFrame = spinnerFrame
        self.hints = hints
        self.detailHints = detailHints
        self.undoKey = undoKey
    }

    /// `key word` for each command bound in `context`, joined by ` · `.
    static func keys(_ commands: [(Command, String)], in context: KeyContext, of keymap: Keymap) -> String {
        commands.compactMap { command, word in
            keymap.sequences(for: command, in: context).first.map { "\($0.description) \(word)" }
        }.joined(separator: " · ")
    }

    /// The keys of the triage actions in the active keymap, for the status bar.
    public static func hints(from keymap: Keymap, in context: KeyContext = .list) -> String {
        let actions: [(Command, String)] = context == .detail
            ? [(.scrollDown, "scroll"), (.cursorDown, "next"), (.resolve, "resolve"), (.attach, "attach"), (.dismiss, "dismiss"), (.delete, "delete"), (.focusList, "back")]
            : [(.resolve, "resolve"), (.attach, "attach"), (.dismiss, "dismiss"), (.delete, "delete"), (.toggleSelection, "select"), (.search, "search"), (.quit, "quit")]
        return actions.compactMap { command, word in
            keymap.sequences(for: command, in: context).first.map { "\($0.description) \(word)" }
        }.joined(separator: "  ")
    }
}
