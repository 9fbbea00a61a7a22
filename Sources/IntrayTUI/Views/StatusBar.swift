import IntrayCore
import Keymaps
import MailText

/// The bottom line: the search prompt or a question when one is open, else the last result
/// or error on the left and what is running plus the help key on the right.
enum StatusBar {
    /// Answers where the spinner was drawn, if it was, so it can turn without a new frame.
    @discardableResult
    static func draw(_ state: AppState, on canvas: some Canvas, rect: Rect, context: RenderContext) -> SpinnerCell? {
        let g = context.glyphs
        if let line = state.filter.editing {
            let role: Role = state.filter.error == nil ? .status : .statusError
            canvas.fill(row: rect.row, column: rect.column, width: rect.width, role: role)
            let prompt = "filter: " + TerminalText.sanitizeLine(line)
            let names = context.keys.list([(.promptSubmit, "apply"), (.promptCancel, "close")], in: .prompt)
            let keys = names.isEmpty ? "" : " · " + names
            let note = state.filter.error.map { "  " + $0 } ?? "  after:DATE before:DATE from:ID to:ID with:ID" + keys
            let shown = tail(prompt, width: max(rect.width / 2, 16), ellipsis: g.ellipsis) + "▏"
            canvas.put(shown, row: rect.row, column: rect.column, role: role)
            let room = rect.width - DisplayWidth.of(shown)
            if room > 4 { canvas.put(cell(note, width: room, ellipsis: g.ellipsis), row: rect.row, column: rect.column + DisplayWidth.of(shown), role: role) }
            return nil
        }
        if let pattern = state.selectionPattern {
            let count = pattern.matchCount
            let matches = pattern.text.isEmpty ? "" : "(\(RequestCost.grouped(count)) \(count == 1 ? "match" : "matches"))"
            let keys = context.keys.list([(.promptSubmit, "select"), (.promptCancel, "cancel")], in: .prompt)
            drawPrompt("select: " + pattern.text, hint: [matches, keys].filter { !$0.isEmpty }.joined(separator: " · "), on: canvas, rect: rect, glyphs: g)
            return nil
        }
        if let typed = state.links.typed {
            let count = state.links.addresses.count
            let keys = context.keys.list([(.promptSubmit, "open"), (.promptCancel, "cancel")], in: .prompt)
            drawPrompt("open link (\(count == 1 ? "1" : "1-\(count)")): " + typed, hint: keys, on: canvas, rect: rect, glyphs: g)
            return nil
        }
        if state.search.isEditing {
            let keys = context.keys.list([(.promptSubmit, "keep"), (.promptCancel, "clear")], in: .prompt)
            drawPrompt("/" + state.search.text, hint: keys, on: canvas, rect: rect, glyphs: g)
            return nil
        }
        if let confirmation = state.confirmation {
            let answer = " " + answerKeys(context.keys) + " "
            let answerWidth = min(DisplayWidth.of(answer), rect.width)
            canvas.fill(row: rect.row, column: rect.column, width: rect.width, role: .statusError)
            canvas.put(" " + sentenceCell(confirmation.question, width: max(rect.width - answerWidth - 1, 0), ellipsis: g.ellipsis), row: rect.row, column: rect.column, role: .statusError)
            canvas.put(answer, row: rect.row, column: rect.column + rect.width - answerWidth, role: .statusError)
            return nil
        }

        var right: [String] = []
        if let keys = state.pendingKeys { right.append(keys) }
        let keyContext: KeyContext = state.focus == .detail ? .detail : .list
        if !state.queued.isEmpty, let undoKey = context.keys.name(.undo, in: keyContext) { right.append("\(undoKey) undo") }
        var sendingAt: Int?
        if !state.inFlight.isEmpty {
            sendingAt = right.count
            right.append("\(g.spinner[context.spinnerFrame % g.spinner.count]) \(RequestCost.grouped(state.inFlight.count + state.outbox.count)) sending")
        }
        if !state.retrying.isEmpty {
            right.append("retrying \(RequestCost.grouped(state.retrying.count)) \(state.retrying.count == 1 ? "action" : "actions")\(g.ellipsis)")
        }
        if state.isQuitting, let left = context.quitSecondsLeft { right.append("\(left) s left") }
        if !state.selection.isEmpty { right.append("\(RequestCost.grouped(state.selection.count)) selected") }
        // The picker is modal and its footer names its keys: the list's would type text there.
        let isPickerOpen = state.picker != nil
        if !isPickerOpen, let helpKey = context.keys.name(.help, in: keyContext) { right.append("\(helpKey) help") }
        let rightText = " " + right.joined(separator: "  ") + " "
        let rightWidth = DisplayWidth.of(rightText)

        let role: Role = switch state.status?.kind {
        case .error: .statusError
        case .success: .statusSuccess
        default: .status
        }
        canvas.fill(row: rect.row, column: rect.column, width: rect.width, role: .status)
        let leftWidth = max(rect.width - rightWidth, 0)
        if let status = state.status, leftWidth > 1 {
            canvas.fill(row: rect.row, column: rect.column, width: leftWidth, role: role)
            canvas.put(" " + sentenceCell(text(of: status, keys: context.keys, in: keyContext), width: leftWidth - 1, ellipsis: g.ellipsis), row: rect.row, column: rect.column, role: role)
        } else if state.status == nil, leftWidth > 1, !isPickerOpen {
            let hints = state.focus == .detail ? context.detailHints : context.hints
            var column = rect.column + 1
            for hint in wholeHints(hints, width: leftWidth - 1) {
                let role: Role = Reducer.unavailable(hint.command, in: state) == nil ? .status : .statusDisabled
                canvas.put(hint.text, row: rect.row, column: column, role: role)
                column += DisplayWidth.of(hint.text) + 2
            }
        }
        let rightColumn = rect.column + max(rect.width - rightWidth, 0)
        canvas.put(fitted(rightText, width: min(rightWidth, rect.width), ellipsis: g.ellipsis), row: rect.row, column: rightColumn, role: .status)
        guard let sendingAt, rightWidth <= rect.width else { return nil }
        let before = " " + right[..<sendingAt].map { $0 + "  " }.joined()
        return SpinnerCell(row: rect.row, column: rightColumn + DisplayWidth.of(before), role: .status)
    }

