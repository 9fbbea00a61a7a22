import Foundation

/// The search typed after `/`. While it is typed, it narrows the listed emails at once to
/// those whose sender or subject contain every word, ignoring case and diacritics. Enter keeps
/// it and also searches the bodies, which the list does not hold (`BodySearch`).
public struct SearchState: Sendable, Equatable {
    public var text = ""
    /// True while the prompt is open and keys go to it.
    public var isEditing = false
    /// The body search for `text`, started by Enter.
    public var bodies: BodySearch?

    public init(text: String = "", isEditing: Bool = false) {
        self.text = text
        self.isEditing = isEditing
    }
}

/// A search of the bodies of one tab: the server's pages of that tab are read again, the API's
/// largest at a time, and only the ids of emails whose body matches are kept.
public struct BodySearch: Sendable, Equatable {
    /// Tags this search; answers with another tag are stale and ignored.
    public var tag: Int
    public var status: EmailStatus
    public var matches: Set<String> = []
    public var pagesRead = 0
    public var totalPages: Int?
    public var isRunning = true
    public var error: APIError?

    public init(tag: Int, status: EmailStatus) {
        self.tag = tag
        self.status = status
    }
}


extension Reducer {
    static func prompt(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .promptSubmit:
            state.search.isEditing = false
            guard !state.search.text.isEmpty else { return [] }
            return startBodySearch(&state)
        case .promptCancel:
            let wasSearching = state.search.bodies != nil
            state.search = SearchState()
            state.status = nil
            return applySearch(&state) + (wasSearching ? [.cancelBodySearch] : [])
        case .promptDeleteBackward:
            guard !state.search.text.isEmpty else { return [] }
            state.search.text.removeLast()
            return applySearch(&state)
        case .quit:
            return quit(&state)
        default:
            return []
        }
    }

    /// The typed text changed: the list narrows by sender and subject at once, and a body
    /// search for the old text stops. Text typed at the end only narrows what is shown (each
    /// word still contains what it did), so only the rows shown are tested again.
    static func applySearch(_ state: inout AppState, narrowing: Bool = false) -> [Effect] {
        let stopped = state.search.bodies != nil
        state.search.bodies = nil
        if narrowing && !stopped {
            narrowVisible(&state)
        } else {
            recomputeVisible(&state, keepingCursorOn: state.cursorRow?.id)
        }
        state.detailScroll = 0
        return stopped ? [.cancelBodySearch] : []
    }

    static func startBodySearch(_ state: inout AppState) -> [Effect] {
        let tag = nextID(&state)
        state.search.bodies = BodySearch(tag: tag, status: state.activeTab)
        let count = state.visible.count
        state.status = StatusMessage("\(RequestCost.grouped(count)) \(count == 1 ? "email matches" : "emails match") “\(state.search.text)” by sender or subject; searching the bodies…")
        return [.searchBodies(state.activeTab, text: state.search.text, tag: tag, filter: state.filter.filter)]
    }

    /// Another tab is shown: a kept search searches its bodies instead.
    static func restartBodySearch(_ state: inout AppState) -> [Effect] {
        guard state.search.bodies != nil else { return [] }
        state.search.bodies = nil
        return [.cancelBodySearch] + startBodySearch(&state)
    }

    static func bodiesSearched(tag: Int, matches: [String], pagesRead: Int, totalPages: Int, state: inout AppState) {
        guard state.search.bodies?.tag == tag else { return }
        state.search.bodies!.pagesRead = pagesRead
        state.search.bodies!.totalPages = totalPages
        let fresh = matches.filter { !state.search.bodies!.matches.contains($0) }
        guard !fresh.isEmpty else { return }
        state.search.bodies!.matches.formUnion(fresh)
        if state.search.bodies!.status == state.activeTab {
            recomputeVisible(&state, keepingCursorOn: state.cursorRow?.id)
        }
    }

    static func bodySearchEnded(tag: Int, error: APIError?, state: inout AppState) {
        guard var search = state.search.bodies, search.tag == tag else { return }
        search.isRunning = false
        search.error = error
        state.search.bodies = search
        if let error {
            state.status = StatusMessage("Could not search the bodies: \(error.message) Sender and subject matches are shown.", kind: .error)
            return
        }
        let count = state.visible.count
        state.status = StatusMessage("\(RequestCost.grouped(count)) \(count == 1 ? "email matches" : "emails match") “\(state.search.text)” in sender, subject or body.")
    }
}
