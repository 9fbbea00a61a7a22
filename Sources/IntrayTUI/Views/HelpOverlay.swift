import IntrayCore
import Keymaps
import MailText

/// Every binding of the active keymap, grouped by context, generated from the keymap itself.
enum HelpOverlay {
    static func lines(_ sections: [HelpSection], width: Int) -> [(String, Role)] {
        var lines: [(String, Role)] = []
        let keyWidth = min(max(sections.flatMap(\.rows).map { DisplayWidth.of($0.keys) }.max() ?? 8, 8), 24)
        for section in sections {
            if !lines.isEmpty { lines.append(("", .normal)) }
            lines.append((section.title, .header))
            for row in section.rows {
                lines.append(("  " + DisplayWidth.pad(DisplayWidth.truncate(row.keys, toWidth: keyWidth, ellipsis: "…"), toWidth: keyWidth) + "  " + row.summary, .normal))
            }
        }
        return lines
    }

    static func draw(_ state: AppState, on canvas: some Canvas, context: RenderContext) {
        let layout = state.layout
        let rect = Rect(row: 0, column: 0, height: layout.rows - 1, width: layout.columns)
        Box.draw(title: "Keys (\(context.helpKey) or q closes, j/k scroll)", rect: rect, on: canvas, glyphs: context.glyphs)
        let all = lines(context.help, width: rect.width - 4)
        let height = rect.height - 2
        let top = min(state.helpScroll, max(all.count - height, 0))
        for (offset, line) in all.dropFirst(top).prefix(height).enumerated() {
            canvas.put(fitted(line.0, width: rect.width - 4, ellipsis: context.glyphs.ellipsis), row: rect.row + 1 + offset, column: 2, role: line.1)
        }
    }
}
