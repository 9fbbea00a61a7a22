import Foundation

/// The state machine: `reduce` applies an action to the state and returns the effects the
/// runtime must perform. No I/O, no clock, no randomness here.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = apply(action, to: &state)
        return effects + fetchDetails(&state)
    }

    static func apply(_ action: Action, to state: inout AppState) -> [Effect] {
        switch action {
        case .appStarted:
            return startLoadingEverything(&state)
        case .commandIssued(let command):
            return handle(command, in: &state)
        case .timePassed(let now):
            state.now = now
            return []
        case .textTyped(let text):
            return type(text, in: &state)
        case .keySequencePending(let display):
            state.pendingKeys = display
            return []
        case .keyUnbound(let keys):
            state.pendingKeys = nil
            state.status = StatusMessage("\(keys) is not bound here: press ? for help.", kind: .error)
            return []
        case .terminalResized(let columns, let rows):
            state.terminalColumns = columns
            state.terminalRows = rows
            scrollListToCursor(&state)
            clampDetailScroll(&state)
            return []
        case .detailLaidOut(let emailID, let lineCount):
            if state.cursorRow?.id == emailID {
                state.detailLineCount = lineCount
                clampDetailScroll(&state)
            }
            return []
        case .pageLoaded(let status, let generation, let page):
            return pageLoaded(page, into: status, generation: generation, state: &state)
        case .tabPeeked(let status, let page):
            return tabPeeked(page, status: status, state: &state)
        case .detailLoaded(let id, let tag, let result):
            detailLoaded(id: id, tag: tag, result, state: &state)
            return []
        case .pageFailed(let status, let generation, let error):
            return pageFailed(error, tab: status, generation: generation, state: &state)
        case .tabLoadFinished(let status, let generation):
            guard state.tab(status).generation == generation else { return [] }
            state.tabs[status]?.load = .loaded
            return []
        case .bodiesSearched(let tag, let matches, let pagesRead, let totalPages):
            bodiesSearched(tag: tag, matches: matches, pagesRead: pagesRead, totalPages: totalPages, state: &state)
            return []
        case .bodySearchEnded(let tag, let error):
            bodySearchEnded(tag: tag, error: error, state: &state)
            return []
        case .dealsLoaded(let deals):
            for deal in deals { state.deals[deal.id] = deal }
            return []
        case .dealSearchAnswered(let tag, let result):
            return dealSearchAnswered(tag: tag, result, state: &state)
        case .triageAnswered(let actionID, let result):
            return triageAnswered(actionID: actionID, result, state: &state)
        case .undoWindowElapsed(let batch):
            return commit(batch: batch, state: &state)
        case .pollDue:
            return pollDue(&state)
        case .polled(let status, let generation, let page):
            polled(page, status: status, generation: generation, state: &state)
            return []
        case .retryDue(let actionID):
            return retryDue(actionID: actionID, state: &state)
        case .noticed(let message):
            state.status = message
            return []
        case .earlierSessionFound(let earlier):
            return finish(earlier, state: &state)
        case .terminationRequested:
            return quit(&state)
        }
    }

    /// The keymap context the next key is read in.
    public static func keyContext(of state: AppState) -> KeyContext {
        if state.confirmation != nil { return .confirm }
        if state.picker != nil { return .picker }
        if state.search.isEditing || state.filter.editing != nil { return .prompt }
        if state.isHelpShown || state.isMessagesShown { return .detail }
        return state.focus == .detail ? .detail : .list
    }

    static func handle(_ command: Command, in state: inout AppState) -> [Effect] {
        state.pendingKeys = nil
        if state.confirmation != nil { return confirm(command, state: &state) }
        if state.picker != nil { return pick(command, state: &state) }
        if state.filter.editing != nil { return filterPrompt(command, state: &state) }
        if state.search.isEditing { return prompt(command, state: &state) }
        if state.isHelpShown { return help(command, state: &state) }
        if state.isMessagesShown { return messages(command, state: &state) }

        switch command {
        case .quit: return quit(&state)
        case .help:
            state.isHelpShown = true
            state.helpScroll = 0
        case .messages:
            state.isMessagesShown = true
            state.messagesScroll = 0
        case .refresh: return refresh(&state)
        case .toggleLayout:
            state.layoutMode = state.layout.isSideBySide ? .stacked : .sideBySide
            scrollListToCursor(&state)
        case .showUnresolved: return switchTab(to: .unresolved, state: &state)
        case .showResolved: return switchTab(to: .resolved, state: &state)
        case .showDismissed: return switchTab(to: .dismissed, state: &state)
        case .nextTab:
            let all = EmailStatus.allCases
            let next = all[(all.firstIndex(of: state.activeTab)! + 1) % all.count]
            return switchTab(to: next, state: &state)
        case .search:
            state.search.isEditing = true
            state.focus = .list
        case .filter:
            state.filter.editing = state.filter.applied
            state.filter.error = nil
        case .clearFilter:
            return applyFilter(line: "", EmailFilter(), state: &state)
        case .filterBySender:
            return filterBySender(&state)
        case .searchNext: moveCursor(&state, by: 1, wrapping: true)
        case .searchPrevious: moveCursor(&state, by: -1, wrapping: true)
        case .cursorDown: moveCursor(&state, by: 1)
        case .cursorUp: moveCursor(&state, by: -1)
        case .cursorTop: moveCursor(&state, to: 0)
        case .cursorBottom: moveCursor(&state, to: state.visible.count - 1)
        case .pageDown: moveCursor(&state, by: state.listHeight)
        case .pageUp: moveCursor(&state, by: -state.listHeight)
        case .halfPageDown: moveCursor(&state, by: max(state.listHeight / 2, 1))
        case .halfPageUp: moveCursor(&state, by: -max(state.listHeight / 2, 1))
        case .toggleSelection: toggleSelection(&state)
        case .selectAll: selectAll(&state)
        case .clearSelection:
            state.selection = []
            state.status = StatusMessage("Selection cleared.")
        case .focusDetail:
            if state.cursorRow != nil { state.focus = .detail }
        case .focusList: state.focus = .list
        case .resolve: return resolve(&state)
        case .attach: return openPicker(&state)
        case .dismiss: return dismiss(&state)
        case .delete: askToDelete(&state)
        case .undo: return undo(&state)
        case .scrollDown: scrollDetail(&state, by: 1)
        case .scrollUp: scrollDetail(&state, by: -1)
        case .scrollPageDown: scrollDetail(&state, by: max(state.detailBodyHeight - 1, 1))
        case .scrollPageUp: scrollDetail(&state, by: -max(state.detailBodyHeight - 1, 1))
        case .scrollTop: state.detailScroll = 0
        case .scrollBottom:
            state.detailScroll = Int.max
            clampDetailScroll(&state)
        case .pickerDown, .pickerUp, .pickerChoose, .pickerCancel, .pickerDeleteBackward,
             .promptSubmit, .promptCancel, .promptDeleteBackward, .confirmYes, .confirmNo:
            break
        }
        return []
    }

    static func help(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .cursorDown, .scrollDown: state.helpScroll += 1
        case .cursorUp, .scrollUp: state.helpScroll = max(state.helpScroll - 1, 0)
        case .pageDown, .scrollPageDown, .halfPageDown: state.helpScroll += max(state.layout.rows - 4, 1)
        case .pageUp, .scrollPageUp, .halfPageUp: state.helpScroll = max(state.helpScroll - max(state.layout.rows - 4, 1), 0)
        case .cursorTop, .scrollTop: state.helpScroll = 0
        default:
            state.isHelpShown = false
        }
        return []
    }

    /// Keys while the messages are shown: they scroll, anything else closes them.
    static func messages(_ command: Command, state: inout AppState) -> [Effect] {
        let page = max(state.layout.rows - 4, 1)
        switch command {
        case .cursorDown, .scrollDown: state.messagesScroll += 1
        case .cursorUp, .scrollUp: state.messagesScroll = max(state.messagesScroll - 1, 0)
        case .pageDown, .scrollPageDown, .halfPageDown: state.messagesScroll += page
        case .pageUp, .scrollPageUp, .halfPageUp: state.messagesScroll = max(state.messagesScroll - page, 0)
        case .cursorTop, .scrollTop: state.messagesScroll = 0
        default: state.isMessagesShown = false
        }
        return []
    }

    static func type(_ text: String, in state: inout AppState) -> [Effect] {
        if state.picker != nil { return typeIntoPicker(text, state: &state) }
        if state.filter.editing != nil {
            state.filter.editing! += text
            state.filter.error = nil
            return []
        }
        if state.search.isEditing {
            state.search.text += text
            return applySearch(&state, narrowing: true)
        }
        return []
    }

    /// Leaves once everything shown as done reached the server: what waits in the undo window
    /// is sent now, and the app stays until every answer is in.
    static func quit(_ state: inout AppState) -> [Effect] {
        state.isQuitting = true
        state.picker = nil
        state.confirmation = nil
        let waiting = Set(state.queued.values.map(\.batch)).sorted()
        let committed = waiting.flatMap { commit(batch: $0, state: &state) }
        if state.inFlight.isEmpty && state.outbox.isEmpty && state.retrying.isEmpty { return committed + [.exit] }
        let count = state.inFlight.count + state.outbox.count + state.retrying.count
        state.status = StatusMessage("Finishing \(RequestCost.grouped(count)) pending \(count == 1 ? "action" : "actions") before quitting…")
        return committed
    }
}
