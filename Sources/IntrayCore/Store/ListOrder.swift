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
        switch self {
        case .newestFirst: return Self.newer(a, b)
        case .oldestFirst: return Self.newer(b, a)
        case .bySender:
            let (x, y) = (Self.senderKey(a), Self.senderKey(b))
            return x != y ? x < y : Self.newer(a, b)
        }
    }

    /// Sorts `rows`; the sender of each is folded once per distinct sender.
    func sort(_ rows: inout [EmailRow]) {
        guard self == .bySender else {
            rows.sort(by: precedes)
            return
        }
        var keys: [Person?: String] = [:]
        var keyed = rows.map { row in
            if let known = keys[row.from] { return (known, row) }
            let key = Self.senderKey(row)
            keys[row.from] = key
            return (key, row)
        }
        keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : Self.newer($0.1, $1.1) }
        rows = keyed.map(\.1)
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
        state.listOrder = order
        let cursorID = state.cursorRow?.id
        for status in EmailStatus.allCases { state.tabs[status]?.sort(by: order) }
        recomputeVisible(&state, keepingCursorOn: cursorID)
        let stillListing = state.current.load.isLoading
        state.status = StatusMessage("Sorted \(order.label)" + (stillListing ? "; emails still being listed join in order." : "."))
    }
}
