import Foundation

/// The deal picker opened by `attach` (or by `resolve` without a suggestion): a query, the open
/// deals that match it, and the emails to attach. A child of the store: it changes only its own
/// state and answers what the app must do (`Outcome`).
public struct DealPicker: Sendable, Equatable {
    public var query = ""
    public var deals: [Deal] = []
    public var cursor = 0
    /// True while the search for the typed query runs; `deals` then belong to an older query.
    public var isLoading = true
    /// Enter was pressed while searching: attach to the top result when the answer comes.
    public var choosesWhenAnswered = false
    /// Tags the latest search; answers with another tag are stale and ignored.
    public var searchTag = 0
    public var error: APIError?
    /// The emails to attach, by id, and how many of them were listed when the picker opened.
    public var emailIDs: Set<String>
    public var emailCount: Int
    /// The email to attach when there is only one, to name it.
    public var onlyEmail: EmailRow?
    /// The deal last used for the emails' sender, listed first and marked when it is found.
    public var suggestedID: String?
    /// Deals used lately, listed next, newest first.
    public var recentIDs: [String] = []

    static let searchDebounce: Duration = .milliseconds(250)

    public init(emailIDs: Set<String>, count: Int, onlyEmail: EmailRow? = nil) {
        self.emailIDs = emailIDs
        emailCount = count
        self.onlyEmail = onlyEmail
    }

    /// What happened in the picker. `tag` is a serial no other search or fetch has, for the
    /// search the action may start.
    enum Action: Sendable, Equatable {
        case queryTyped(String, tag: Int)
        case queryErased(tag: Int)
        case moved(by: Int)
        case chosen
        case cancelled
        case dealsAnswered(tag: Int, Result<[Deal], APIError>)
    }

    /// What the app must do after an action.
    enum Outcome: Sendable, Equatable {
        /// Search open deals after a pause; the answer comes back as `dealsAnswered` with `tag`.
        case search(query: String, tag: Int, debounce: Duration)
        /// The server named these deals: worth knowing by id elsewhere too.
        case found([Deal])
        /// The picker is done: carry out this plan.
        case attach(TriagePlan)
        /// Enter found no deal for the typed query; the picker stays open.
        case nothingMatches(query: String)
        /// The picker is done, and nothing is attached.
        case closed
    }

    mutating func reduce(_ action: Action) -> [Outcome] {
        switch action {
        case .queryTyped(let text, let tag):
            query += text
            return [searchAgain(tag: tag)]
        case .queryErased(let tag):
            guard !query.isEmpty else { return [] }
            query.removeLast()
            return [searchAgain(tag: tag)]
        case .moved(let rows):
            cursor = min(max(cursor + rows, 0), max(deals.count - 1, 0))
            return []
        case .chosen:
            if isLoading && error == nil {
                choosesWhenAnswered = true
                return []
            }
            return [choose()]
        case .cancelled:
            return [.closed]
        case .dealsAnswered(let tag, let result):
            guard tag == searchTag else { return [] }
            return answered(result)
        }
    }

    /// The server's answer in the picker's order: the suggested deal, then recent ones, then
    /// the rest as the server sorted them. Only deals the answer holds are listed.
    public func ordered(_ deals: [Deal]) -> [Deal] {
        let first = ([suggestedID].compactMap { $0 } + recentIDs)
        var rank: [String: Int] = [:]
        for (index, id) in first.enumerated() where rank[id] == nil { rank[id] = index }
        guard !rank.isEmpty else { return deals }
        let ranked = deals.enumerated().map { (rank[$0.element.id] ?? first.count + $0.offset, $0.element) }
        return ranked.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The deal Enter would attach to; none while a search runs, since the rows shown then
    /// answer an older query.
    public var highlighted: Deal? { !isLoading && deals.indices.contains(cursor) ? deals[cursor] : nil }

    private mutating func searchAgain(tag: Int) -> Outcome {
        searchTag = tag
        isLoading = true
        choosesWhenAnswered = false
        error = nil
        return .search(query: query, tag: tag, debounce: Self.searchDebounce)
    }

    private func choose() -> Outcome {
        guard let deal = highlighted else { return .nothingMatches(query: query) }
        return .attach(TriagePlan(.attach(deal), ids: emailIDs, count: emailCount))
    }

    private mutating func answered(_ result: Result<[Deal], APIError>) -> [Outcome] {
        isLoading = false
        var outcomes: [Outcome] = []
        switch result {
        case .success(let answer):
            let previous = deals.indices.contains(cursor) ? deals[cursor].id : nil
            deals = ordered(answer)
            cursor = choosesWhenAnswered ? 0 : previous.flatMap { id in deals.firstIndex { $0.id == id } } ?? 0
            error = nil
            outcomes.append(.found(deals))
        case .failure(let failure):
            error = failure
            choosesWhenAnswered = false
        }
        guard choosesWhenAnswered else { return outcomes }
        choosesWhenAnswered = false
        return outcomes + [choose()]
    }
}
