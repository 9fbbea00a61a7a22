import Foundation

/// The state machine: `reduce` applies an action to the state and returns the effects the
/// runtime must perform. No I/O, no clock, no randomness here.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = apply(action, to: &state)
        guard movesNothingShown(action) else { return effects + fetchDetails(&state) }
        return effects
    }

    /// Actions that touch neither the cursor, the list nor the kept emails, so the emails
    /// around the cursor need no second look (the clock read with every key, a layout or the
    /// links learned after a frame).
    static func movesNothingShown(_ action: Action) -> Bool {
        switch action {
        case .timePassed, .keySequencePending, .detailLaidOut, .overlayLaidOut, .linksShown: true
        default: false
        }
    }

    static func apply(_ action: Action, to state: inout AppState) -> [Effect] {
        switch action {
        case .pageLoaded, .tabPeeked, .dealsLoaded: state.hasHeardFromServer = true
        default: break
        }
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
            state.status = StatusMessage("\(keys) is not bound here.", kind: .error, hint: .init(.help, "for help"))
            return []
        case .terminalResized(let columns, let rows):
            state.terminalColumns = columns
            state.terminalRows = rows
            scrollListToCursor(&state)
            clampDetailScroll(&state)
            return []
        case .linksShown(let emailID, let links):
            return reduceLinks(.shown(links, of: emailID), state: &state)
        case .linkOpened(let address, let opening):
            return linkOpened(address, opening, state: &state)
        case .overlayLaidOut(let lineCount):
            let height = state.overlayHeight
            state.overlay?.reduce(.laidOut(lineCount: lineCount, height: height))
            return []
        case .clicked(let row, let column):
            return clicked(row: row, column: column, state: &state)
        case .wheelTurned(let row, let column, let notches):
            wheelTurned(row: row, column: column, notches: notches, state: &state)
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
        case .detailsListed(let page, let tag, let emails, let unanswered):
            state.details.listed(emails, unanswered: unanswered, from: page, tag: tag)
            return []
        case .pageFailed(let status, let generation, let error):
            return pageFailed(error, tab: status, generation: generation, state: &state)
        case .tabLoadFinished(let status, let generation):
            guard state.tabs.reduce(.listingFinished(status, generation: generation)) != .ignored else { return [] }
            listingEnded(status, state: &state)
            return []
        case .bodiesSearched(let tag, let matches, let pagesRead, let totalPages):
            return reduceSearch(.bodiesSearched(tag: tag, matches: matches, pagesRead: pagesRead, totalPages: totalPages), state: &state)
        case .bodySearchEnded(let tag, let error):
            return reduceSearch(.bodySearchEnded(tag: tag, error: error), state: &state)
        case .dealsLoaded(let deals):
            for deal in deals { state.deals[deal.id] = deal }
            return []
        case .dealSearchAnswered(let tag, let result):
            return dealSearchAnswered(tag: tag, result, state: &state)
        case .triageAnswered(let actionID, let result):
            return triageAnswered(actionID: actionID, result, state: &state)
        case .undoWindowElapsed(let batch):
            return reduceUndoQueue(.windowElapsed(batch: batch), state: &state)
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
        if state.search.isEditing || state.filter.editing != nil || state.selectionPattern != nil || state.links.typed != nil { return .prompt }
        if state.overlay != nil { return .detail }
        return state.focus == .detail ? .detail : .list
    }

    static func handle(_ command: Command, in state: inout AppState) -> [Effect] {
        moveOnFromLastMessage(&state)
        if state.confirmation != nil { return confirm(command, state: &state) }
        if state.picker != nil { return pick(command, state: &state) }
        if state.filter.editing != nil { return filterPrompt(command, state: &state) }
        if state.selectionPattern != nil { return selectionPrompt(command, state: &state) }
        if state.links.typed != nil { return linkPrompt(command, state: &state) }
        if state.search.isEditing { return prompt(command, state: &state) }
        if state.overlay != nil {
            overlayKey(command, state: &state)
            return []
        }
        // Nothing but the list can be seen, so nothing but quitting may happen.
        if state.layout.isTooSmall && command != .quit { return [] }
        if let reason = unavailable(command, in: state) {
            state.status = StatusMessage(reason, kind: .error)
            return []
        }

        switch command {
        case .quit: return quit(&state)
        case .help:
            state.overlay = Overlay(.help)
        case .messages:
            state.overlay = Overlay(.messages)
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
            state.focus = .list
            return reduceSearch(.promptOpened, state: &state)
        case .filter: return reduceFilter(.promptOpened, state: &state)
        case .clearFilter: return reduceFilter(.chosen(line: "", EmailFilter()), state: &state)
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
        case .selectSuggested: selectSuggested(&state)
        case .selectByPattern: reduceSelection(.patternOpened, state: &state)
        case .invertSelection: invertSelection(&state)
        case .clearSelection: reduceSelection(.cleared, state: &state)
        case .focusDetail:
            if state.cursorRow != nil { state.focus = .detail }
        case .focusList:
            state.focus = .list
            if state.isReading { endReading(&state) }
        case .copyID:
            guard let email = state.cursorRow else { break }
            state.status = StatusMessage("Email id \(email.id) sent to the clipboard, if the terminal allows OSC 52.")
            return [.copyToClipboard(email.id)]
        case .sortList: sortList(&state)
        case .openLink: return reduceLinks(.numberAsked, state: &state)
        case .openInProductive:
            guard let email = state.cursorRow, let web = state.emailWebAddress else { break }
            return [.openLink(web.address(of: email.id))]
        case .toggleReader:
            if state.isReading {
                endReading(&state)
            } else if state.cursorRow != nil {
                state.isReading = true
                state.focus = .detail
                clampDetailScroll(&state)
            }
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

    /// A message answers the key (or click) before; the next one moves on from it, and the key
    /// hints come back. Each stays readable in the messages overlay. Quitting keeps saying what
    /// it waits for.
    static func moveOnFromLastMessage(_ state: inout AppState) {
        state.pendingKeys = nil
        if !state.isQuitting { state.status = nil }
    }

    /// Back from reading on the whole screen to the panes, on the list.
    static func endReading(_ state: inout AppState) {
        state.isReading = false
        state.focus = .list
        scrollListToCursor(&state)
        clampDetailScroll(&state)
    }

    static func type(_ text: String, in state: inout AppState) -> [Effect] {
        if state.picker != nil { return typeIntoPicker(text, state: &state) }
        if state.selectionPattern != nil {
            reduceSelection(.patternTyped(text), state: &state)
            return []
        }
        if state.links.typed != nil { return reduceLinks(.textTyped(text), state: &state) }
        if state.filter.editing != nil { return reduceFilter(.textTyped(text), state: &state) }
        if state.search.isEditing { return reduceSearch(.textTyped(text), state: &state) }
        return []
    }

    /// Leaves once everything shown as done reached the server: what waits in the undo window
    /// is sent now, and the app stays until every answer is in. Asked again, it leaves at once;
    /// what is unconfirmed then stays in the journal and is named on exit.
    static func quit(_ state: inout AppState) -> [Effect] {
        if state.isQuitting { return [.exit] }
        state.isQuitting = true
        state.picker = nil
        state.confirmation = nil
        let committed = reduceUndoQueue(.leaving, state: &state)
        if state.inFlight.isEmpty && state.outbox.isEmpty && state.retrying.isEmpty { return committed + [.exit] }
        sayWhatQuittingWaitsFor(&state)
        return committed
    }

    /// "Quitting when Productive confirms “Invoice” and 2 more."
    static func sayWhatQuittingWaitsFor(_ state: inout AppState) {
        let waiting = (Array(state.inFlight.values) + Array(state.outbox.waiting) + Array(state.retrying.values)).sorted { $0.id < $1.id }
        guard let first = waiting.first else { return }
        let named = "“\(subjectLine(first))”"
        let what = switch waiting.count {
        case 1: named
        case 2: "\(named) and 1 more"
        default: "\(named) and \(RequestCost.grouped(waiting.count - 1)) more"
        }
        state.status = StatusMessage("Quitting when Productive confirms \(what).", hint: .init(.quit, "again to quit now"))
    }
}
