import Foundation

extension Reducer {
    static let dealSearchDebounce: Duration = .milliseconds(250)

    static func openPicker(_ state: inout AppState) -> [Effect] {
        let targets = state.targetRows
        guard !targets.isEmpty else {
            state.status = StatusMessage("No email to attach.", kind: .error)
            return []
        }
        return openPicker(for: targets, state: &state)
    }

    static func openPicker(for emails: [EmailRow], state: inout AppState) -> [Effect] {
        var picker = DealPicker(emails: emails)
        picker.searchTag = nextID(&state)
        // One deal suggested for every email; past a few hundred emails none is named.
        if emails.count <= 200 {
            let suggested = Set(emails.map { state.suggestions.dealID(for: $0.from) })
            if suggested.count == 1, let only = suggested.first { picker.suggestedID = only }
        }
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
        return [.cancelDealSearch] + carryOut(TriagePlan(.attach(deal), picker.emails), state: &state)
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
