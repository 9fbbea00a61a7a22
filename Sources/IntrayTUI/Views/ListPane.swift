import Foundation
import IntrayCore
import MailText

/// The inbox list: one row per email with unread and selection marks, date, sender, subject
/// and, for resolved mail, the deal. Only the rows in view are measured and drawn.
enum ListPane {
    struct Columns: Hashable {
        var date: Int
        var sender: Int
        var deal: Int
        var subject: Int
    }

    static func draw(_ state: AppState, on canvas: some Canvas, rect: Rect, context: RenderContext, lines: ListLines) {
        let tab = state.current
        let rows = state.visible.indices.dropFirst(state.listTop).prefix(rect.height)
        if state.visible.isEmpty {
            canvas.put(fitted(emptyMessage(state), width: rect.width - 2, ellipsis: context.glyphs.ellipsis), row: rect.row, column: rect.column + 2, role: .muted)
            return
        }
        // Rows are read in place, by index: copying each row in view costs more than drawing it.
        let indices = rows.map { state.visible[$0] }
        let today = DateLabel.parts(context.now, in: context.zone)
        let dates = indices.map { lines.dateLabel(tab.rows[$0].date, today: today, zone: context.zone) }
        let columns = layout(width: rect.width, dateWidth: dates.map(\.width).max() ?? 5, showDeal: indices.contains { tab.rows[$0].status == .resolved })
        let words = SearchHighlight.words(state)
        let searched = (marks + columns.date + 1)..<(marks + columns.date + 1 + columns.sender + 1 + columns.subject)
        for (offset, row) in rows.enumerated() {
            let line = drawRow(tab.rows[indices[offset]], isCursor: row == state.cursor, date: dates[offset].text, columns: columns, state: state, on: canvas, row: rect.row + offset, rect: rect, context: context, lines: lines)
            if !words.isEmpty { SearchHighlight.mark(words, in: line, row: rect.row + offset, origin: rect.column, within: searched, on: canvas) }
        }
    }

    /// Draws one email's line on screen row `row`; answers the line.
    private static func drawRow(
        _ email: EmailRow, isCursor: Bool, date: String, columns: Columns, state: AppState, on canvas: some Canvas, row: Int, rect: Rect, context: RenderContext, lines: ListLines
    ) -> String {
        let isSelected = state.selection.contains(email.id)
        let role: Role = isCursor ? (state.focus == .list ? .cursor : .cursorUnfocused) : isSelected ? .selected : email.unread ? .unread : .normal
        let shown = ListLines.Shown(
            id: email.id, sender: email.from?.displayName.nilIfEmpty ?? "(unknown sender)", subject: email.displaySubject, date: date,
            marks: lines.marks(unread: email.unread, new: state.newIDs.contains(email.id), selected: isSelected, suggested: isSuggested(email, state: state, lines: lines), glyphs: context.glyphs),
            columns: columns, deal: columns.deal > 0 ? dealText(email, state: state) : ""
        )
        let line = lines.line(for: shown) { render(shown, ellipsis: context.glyphs.ellipsis) }
        canvas.fill(row: row, column: rect.column, width: rect.width, role: role)
        canvas.put(line, row: row, column: rect.column, role: role)
        return line
    }

    /// The cells of the marks.
    static let marks = 5

    static func layout(width: Int, dateWidth: Int, showDeal: Bool) -> Columns {
        let sender = min(24, max(12, width / 5))
        let deal = showDeal ? min(24, max(10, width / 6)) : 0
        let gaps = 2 + (showDeal ? 1 : 0)
        let subject = max(width - marks - dateWidth - sender - deal - gaps, 1)
        return Columns(date: dateWidth, sender: sender, deal: deal, subject: subject)
    }

    /// `EmailRow.hasSuggestion`, with each sender's deal kept in `lines`.
    static func isSuggested(_ email: EmailRow, state: AppState, lines: ListLines) -> Bool {
        email.status != .resolved && email.hasSuggestion(dealID: lines.suggestedDeal(for: email, in: state.suggestions))
    }

    static func render(_ shown: ListLines.Shown, ellipsis: String) -> String {
        let columns = shown.columns
        var line = shown.marks
        line += cell(shown.date, width: columns.date, ellipsis: ellipsis, alignRight: true) + " "
        line += cell(shown.sender, width: columns.sender, ellipsis: ellipsis) + " "
        line += cell(shown.subject, width: columns.subject, ellipsis: ellipsis)
        if columns.deal > 0 {
            line += " " + cell(shown.deal, width: columns.deal, ellipsis: ellipsis)
        }
        return line
    }

    static func dealText(_ email: EmailRow, state: AppState) -> String {
        guard email.status == .resolved, let id = email.linkedID else { return "" }
        if let deal = state.deals[id] { return deal.name }
        return "#\(id)"
    }

    static func emptyMessage(_ state: AppState) -> String {
        let tab = state.current
        if !state.search.text.isEmpty && tab.count > 0 { return "No loaded email matches “\(TerminalText.sanitizeLine(state.search.text))”." }
        switch tab.load {
        case .notLoaded, .loading: return "Loading \(state.activeTab.title.lowercased()) emails…"
        case .failed(let error): return "Could not load: \(error.message)"
        case .loaded: return "No \(state.activeTab.title.lowercased()) emails. Inbox zero."
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
