import IntrayCore
import Keymaps
import MailText

/// Every binding of the active keymap, grouped by context, generated from the keymap itself.
enum HelpOverlay {
    static func lines(_ sections: [HelpSection], width: Int, glyphs: Glyphs = .unicode) -> [(String, Role)] {
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
        return lines
    }

    /// Answers how many lines help has, so the store can stop scrolling at its end.
    static func draw(_ state: AppState, on canvas: some Canvas, context: RenderContext) -> Int {
        let layout = state.layout
        let rect = Rect(row: 0, column: 0, height: layout.rows - 1, width: layout.columns)
        let all = lines(context.help, width: rect.width - 4, glyphs: context.glyphs)
        let height = rect.height - 2
        let top = min(state.overlay?.scroll ?? 0, max(all.count - height, 0))
        Box.draw(title: title("Keys", closedBy: .help, context: context, top: top, height: height, count: all.count), rect: rect, on: canvas, glyphs: context.glyphs)
        for (offset, line) in all.dropFirst(top).prefix(height).enumerated() {
            canvas.put(fitted(line.0, width: rect.width - 4, ellipsis: context.glyphs.ellipsis), row: rect.row + 1 + offset, column: 2, role: line.1)
        }
        return all.count
    }

    /// The title of a full-screen overlay: its keys from the keymap (help and the messages are
    /// read with the detail pane's keys), and which lines show when they do not all fit, e.g.
    /// `Keys (? or q closes, j/k scroll) · 1–21 of 95, more below`.
    static func title(_ name: String, closedBy opener: Command, context: RenderContext, top: Int, height: Int, count: Int) -> String {
        let keys = context.keys
        let fits = count <= height
        var parts: [String] = []
        let closers = [keys.name(opener, in: .detail), keys.name(.focusList, in: .detail)].compactMap { $0 }
        if !closers.isEmpty { parts.append(closers.joined(separator: " or ") + " closes") }
        if !fits, let down = keys.name(.scrollDown, in: .detail), let up = keys.name(.scrollUp, in: .detail) {
            parts.append("\(down)/\(up) scroll")
        }
        var title = parts.isEmpty ? name : "\(name) (\(parts.joined(separator: ", ")))"
        if !fits {
            title += " · \(top + 1)–\(min(top + height, count)) of \(count)" + (top + height < count ? ", more below" : "")
        }
        return title
    }
}
