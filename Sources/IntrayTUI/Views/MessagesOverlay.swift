import IntrayCore
import MailText

/// Every action Productive refused this session, then the last messages, newest first, each
/// wrapped whole: the status bar shows one line, here a long sentence reads to its end.
enum MessagesOverlay {
    static func lines(_ state: AppState, width: Int, keys: KeyNames) -> [(String, Role)] {
        var lines: [(String, Role)] = []
        func add(_ text: String, role: Role, indent: String = "") {
            let wrapped = WrappedText(TerminalText.sanitize(text), width: max(width - indent.count, 1))
            for line in wrapped.lines(0..<wrapped.lineCount) { lines.append((indent + line, role)) }
        }
        if !state.refusals.isEmpty {
            lines.append(("Refused by Productive (\(state.refusals.count)), each back where it was", .header))
            for refusal in state.refusals {
                let action = refusal.action
                add("\(Reducer.verb(action.kind)) “\(action.email.displaySubject)” (email \(action.email.id)): \(refusal.reason)", role: .statusError, indent: "  ")
            }
            lines.append(("", .normal))
        }
        lines.append(("Messages, newest first", .header))
        if state.history.isEmpty { lines.append(("  None yet.", .muted)) }
        for message in state.history.reversed() {
            add(StatusBar.text(of: message, keys: keys, in: .list), role: message.kind == .error ? .statusError : .normal, indent: "  ")
        }
        return lines
    }

    /// Answers how many lines there are, so the store can stop scrolling at their end.
    static func draw(_ state: AppState, on canvas: some Canvas, context: RenderContext) -> Int {
        let layout = state.layout
        let rect = Rect(row: 0, column: 0, height: layout.rows - 1, width: layout.columns)
        let all = lines(state, width: rect.width - 4, keys: context.keys)
        let height = rect.height - 2
        let top = min(state.overlay?.scroll ?? 0, max(all.count - height, 0))
        Box.draw(title: HelpOverlay.title("Messages", closedBy: .messages, context: context, top: top, height: height, count: all.count), rect: rect, on: canvas, glyphs: context.glyphs)
        for (offset, line) in all.dropFirst(top).prefix(height).enumerated() {
            canvas.put(fitted(line.0, width: rect.width - 4, ellipsis: context.glyphs.ellipsis), row: rect.row + 1 + offset, column: 2, role: line.1)
        }
        return all.count
    }
}
