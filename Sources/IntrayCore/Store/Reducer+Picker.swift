import Foundation

extension Reducer {
    static let dealSearchDebounce: Duration = .milliseconds(250)

    static func openPicker(_ state: inout AppState) -> [Effect] {
        let targets = state.targetEmails
        guard !targets.isEmpty else {
            state.status = StatusMessage("No email to attach.", kind: .error)
            return []
        }
        return openPicker(for: targets.map(\.id), state: &state)
    }

    static func openPicker(for emailIDs: [String], state: inout AppState) -> [Effect] {
        var picker = DealPicker(emailIDs: emailIDs)
        picker.searchTag = nextSearchTag(&state)
        state.picker = picker
        return [.searchDeals(query: "", tag: picker.searchTag, debounce: .zero)]
    }

    static func typeIntoPicker(_ text: String, state: inout AppState) -> [Effect] {
        state.picker?.query += text
        return searchAgain(&state)
    }

    private static func searchAgain(_ state: inout AppState) -> [Effect] {
        guard var picker = state.picker else { return [] }
        picker.searchTag = nextSearchTag(&state)
        picker.isLoading = true
        picker.error = nil
        state.picker = picker
        return [.searchDeals(query: picker.query, tag: picker.searchTag, debounce: dealSearchDebounce)]
    }

    private static func nextSearchTag(_ state: inout AppState) -> Int {
        state.nextActionID += 1
        return state.nextActionID
    }

    static func pick(_ command: Command, state: inout AppState) -> [Effect] {
        guard var picker = state.picker else { return [] }
        switch command {
        case .pickerDown, .cursorDown:
            picker.cursor = min(picker.cursor + 1, max(picker.deals.count - 1, 0))
            state.picker = picker
        case .pickerUp, .cursorUp:
            picker.cursor = max(picker.cursor - 1, 0)
            state.picker = picker
        case .pickerDeleteBackward:
            guard !picker.query.isEmpty else { return [] }
            state.picker?.query.removeLast()
            return searchAgain(&state)
        case .pickerChoose:
            guard let deal = picker.highlighted else {
                state.status = StatusMessage(picker.isLoading ? "Deals are still loading." : "No deal to attach to.", kind: .error)
                return []
            }
            state.picker = nil
            let emails = picker.emailIDs.compactMap { id in state.current.index(of: id).map { state.current.emails[$0] } }
            return [.cancelDealSearch] + send(.attach(deal), for: emails, state: &state)
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

    static func dealSearchAnswered(tag: Int, _ result: Result<[Deal], APIError>, state: inout AppState) -> [Effect] {
        guard var picker = state.picker, picker.searchTag == tag else { return [] }
        picker.isLoading = false
        switch result {
        case .success(let deals):
            let previous = picker.highlighted?.id
            picker.deals = deals
            picker.cursor = previous.flatMap { id in deals.firstIndex { $0.id == id } } ?? 0
            picker.error = nil
            for deal in deals { state.deals[deal.id] = deal }
        case .failure(let error):
            picker.error = error
        }
        state.picker = picker
        return []
    }
}
