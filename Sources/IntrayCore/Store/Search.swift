import Foundation

/// The search typed after `/`. While it is typed, it narrows the listed emails at once to
/// those whose sender or subject contain every word, ignoring case and diacritics. Enter keeps
/// it and also searches the bodies, which the list does not hold (`BodySearch`). A child of the
/// store: it changes only its own state and answers what the app must do (`Outcome`).
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

    /// What happened to the search. `tag` is a serial no other search or fetch has, for the
    /// body search the action may start.
    enum Action: Sendable, Equatable {
        case promptOpened
        case textTyped(String)
        case erased
        /// Enter, with `tab` on screen.
        case submitted(tab: EmailStatus, tag: Int)
        case cancelled
        /// Another tab is on screen.
        case tabShown(EmailStatus, tag: Int)
        /// The emails are listed again from the server, so body matches found so far are void.
        case filterChanged
        case bodiesSearched(tag: Int, matches: [String], pagesRead: Int, totalPages: Int)
        case bodySearchEnded(tag: Int, error: APIError?)
    }

    /// What the app must do after an action.
    enum Outcome: Sendable, Equatable {
        /// The text changed: list what matches it. When `narrowing`, text was added at the end
        /// and no body matches were dropped, so only the rows shown need testing again.
        case textChanged(narrowing: Bool)
        /// Stop the body search under way; its answers are stale now.
        case stopBodySearch
        /// Read every page of `tab` for the emails whose body matches `text`; answers carry `tag`.
        case searchBodies(EmailStatus, text: String, tag: Int)
        /// More emails of this tab match by body.
        case bodiesMatched(EmailStatus)
        /// The body search read its last page, or failed.
        case bodySearchEnded(error: APIError?)
    }

    mutating func reduce(_ action: Action) -> [Outcome] {
        switch action {
        case .promptOpened:
            isEditing = true
            return []
        case .textTyped(let typed):
            text += typed
            return textChanged(narrowing: true)
        case .erased:
            guard !text.isEmpty else { return [] }
            text.removeLast()
            return textChanged(narrowing: false)
        case .submitted(let tab, let tag):
            isEditing = false
            guard !text.isEmpty else { return [] }
            return [searchBodies(of: tab, tag: tag)]
        case .cancelled:
            text = ""
            isEditing = false
            return textChanged(narrowing: false)
        case .tabShown(let tab, let tag):
            guard bodies != nil else { return [] }
            return [.stopBodySearch, searchBodies(of: tab, tag: tag)]
        case .filterChanged:
            guard bodies != nil else { return [] }
            bodies = nil
            return [.stopBodySearch]
        case .bodiesSearched(let tag, let matches, let pagesRead, let totalPages):
            guard var search = bodies, search.tag == tag else { return [] }
            search.pagesRead = pagesRead
            search.totalPages = totalPages
            let fresh = matches.filter { !search.matches.contains($0) }
            search.matches.formUnion(fresh)
            bodies = search
            return fresh.isEmpty ? [] : [.bodiesMatched(search.status)]
        case .bodySearchEnded(let tag, let error):
            guard var search = bodies, search.tag == tag else { return [] }
            search.isRunning = false
            search.error = error
            bodies = search
            return [.bodySearchEnded(error: error)]
        }
    }

    /// A body search for older text no longer applies.
    private mutating func textChanged(narrowing: Bool) -> [Outcome] {
        let stopped = bodies != nil
        bodies = nil
        return [.textChanged(narrowing: narrowing && !stopped)] + (stopped ? [.stopBodySearch] : [])
    }

    private mutating func searchBodies(of tab: EmailStatus, tag: Int) -> Outcome {
        bodies = BodySearch(tag: tag, status: tab)
        return .searchBodies(tab, text: text, tag: tag)
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
