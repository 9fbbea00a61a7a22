import Foundation
import IntrayCore
import MailText

/// The selected email: headers, its status, then the body wrapped to the pane and scrolled.
enum DetailPane {
    /// Draws the pane; answers the body's line count so the store can stop scrolling at the end.
    @discardableResult
    static func draw(_ state: AppState, on canvas: some Canvas, rect: Rect, context: RenderContext, bodies: BodyCache) -> Int? {
        let g = context.glyphs
        let focused = state.focus == .detail
        let position = state.visible.isEmpty ? "" : " \(state.cursor + 1)/\(state.visible.count) "
        let rule = String(repeating: g.horizontal, count: max(rect.width - DisplayWidth.of(position) - 1, 0)) + position + g.horizontal
        canvas.put(fitted(rule, width: rect.width, ellipsis: ""), row: rect.row, column: rect.column, role: focused ? .accent : .border)
        guard let email = state.cursorRow else { return nil }
        let bodyTop = rect.row + DetailLayout.headerLines
        let bodyHeight = rect.row + rect.height - bodyTop
        let whole = state.details.email(email.id)
        let body = whole.map { bodies.body(of: $0, width: max(rect.width - 2, 1)) }
            ?? WrappedText(TerminalText.sanitize(placeholder(state.details[email.id], glyphs: g)), width: max(rect.width - 2, 1))
        if body.lineCount > bodyHeight, bodyHeight > 0 {
            let first = min(state.detailScroll, max(body.lineCount - 1, 0))
            let lines = " lines \(first + 1)–\(min(first + bodyHeight, body.lineCount)) of \(body.lineCount) "
            canvas.put(lines, row: rect.row, column: rect.column + 1, role: focused ? .accent : .border)
        }

        let labelWidth = 9
        let valueWidth = max(rect.width - labelWidth - 1, 1)
        let headers: [(String, String, Role)] = [
            ("Subject:", email.displaySubject, .header),
            ("From:", email.from?.fullDisplay.nilIfEmpty ?? "(unknown sender)", .normal),
            ("To:", whole.map(recipientsText) ?? g.ellipsis, .normal),
            ("Date:", DateLabel.long(email.date, zone: context.zone), .normal),
            ("Status:", statusText(email, state: state, context: context), .accent),
        ]
        for (offset, header) in headers.enumerated() where offset + 1 < rect.height {
            let row = rect.row + 1 + offset
            canvas.put(fitted(header.0, width: labelWidth, ellipsis: g.ellipsis), row: row, column: rect.column + 1, role: .muted)
            canvas.put(cell(header.1, width: valueWidth - 1, ellipsis: g.ellipsis), row: row, column: rect.column + labelWidth + 1, role: header.2)
        }

        guard bodyHeight > 0 else { return body.lineCount }
        let first = min(state.detailScroll, max(body.lineCount - 1, 0))
        let lines = body.lines(first..<min(first + bodyHeight, body.lineCount))
        for (offset, line) in lines.enumerated() {
            canvas.put(line, row: bodyTop + offset, column: rect.column + 1, role: .normal)
        }
        return body.lineCount
    }

    /// What the body says while the whole email is fetched, or why it could not be.
    static func placeholder(_ entry: EmailDetails.Entry?, glyphs: Glyphs) -> String {
        if case .failed(let error) = entry {
            return "Could not load this email: \(error.message) Move to it again to retry."
        }
        return "Loading the email\(glyphs.ellipsis)"
    }

    static func recipientsText(_ email: Email) -> String {
        var text = email.to.map(\.fullDisplay).filter { !$0.isEmpty }.joined(separator: ", ")
        if text.isEmpty && email.cc.isEmpty {
            text = email.participants.map(\.fullDisplay).filter { !$0.isEmpty }.joined(separator: ", ")
        }
        if text.isEmpty { text = "(none)" }
        let cc = email.cc.map(\.fullDisplay).filter { !$0.isEmpty }.joined(separator: ", ")
        return cc.isEmpty ? text : "\(text)   Cc: \(cc)"
    }

    static func statusText(_ email: EmailRow, state: AppState, context: RenderContext) -> String {
        switch email.status {
        case .unresolved:
            if let dealID = state.suggestions.dealID(for: email.from) {
                let name = state.deals[dealID].map(Reducer.dealLabel) ?? "deal #\(dealID)"
                return "Unresolved · suggested deal: \(name)"
            }
            return "Unresolved"
        case .resolved:
            let deal = email.linkedID.map { id in state.deals[id].map(Reducer.dealLabel) ?? "deal #\(id)" } ?? (email.linkedType ?? "a record")
            return "Resolved \(context.glyphs.arrow) \(deal)"
        case .dismissed:
            return "Dismissed \(email.dismissedAt.map { DateLabel.long($0, zone: context.zone) } ?? "")"
        }
    }
}
