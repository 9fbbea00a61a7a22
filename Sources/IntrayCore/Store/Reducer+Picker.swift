import Foundation

/// The app scoped to the deal picker: keys and answers become the picker's actions, and what
/// the picker answers becomes effects and messages.
extension Reducer {
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

    /// A key while the picker is open.
    static func pick(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .pickerDown, .cursorDown: return reducePicker(.moved(by: 1), state: &state)
        case .pickerUp, .cursorUp: return reducePicker(.moved(by: -1), state: &state)
        case .pickerDeleteBackward: return reducePicker(.queryErased(tag: state.nextSerial), state: &state)
        case .pickerChoose: return reducePicker(.chosen, state: &state)
        case .pickerCancel, .focusList, .promptCancel, .confirmNo: return reducePicker(.cancelled, state: &state)
        case .quit: return [.cancelDealSearch] + quit(&state)
        default: return []
        }
    }

    static func typeIntoPicker(_ text: String, state: inout AppState) -> [Effect] {
        reducePicker(.queryTyped(text, tag: state.nextSerial), state: &state)
    }

    static func dealSearchAnswered(tag: Int, _ result: Result<[Deal], APIError>, state: inout AppState) -> [Effect] {
        reducePicker(.dealsAnswered(tag: tag, result), state: &state)
    }

    /// Runs an action in the open picker and does what it answers.
    private static func reducePicker(_ action: DealPicker.Action, state: inout AppState) -> [Effect] {
        guard var picker = state.picker else { return [] }
        let outcomes = picker.reduce(action)
        state.picker = picker
        return outcomes.flatMap { outcome -> [Effect] in
            switch outcome {
            case .search(let query, let tag, let debounce):
                markUsed(serial: tag, &state)
                return [.searchDeals(query: query, tag: tag, debounce: debounce)]
            case .found(let deals):
                for deal in deals { state.deals[deal.id] = deal }
                return []
            case .attach(let plan):
                state.picker = nil
                return [.cancelDealSearch] + carryOut(plan, state: &state)
            case .nothingMatches(let query):
                state.status = StatusMessage("No open deal matches “\(query)”: nothing attached.", kind: .error)
                return []
            case .closed:
                state.picker = nil
                state.status = StatusMessage("Nothing attached.")
                return [.cancelDealSearch]
            }
        }
    }
}
