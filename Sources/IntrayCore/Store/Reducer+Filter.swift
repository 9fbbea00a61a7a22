import Foundation

/// The filter typed after `f`: people and creation dates, sent to the server for every tab,
/// so the tabs' counts are the filtered totals.
public struct FilterState: Sendable, Equatable {
    /// The line as applied, shown in the tabs line; empty when nothing is filtered.
    public var applied = ""
    /// What the applied line asks of `GET /emails`, the status left to each tab.
    public var filter = EmailFilter()
    /// The line being typed while the prompt is open.
    public var editing: String?
    /// Why the typed line cannot be used, shown on the line until it changes.
    public var error: String?

    public init() {}
}


extension Reducer {
    /// Keys while the filter line is open: Enter applies it (or says in one sentence why it
    /// cannot, sending nothing), Esc closes it, and Esc on an empty line clears the filter.
    static func filterPrompt(_ command: Command, state: inout AppState) -> [Effect] {
        guard let line = state.filter.editing else { return [] }
        switch command {
        case .promptSubmit:
            do {
                let filter = try FilterLine.parse(line, now: state.now, calendar: filterCalendar)
                state.filter.editing = nil
                return applyFilter(line: line, filter, state: &state)
            } catch {
                state.filter.error = error.description
            }
        case .promptCancel:
            state.filter.editing = nil
            state.filter.error = nil
            if line.trimmingCharacters(in: .whitespaces).isEmpty && !state.filter.applied.isEmpty {
                return applyFilter(line: "", EmailFilter(), state: &state)
            }
        case .promptDeleteBackward:
            if !line.isEmpty { state.filter.editing!.removeLast() }
            state.filter.error = nil
        case .quit:
            return quit(&state)
        default:
            break
        }
        return []
    }

    /// Dates in the filter line are days in UTC, as the API reads them.
    static var filterCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }

    /// Narrows every tab to the sender of the email under the cursor, keeping the dates.
    static func filterBySender(_ state: inout AppState) -> [Effect] {
        guard let row = state.cursorRow else {
            state.status = StatusMessage("No email to take the sender from.", kind: .error)
            return []
        }
        guard let id = row.creatorID else {
            state.status = StatusMessage("Productive did not say who sent this email as a person, so there is no sender to filter by.", kind: .error)
            return []
        }
        var filter = state.filter.filter
        filter.creatorIDs = [id]
        filter.senderOrRecipientIDs = []
        return applyFilter(line: FilterLine.text(for: filter), filter, state: &state)
    }

    /// Every tab is asked again with the filter: the one on screen is listed, the others
    /// counted, and listed when first shown.
    static func applyFilter(line: String, _ filter: EmailFilter, state: inout AppState) -> [Effect] {
        let trimmed = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard trimmed != state.filter.applied || filter != state.filter.filter else { return [] }
        state.filter.applied = trimmed
        state.filter.filter = filter
        reduceSelection(.listReplaced, state: &state)
        state.newIDs = []
        var effects = reduceSearch(.filterChanged, state: &state)
        for status in EmailStatus.allCases {
            state.tabs[status]!.reset()
            state.tabs[status]!.totalCount = nil
            state.tabs[status]!.generation += 1
            state.tabs[status]!.load = .notLoaded
        }
        recomputeVisible(&state, keepingCursorOn: nil)
        effects += startLoadingEverything(&state)
        state.status = StatusMessage(trimmed.isEmpty ? "Filter cleared: every email is listed." : "Filtered by \(trimmed).")
        return effects
    }
}
