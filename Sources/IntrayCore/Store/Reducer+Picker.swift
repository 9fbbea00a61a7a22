import Foundation

/// The deal picker opened by `attach` (or by `resolve` without a suggestion).
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

    public init(emailIDs: Set<String>, count: Int, onlyEmail: EmailRow? = nil) {
        self.emailIDs = emailIDs
        emailCount = count
        self.onlyEmail = onlyEmail
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
}


extension Reducer {
    static let dealSearchDebounce: Duration = .milliseconds(250)

    static func openPicker(_ state: inout AppState) -> [Effect] {
        let ids = state.targetIDs
        let count = state.targetCount
        guard count > 0 else {
            state.status = StatusMessage(noEmail(to: .attach), kind: .error)
            return []
        }
        return openPicker(for: ids, count: count, state: &state)
    }

    /// Opens the picker for `count` listed emails among `ids`.
    static func openPicker(for ids: Set<String>, count: Int, state: inout AppState) -> [Effect] {
        // One deal suggested for every email; past a few hundred emails none is named, so
        // opening the picker never reads a large selection.
        let rows = count <= 200 ? ids.compactMap(state.current.row) : []
        var picker = DealPicker(emailIDs: ids, count: count, onlyEmail: rows.count == 1 ? rows[0] : nil)
        picker.searchTag = nextID(&state)
        let suggested = Set(rows.map { state.suggestions.dealID(for: $0.from) })
        if suggested.count == 1, let only = suggested.first { picker.suggestedID = only }
        picker.recentIDs = state.suggestions.recentDealIDs()
        state.picker = picker
        return [.searchDeals(query: "", tag: picker.searchTag, debounce: .zero)]
    }

    static func typeIntoPicker(_ text: String, state: inout AppState) -> [Effect] {
        state.picker?.query += text
        return searchAgain(&state)
    }

    private static func searchAgain(_ state: inout AppState) -> [Effect] {
        guard state.picker != nil else { return [] }
        let tag = nextID(&state)
        state.picker!.searchTag = tag
        state.picker!.isLoading = true
        state.picker!.choosesWhenAnswered = false
        state.picker!.error = nil
        return [.searchDeals(query: state.picker!.query, tag: tag, debounce: dealSearchDebounce)]
    }

    static func pick(_ command: Command, state: inout AppState) -> [Effect] {
        guard let picker = state.picker else { return [] }
        switch command {
        case .pickerDown, .cursorDown:
            state.picker!.cursor = min(picker.cursor + 1, max(picker.deals.count - 1, 0))
        case .pickerUp, .cursorUp:
            state.picker!.cursor = max(picker.cursor - 1, 0)
        case .pickerDeleteBackward:
            guard !picker.query.isEmpty else { return [] }
            state.picker!.query.removeLast()
            return searchAgain(&state)
        case .pickerChoose:
            if picker.isLoading && picker.error == nil {
                state.picker!.choosesWhenAnswered = true
                return []
            }
            return choose(state: &state)
        case .pickerCancel, .focusList, .promptCancel, .confirmNo:
            state.picker = nil
            state.status = StatusMessage("Nothing attached.")
            return [.cancelDealSearch]
        case .quit:
            return [.cancelDealSearch] + quit(&state)
        default:
            break
        }
        return []
    }

    /// Attaches the picker's emails to the highlighted deal of the typed query's results.
    private static func choose(state: inout AppState) -> [Effect] {
        guard let picker = state.picker else { return [] }
        guard let deal = picker.highlighted else {
            state.status = StatusMessage("No open deal matches “\(picker.query)”: nothing attached.", kind: .error)
            return []
        }
        state.picker = nil
        return [.cancelDealSearch] + carryOut(TriagePlan(.attach(deal), ids: picker.emailIDs, count: picker.emailCount), state: &state)
    }

    static func dealSearchAnswered(tag: Int, _ result: Result<[Deal], APIError>, state: inout AppState) -> [Effect] {
        guard var picker = state.picker, picker.searchTag == tag else { return [] }
        picker.isLoading = false
        switch result {
        case .success(let deals):
            let previous = picker.deals.indices.contains(picker.cursor) ? picker.deals[picker.cursor].id : nil
            picker.deals = picker.ordered(deals)
            picker.cursor = picker.choosesWhenAnswered ? 0 : previous.flatMap { id in deals.firstIndex { $0.id == id } } ?? 0
            picker.error = nil
            for deal in picker.deals { state.deals[deal.id] = deal }
        case .failure(let error):
            picker.error = error
            picker.choosesWhenAnswered = false
        }
        state.picker = picker
        if picker.choosesWhenAnswered {
            state.picker!.choosesWhenAnswered = false
            if picker.deals.isEmpty {
                state.status = StatusMessage("No open deal matches “\(picker.query)”: nothing attached.", kind: .error)
                return []
            }
            return choose(state: &state)
        }
        return []
    }
}
