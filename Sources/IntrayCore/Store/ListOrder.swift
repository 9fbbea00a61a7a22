import Foundation

/// How the list is sorted, kept for the session. The server sends newest first; another order
/// sorts what is listed, and rows listed later are merged into it.
public enum ListOrder: Sendable, Equatable, CaseIterable {
    case newestFirst
    case oldestFirst
    /// By sender's name (or address), ignoring case and diacritics; newest first within one.
    case bySender

    /// The order the sort key turns to next.
    public var next: ListOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    public var label: String {
        switch self {
        case .newestFirst: "newest first"
        case .oldestFirst: "oldest first"
        case .bySender: "by sender"
        }
    }

    /// Whether `a` comes before `b`; no two emails are equal, so the order is total.
    func precedes(_ a: EmailRow, _ b: EmailRow) -> Bool {
        var keys = SenderKeys()
        return precedes(a, b, keys: &keys)
    }

    /// The same, with the senders' sort keys kept in `keys` for the next comparisons.
    func precedes(_ a: EmailRow, _ b: EmailRow, keys: inout SenderKeys) -> Bool {
        switch self {
        case .newestFirst: return Self.newer(a, b)
        case .oldestFirst: return Self.newer(b, a)
        case .bySender:
            let (x, y) = (keys.of(a), keys.of(b))
            return x != y ? x < y : Self.newer(a, b)
        }
    }

    /// Sorts `rows`; each distinct sender is folded once.
    func sort(_ rows: inout [EmailRow]) {
        var keys = SenderKeys()
        rows.sort { precedes($0, $1, keys: &keys) }
    }

    /// Senders' sort keys by sender: a busy inbox hears from a few hundred people, so sorting
    /// or merging by sender folds each of them once, not once per comparison.
    struct SenderKeys {
        private var known: [Person?: String] = [:]

        mutating func of(_ row: EmailRow) -> String {
            if let key = known[row.from] { return key }
            let key = ListOrder.senderKey(row)
            known[row.from] = key
            return key
        }
    }

    /// Server order: `created_at` descending, then id descending.
    static func newer(_ a: EmailRow, _ b: EmailRow) -> Bool {
        if a.createdAt != b.createdAt { return a.createdAt > b.createdAt }
        if let x = Int(a.id), let y = Int(b.id) { return x > y }
        return a.id > b.id
    }

    /// A nameless sender sorts by address, and one without either last.
    static func senderKey(_ row: EmailRow) -> String {
        guard let text = row.from?.displayName else { return "\u{10FFFF}" }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

extension Reducer {
    /// Turns every tab to the next order; the cursor stays on its email.
    static func sortList(_ state: inout AppState) {
        let order = state.listOrder.next
        let cursorID = state.cursorRow?.id
        state.tabs.reduce(.sorted(order))
        recomputeVisible(&state, keepingCursorOn: cursorID)
        let stillListing = state.current.load.isLoading
        state.status = StatusMessage("Sorted \(order.label)" + (stillListing ? "; emails still being listed join in order." : "."))
    }
}
