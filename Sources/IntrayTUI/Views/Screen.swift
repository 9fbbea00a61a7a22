import IntrayCore
import MailText

/// A cell that holds a spinner glyph.
public struct SpinnerCell: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var role: Role
}

extension Rect {
    func contains(_ cell: SpinnerCell) -> Bool {
        contains(row: cell.row, column: cell.column)
    }
}

/// The whole frame: a pure function of the state (plus clock, glyphs and keymap help) onto a canvas.
public enum Screen {
    /// What drawing learned: the detail body's line count, which the store should know, and
    /// where spinners stand, so they can turn without drawing a frame.
    public struct Feedback: Equatable, Sendable {
        public var emailID: String?
        public var detailLineCount: Int?
        public var spinners: [SpinnerCell] = []
        /// Lines of the help or messages overlay when one is shown.
        public var overlayLineCount: Int?
        /// The links of email `emailID` by number, once it is loaded.
        public var links: [String]?

        /// What the store should be told about the links drawn, when it does not know them.
        public func linksLearned(by state: AppState) -> Action? {
            guard let emailID, let links, state.links.emailID != emailID || state.links.addresses != links else { return nil }
            return .linksShown(emailID: emailID, links: links)
        }
    }

    @discardableResult
    public static func render(_ state: AppState, on canvas: some Canvas, context: RenderContext, bodies: BodyCache, lines: ListLines = ListLines()) -> Feedback {
        canvas.clear()
        let layout = state.layout
        if layout.isTooSmall {
            drawTooSmall(layout, on: canvas, context: context)
            return Feedback()
        }
        var spinners: [SpinnerCell] = []
        if let cell = TabsLine.draw(state, on: canvas, rect: layout.tabs, context: context) { spinners.append(cell) }
        ListPane.draw(state, on: canvas, rect: layout.list, context: context, lines: lines)
        if layout.isSideBySide {
            for row in layout.list.row..<(layout.list.row + layout.list.height) {
                canvas.put(context.glyphs.vertical, row: row, column: layout.list.column + layout.list.width, role: .border)
            }
        }
        let drawn = DetailPane.draw(state, on: canvas, rect: layout.detail, context: context, bodies: bodies)
        if let cell = StatusBar.draw(state, on: canvas, rect: layout.status, context: context) { spinners.append(cell) }
        if let picker = state.picker {
            PickerOverlay.draw(picker, state: state, on: canvas, context: context)
            spinners = spinners.filter { !Box.centered(width: PickerOverlay.width, height: PickerOverlay.height, in: layout).contains($0) }
        }
        var overlayLineCount: Int?
        if state.picker == nil, state.overlay?.content == .help {
            overlayLineCount = HelpOverlay.draw(state, on: canvas, context: context)
            spinners = []
        } else if state.picker == nil, state.overlay?.content == .messages {
            overlayLineCount = MessagesOverlay.draw(state, on: canvas, context: context)
            spinners = []
        }
        let email = state.cursorRow
        return Feedback(emailID: drawn == nil ? nil : email?.id, detailLineCount: email == nil ? nil : drawn?.lineCount, spinners: spinners, overlayLineCount: overlayLineCount, links: drawn?.links)
    }

    /// Turns the spinners drawn by the last frame, writing only their cells.
    public static func turn(_ spinners: [SpinnerCell], on canvas: some Canvas, context: RenderContext) {
        let glyph = context.glyphs.spinner[context.spinnerFrame % context.glyphs.spinner.count]
        for cell in spinners { canvas.put(glyph, row: cell.row, column: cell.column, role: cell.role) }
    }

    static func drawTooSmall(_ layout: ScreenLayout, on canvas: some Canvas, context: RenderContext) {
        let x = context.glyphs.times
        let message = "Terminal too small: need \(ScreenLayout.minimumColumns)\(x)\(ScreenLayout.minimumRows) (now \(layout.columns)\(x)\(layout.rows))"
        let quit = context.keys.name(.quit, in: .list).map { ", or press \($0) to quit" } ?? ""
        // Each sentence wraps to the width, so a narrow window still reads all of it.
        var lines: [(text: String, role: Role)] = []
        for (sentence, role) in [(message, Role.statusError), ("Resize the window\(quit).", .normal)] {
            let wrapped = WrappedText(sentence, width: max(layout.columns, 1))
            lines += wrapped.lines(0..<wrapped.lineCount).map { ($0, role) }
        }
        let top = max(min(layout.rows / 2, layout.rows - lines.count), 0)
        for (offset, line) in lines.prefix(max(layout.rows - top, 0)).enumerated() {
            let text = DisplayWidth.truncate(line.text, toWidth: layout.columns, ellipsis: "")
            let column = max((layout.columns - DisplayWidth.of(text)) / 2, 0)
            canvas.put(text, row: top + offset, column: column, role: line.role)
        }
    }
}
