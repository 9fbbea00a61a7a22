import IntrayCore
import MailText

/// The top line: the three tabs with their counts, the active search, a loading indicator
/// and the config profile in use.
enum TabsLine {
    static func draw(_ state: AppState, on canvas: some Canvas, rect: Rect, context: RenderContext) {
        canvas.fill(row: rect.row, column: rect.column, width: rect.width, role: .tab)
        var column = rect.column
        for status in EmailStatus.allCases {
            let tab = state.tab(status)
            let count = tab.totalCount.map { " \($0)" } ?? ""
            let label = " \(status.rawValue) \(status.title)\(count) "
            let role: Role = status == state.activeTab ? .activeTab : .tab
            canvas.put(fitted(label, width: min(DisplayWidth.of(label), max(rect.width - column, 0)), ellipsis: context.glyphs.ellipsis), row: rect.row, column: column, role: role)
            column += DisplayWidth.of(label)
            canvas.put(context.glyphs.vertical, row: rect.row, column: column, role: .tab)
            column += 1
        }

        var right: [String] = []
        if !state.search.text.isEmpty {
            right.append("/" + TerminalText.sanitizeLine(state.search.text))
        }
        if let loading = loadingLabel(state, context: context) { right.append(loading) }
        if let profile = context.profileName { right.append("profile " + TerminalText.sanitizeLine(profile)) }
        guard !right.isEmpty else { return }
        let available = rect.width - (column - rect.column) - 2
        guard available > 4 else { return }
        let text = DisplayWidth.truncate(right.joined(separator: "  "), toWidth: available, ellipsis: context.glyphs.ellipsis)
        canvas.put(text, row: rect.row, column: rect.column + rect.width - DisplayWidth.of(text) - 1, role: .tab)
    }

    static func loadingLabel(_ state: AppState, context: RenderContext) -> String? {
        let spinner = context.glyphs.spinner[context.spinnerFrame % context.glyphs.spinner.count]
        if case .loading(let loaded, let total) = state.current.load {
            if let total, total > 1 { return "\(spinner) loading \(loaded)/\(total)" }
            return "\(spinner) loading"
        }
        if state.isLoadingAnything { return "\(spinner) loading" }
        return nil
    }
}
