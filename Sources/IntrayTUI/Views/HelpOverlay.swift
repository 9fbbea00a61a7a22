import IntrayCore
import Keymaps
import MailText

/// Every binding of the active keymap, grouped by context, generated from the keymap itself,
/// then what the mouse does.
enum HelpOverlay {
    static func lines(_ sections: [HelpSection], width: Int, glyphs: Glyphs = .unicode, tracksMouse: Bool = false) -> [(String, Role)] {
        let keyWidth = min(max(sections.flatMap(\.rows).map { DisplayWidth.of($0.keys) }.max() ?? 8, 8), 24)
        var lines: [(String, Role)] = [("Marks in the list", .header)]
        for (mark, meaning) in [(glyphs.unread, "unread"), (glyphs.selected, "selected: the next action applies to every selected email"), (glyphs.new, "arrived while Intray was open"), (glyphs.suggested, "has a suggested deal: resolving attaches it there without asking")] {
            lines.append(("  " + DisplayWidth.pad(mark, toWidth: keyWidth) + "  " + meaning, .normal))
        }
        for section in sections {
            if !lines.isEmpty { lines.append(("", .normal)) }
            lines.append((section.title, .header))
            for row in section.rows {
                lines.append(("  " + DisplayWidth.pad(DisplayWidth.truncate(row.keys, toWidth: keyWidth, ellipsis: "…"), toWidth: keyWidth) + "  " + row.summary, .normal))
            }
        }
        lines.append(("", .normal))
        lines.append(("Mouse", .header))
        for (what, meaning) in tracksMouse ? mouseOn : mouseOff {
            lines.append(("  " + DisplayWidth.pad(what, toWidth: keyWidth) + "  " + meaning, .normal))
        }
        return lines
    }

    static let mouseOn = [
        ("click", "Move to the email, the pane or the tab clicked"),
        ("wheel", "Scroll what is under the pointer, \(Reducer.linesPerNotch) lines a notch"),
    ]

    static let mouseOff = [("off", "Set mouse = true in config.toml for clicks and the wheel")]

    /// Answers how many lines help has, so the store can stop scrolling at its end.
    static func draw(_ state: AppState, on canvas: some Canvas, context: RenderContext) -> Int {
        let all = lines(context.help, width: state.layout.columns - 4, glyphs: context.glyphs, tracksMouse: context.tracksMouse)
        return ScrollingOverlay.draw("Keys", closedBy: .help, lines: all, state: state, on: canvas, context: context)
    }
}
