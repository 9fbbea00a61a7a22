import IntrayCore
import MailText

/// Help and the messages: lines in a box over the whole screen, scrolled by the store's
/// `Overlay`, with their keys and position in the title.
enum ScrollingOverlay {
    /// Answers how many lines there are, so the store can stop scrolling at their end.
    static func draw(_ name: String, closedBy opener: Command, lines all: [(String, Role)], state: AppState, on canvas: some Canvas, context: RenderContext) -> Int {
        let rect = Rect(row: 0, column: 0, height: state.layout.rows - 1, width: state.layout.columns)
        let height = rect.height - 2
        let top = min(state.overlay?.scroll ?? 0, max(all.count - height, 0))
        Box.draw(title: title(name, closedBy: opener, context: context, top: top, height: height, count: all.count), rect: rect, on: canvas, glyphs: context.glyphs)
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
