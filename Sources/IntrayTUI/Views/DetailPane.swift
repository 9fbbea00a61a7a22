import Foundation
import IntrayCore
import MailText

/// The selected email: headers, its status, then the body wrapped to the pane and scrolled.
enum DetailPane {
    /// What drawing learned that the store should know.
    struct Drawn {
        /// The text's line count, so scrolling can stop at the end.
        var lineCount: Int
        /// The body's links by number; nil while the email is not loaded.
        var links: [String]?
    }

    /// Draws the pane. Headers wrap whole and scroll with the body, as in mutt's pager, so
    /// nothing is cut; the body's links are numbered and listed under it.
    @discardableResult
    static func draw(_ state: AppState, on canvas: some Canvas, rect: Rect, context: RenderContext, bodies: BodyCache) -> Drawn? {
        let g = context.glyphs
        let focused = state.focus == .detail
        let position = state.visible.isEmpty ? "" : " \(state.cursor + 1)/\(state.visible.count) "
        let dashes = rect.width - DisplayWidth.of(position) - 1
        // Where the position fits, the rule is exactly as wide as the pane: nothing to measure.
        let rule = dashes >= 0
            ? String(copies: g.horizontal, count: dashes) + position + g.horizontal
            : fitted(position + g.horizontal, width: rect.width, ellipsis: "")
        canvas.put(rule, row: rect.row, column: rect.column, role: focused ? .accent : .border)
        guard let email = state.cursorRow else { return nil }
        let height = rect.height - 1
        let whole = state.details.email(email.id)
        let loaded = whole.map { bodies.body(of: $0, width: max(rect.width - 2, 1), linksHeading: linksHeading(state, context: context)) }
        let body = loaded?.wrapped
            ?? WrappedText(TerminalText.sanitize(placeholder(state.details[email.id], glyphs: g)), width: max(rect.width - 2, 1))
        let headers = headerLines(email, whole: whole, state: state, context: context, width: rect.width)
        let lineCount = headers.count + 1 + body.lineCount
        let first = min(state.detailScroll, max(lineCount - 1, 0))
        if lineCount > height, height > 0 {
            let lines = " lines \(first + 1)–\(min(first + height, lineCount)) of \(lineCount) "
            canvas.put(lines, row: rect.row, column: rect.column + 1, role: focused ? .accent : .border)
        }
        let drawn = Drawn(lineCount: lineCount, links: loaded?.links)
        guard height > 0 else { return drawn }
        let shown = first..<min(first + height, lineCount)
        let bodyStart = headers.count + 1
        let firstBodyLine = max(shown.lowerBound - bodyStart, 0)
        let bodyLines = body.lines(firstBodyLine..<max(shown.upperBound - bodyStart, firstBodyLine))
        let words = SearchHighlight.words(state)
        for (offset, index) in shown.enumerated() {
            let row = rect.row + 1 + offset
            if index < headers.count {
                let header = headers[index]
                canvas.put(header.label, row: row, column: rect.column + 1, role: .muted)
                canvas.put(header.text, row: row, column: rect.column + labelWidth + 1, role: header.role)
            } else if index >= bodyStart {
                let line = bodyLines[index - bodyStart - firstBodyLine]
                canvas.put(line, row: row, column: rect.column + 1, role: .normal)
                if !words.isEmpty { SearchHighlight.mark(words, in: line, row: row, origin: rect.column + 1, within: 0..<rect.width, on: canvas) }
            }
        }
        return drawn
    }

    static let labelWidth = 9

    /// "Links (L opens one)", naming the key the keymap binds, or just "Links".
    static func linksHeading(_ state: AppState, context: RenderContext) -> String {
        let key = context.keys.name(.openLink, in: state.focus == .detail ? .detail : .list)
        return "Links" + (key.map { " (\($0) opens one)" } ?? "")
    }

    /// Subject, From, To (and Cc), Date and Status, each wrapped whole to the pane: one entry
    /// per line, the label on the first line of each header.
    static func headerLines(_ email: EmailRow, whole: Email?, state: AppState, context: RenderContext, width: Int) -> [(label: String, text: String, role: Role)] {
        let g = context.glyphs
        let valueWidth = max(width - labelWidth - 2, 1)
        var headers: [(String, String, Role)] = [
            ("Subject:", email.displaySubject, .header),
            ("From:", email.from?.fullDisplay.nilIfEmpty ?? "(unknown sender)", .normal),
            ("To:", whole.map(recipientsText) ?? g.ellipsis, .normal),
        ]
        if let cc = whole.map(ccText), !cc.isEmpty { headers.append(("Cc:", cc, .normal)) }
        headers += [
            ("Date:", DateLabel.long(email.date, zone: context.zone), .normal),
            ("Status:", statusText(email, state: state, context: context), .accent),
        ]
        var lines: [(label: String, text: String, role: Role)] = []
        for (label, value, role) in headers {
            let line = TerminalText.sanitizeLine(value)
            // No wider than its bytes, a line that short fits as it is.
            if line.utf8.count <= valueWidth {
                lines.append((label, line, role))
                continue
            }
            let wrapped = WrappedText(line, width: valueWidth)
            let wrappedLines = wrapped.lines(0..<wrapped.lineCount)
            for (index, line) in (wrappedLines.isEmpty ? [""] : wrappedLines).enumerated() {
                lines.append((index == 0 ? label : "", line, role))
            }
        }
        return lines
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
        return text.isEmpty ? "(none)" : text
    }

    static func ccText(_ email: Email) -> String {
        email.cc.map(\.fullDisplay).filter { !$0.isEmpty }.joined(separator: ", ")
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
