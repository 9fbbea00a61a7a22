import Foundation

extension Reducer {
    /// Time to look for new mail in the tab on screen: page 1 of the emails created since the
    /// day of the newest one held (the API filters by date), in the background share of the
    /// rate limit. Nothing is asked while the tab is still being listed.
    static func pollDue(_ state: inout AppState) -> [Effect] {
        let tab = state.current
        // A filter ending before today can list no new mail.
        guard case .loaded = tab.load, !state.isQuitting, state.filter.filter.before == nil else { return [] }
        let newest = tab.rows.first?.createdAt ?? Date(timeIntervalSince1970: 0)
        let day = ProductiveDay.string(newest.addingTimeInterval(-86_400))
        let after = max(day, state.filter.filter.after ?? day)
        return [.pollTab(state.activeTab, after: after, generation: tab.generation, filter: state.filter.filter)]
    }

    /// New emails join the top of the list with a mark; the cursor stays on its email.
    static func polled(_ page: EmailPage, status: EmailStatus, generation: Int, state: inout AppState) {
        guard state.tab(status).generation == generation, case .loaded = state.tab(status).load else { return }
        let pending = pendingMoves(of: status, state)
        let fresh = page.emails.filter { !state.tab(status).contains($0.id) && !pending.departed.contains($0.id) && $0.status == status }
        guard !fresh.isEmpty else { return }
        let cursorID = status == state.activeTab ? state.cursorRow?.id : nil
        state.tabs.reduce(.arrived(fresh.map { state.sharedText.row(for: $0) }, in: status))
        guard status == state.activeTab else { return }
        recomputeVisible(&state, keepingCursorOn: cursorID)
        state.status = StatusMessage(fresh.count == 1 ? "1 new email." : "\(fresh.count) new emails.")
    }
}

/// `2025-07-24`: a day as `filter[before]` and `filter[after]` take it, in UTC.
public enum ProductiveDay {
    public static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var broken = tm()
        gmtime_r(&seconds, &broken)
        let month = Int(broken.tm_mon) + 1, day = Int(broken.tm_mday)
        return "\(Int(broken.tm_year) + 1900)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
