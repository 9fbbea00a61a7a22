import IntrayCore
import MailText

/// The top line: the three tabs with their counts, the active search, a loading indicator
/// and the config profile in use.
enum TabsLine {
    /// Answers where the spinner was drawn, if it was, so it can turn without a new frame.
    @discardableResult
    static func draw(_ state: AppState, on canvas: some Canvas, rect: Rect, context: RenderContext) -> SpinnerCell? {
        canvas.fill(row: rect.row, column: rect.column, width: rect.width, role: .tab)
        var column = rect.column
        for title in TabTitle.all(state, in: rect) {
            let start = title.columns.lowerBound
            let role: Role = title.status == state.activeTab ? .activeTab : .tab
            canvas.put(fitted(title.text, width: min(title.columns.count, max(rect.width - start, 0)), ellipsis: context.glyphs.ellipsis), row: rect.row, column: start, role: role)
            canvas.put(context.glyphs.vertical, row: rect.row, column: title.columns.upperBound, role: .tab)
            column = title.columns.upperBound + 1
        }

        var right: [String] = []
        if !state.filter.applied.isEmpty {
            right.append("filter: " + TerminalText.sanitizeLine(state.filter.applied))
        }
        if !state.search.text.isEmpty {
            right.append("/" + TerminalText.sanitizeLine(state.search.text))
        }
        if state.listOrder != .newestFirst { right.append("sorted " + state.listOrder.label) }
        let loading = loadingLabel(state, context: context)
        if let loading { right.append(loading) }
        if let profile = context.profileName { right.append("profile " + TerminalText.sanitizeLine(profile)) }
        guard !right.isEmpty else { return nil }
        let available = rect.width - (column - rect.column) - 2
        guard available > 4 else { return nil }
        let text = DisplayWidth.truncate(right.joined(separator: "  "), toWidth: available, ellipsis: context.glyphs.ellipsis)
        let start = rect.column + rect.width - DisplayWidth.of(text) - 1
        canvas.put(text, row: rect.row, column: start, role: .tab)
        guard let loading, text.hasSuffix(loading) else { return nil }
        return SpinnerCell(row: rect.row, column: start + DisplayWidth.of(text) - DisplayWidth.of(loading), role: .tab)
    }

    static func loadingLabel(_ state: AppState, context: RenderContext) -> String? {
        let spinner = context.glyphs.spinner[context.spinnerFrame % context.glyphs.spinner.count]
        if let bodies = state.search.bodies, bodies.isRunning {
            let of = bodies.totalPages.map { " \(bodies.pagesRead)/\($0)" } ?? ""
            return "\(spinner) searching bodies\(of)"
        }
        if case .loading(let loaded, let total) = state.current.load {
            if let total, total > 1 { return "\(spinner) loading \(loaded)/\(total)" }
            return "\(spinner) loading"
        }
        if state.isLoadingAnything { return "\(spinner) loading" }
        return nil
    }
}
