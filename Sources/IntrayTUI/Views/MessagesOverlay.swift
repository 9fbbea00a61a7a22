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
        let all = lines(state, width: state.layout.columns - 4, keys: context.keys)
        return ScrollingOverlay.draw("Messages", closedBy: .messages, lines: all, state: state, on: canvas, context: context)
    }
}
