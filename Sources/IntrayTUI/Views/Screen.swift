import IntrayCore
import MailText

/// The whole frame: a pure function of the state (plus clock, glyphs and keymap help) onto a canvas.
public enum Screen {
    /// What drawing learned that the store should know: the detail body's line count.
    public struct Feedback: Equatable, Sendable {
        public var emailID: String
        public var detailLineCount: Int
    }

    @discardableResult
    public static func render(_ state: AppState, on canvas: some Canvas, context: RenderContext, bodies: BodyCache) -> Feedback? {
        canvas.clear()
        let layout = state.layout
        if layout.isTooSmall {
            drawTooSmall(layout, on: canvas, glyphs: context.glyphs)
            return nil
        }
        TabsLine.draw(state, on: canvas, rect: layout.tabs, context: context)
        ListPane.draw(state, on: canvas, rect: layout.list, context: context)
        if layout.isSideBySide {
            for row in layout.list.row..<(layout.list.row + layout.list.height) {
                canvas.put(context.glyphs.vertical, row: row, column: layout.list.column + layout.list.width, role: .border)
            }
        }
        let lineCount = DetailPane.draw(state, on: canvas, rect: layout.detail, context: context, bodies: bodies)
        StatusBar.draw(state, on: canvas, rect: layout.status, context: context)
        if let picker = state.picker {
            PickerOverlay.draw(picker, state: state, on: canvas, context: context)
        } else if state.isHelpShown {
            HelpOverlay.draw(state, on: canvas, context: context)
        }
        guard let email = state.cursorEmail, let lineCount else { return nil }
        return Feedback(emailID: email.id, detailLineCount: lineCount)
    }

    static func drawTooSmall(_ layout: ScreenLayout, on canvas: some Canvas, glyphs: Glyphs) {
        let x = glyphs.times
        let message = "Terminal too small: need \(ScreenLayout.minimumColumns)\(x)\(ScreenLayout.minimumRows) (now \(layout.columns)\(x)\(layout.rows))"
        let lines = [message, "Resize the window, or press q to quit."]
        for (offset, line) in lines.enumerated() {
            let text = DisplayWidth.truncate(line, toWidth: layout.columns, ellipsis: "")
            let column = max((layout.columns - DisplayWidth.of(text)) / 2, 0)
            canvas.put(text, row: min(layout.rows / 2 + offset, layout.rows - 1), column: column, role: offset == 0 ? .statusError : .normal)
        }
    }
}
