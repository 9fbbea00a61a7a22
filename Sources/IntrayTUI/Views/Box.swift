import IntrayCore
import MailText

/// A framed, blanked rectangle for overlays (picker, help).
enum Box {
    static func draw(title: String, rect: Rect, on canvas: some Canvas, glyphs: Glyphs) {
        let ascii = glyphs.horizontal == "-"
        let (tl, tr, bl, br) = ascii ? ("+", "+", "+", "+") : ("┌", "┐", "└", "┘")
        let inner = max(rect.width - 2, 0)
        let titleText = DisplayWidth.truncate(" \(title) ", toWidth: max(inner - 2, 0), ellipsis: glyphs.ellipsis)
        let top = tl + glyphs.horizontal + titleText + String(repeating: glyphs.horizontal, count: max(inner - 1 - DisplayWidth.of(titleText), 0)) + tr
        canvas.put(top, row: rect.row, column: rect.column, role: .border)
        for row in (rect.row + 1)..<(rect.row + rect.height - 1) {
            canvas.fill(row: row, column: rect.column, width: rect.width, role: .normal)
            canvas.put(glyphs.vertical, row: row, column: rect.column, role: .border)
            canvas.put(glyphs.vertical, row: row, column: rect.column + rect.width - 1, role: .border)
        }
        canvas.put(bl + String(repeating: glyphs.horizontal, count: inner) + br, row: rect.row + rect.height - 1, column: rect.column, role: .border)
    }

    static func centered(width: Int, height: Int, in layout: ScreenLayout) -> Rect {
        let w = min(width, layout.columns - 2)
        let h = min(height, layout.rows - 2)
        return Rect(row: max((layout.rows - h) / 2, 0), column: max((layout.columns - w) / 2, 0), height: h, width: w)
    }
}