    /// A line being typed, its end kept in view, with its keys at the right while they fit.
    static func drawPrompt(_ typed: String, hint: String, on canvas: some Canvas, rect: Rect, glyphs: Glyphs) {
        canvas.fill(row: rect.row, column: rect.column, width: rect.width, role: .status)
        let hint = "  " + hint
        let shown = tail(TerminalText.sanitizeLine(typed), width: max(rect.width - DisplayWidth.of(hint) - 2, 8), ellipsis: glyphs.ellipsis)
        canvas.put(shown + "▏", row: rect.row, column: rect.column, role: .status)
        let hintColumn = rect.column + rect.width - DisplayWidth.of(hint)
        if hintColumn > DisplayWidth.of(shown) + 2 { canvas.put(hint, row: rect.row, column: hintColumn, role: .status) }
    }

    /// A message as shown: its sentence, then its key hint named from the keymap.
    static func text(of message: StatusMessage, keys: KeyNames, in context: KeyContext) -> String {
        message.text + keys.sentence(for: message.hint, in: context)
    }

    /// As many `key word` hints as fit whole: a hint cut short would name half a key.
    static func wholeHints(_ hints: [(command: Command, text: String)], width: Int) -> [(command: Command, text: String)] {
        var used = -2
        return Array(hints.prefix { hint in
            used += 2 + DisplayWidth.of(hint.text)
            return used <= width
        })
    }

    /// The keys that answer a question, e.g. `(y/n)`.
    static func answerKeys(_ keys: KeyNames) -> String {
        let yes = keys.name(.confirmYes, in: .confirm) ?? ""
        let no = keys.name(.confirmNo, in: .confirm) ?? ""
        return yes.isEmpty && no.isEmpty ? "" : "(\(yes)/\(no))"
    }
}
