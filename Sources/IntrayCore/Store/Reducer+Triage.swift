import Foundation

extension Reducer {
    static func dismiss(_ state: inout AppState) -> [Effect] {
        let targets = state.targetEmails.filter { $0.status != .dismissed }
        guard !targets.isEmpty else {
            state.status = StatusMessage(state.targetEmails.isEmpty ? "No email to dismiss." : "Already dismissed.", kind: .error)
            return []
        }
        return send(.dismiss, for: targets, state: &state)
    }

    static func resolve(_ state: inout AppState) -> [Effect] {
        let targets = state.targetEmails
        guard !targets.isEmpty else {
            state.status = StatusMessage("No email to resolve.", kind: .error)
            return []
        }
        var suggested: [(Email, Deal)] = []
        var unknown: [Email] = []
        for email in targets {
            if let dealID = state.suggestions.dealID(for: email.from) {
                suggested.append((email, state.deals[dealID] ?? Deal(id: dealID, name: "deal \(dealID)")))
            } else {
                unknown.append(email)
            }
        }
        var effects: [Effect] = []
        for (email, deal) in suggested {
            effects += send(.attach(deal), for: [email], state: &state)
        }
        if !unknown.isEmpty {
            effects += openPicker(for: unknown.map(\.id), state: &state)
            state.status = StatusMessage(unknown.count == 1
                ? "No deal used before for this sender: pick one."
                : "No deal used before for \(unknown.count) of these senders: pick one.")
        } else if suggested.count == 1, let (email, deal) = suggested.first {
            state.status = StatusMessage("Resolving “\(subjectLine(email))” with \(dealLabel(deal))…")
        }
        return effects
    }

    static func askToDelete(_ state: inout AppState) {
        let targets = state.targetEmails
        guard let first = targets.first else {
            state.status = StatusMessage("No email to delete.", kind: .error)
            return
        }
        let question = targets.count == 1
            ? "Delete “\(subjectLine(first))” from \(first.from?.displayName ?? "unknown sender") for good?"
            : "Delete \(targets.count) selected emails for good?"
        state.confirmation = Confirmation(subject: .delete(emailIDs: targets.map(\.id)), question: question)
    }

    static func confirm(_ command: Command, state: inout AppState) -> [Effect] {
        guard let confirmation = state.confirmation else { return [] }
        switch command {
        case .confirmYes:
            state.confirmation = nil
            switch confirmation.subject {
            case .delete(let ids):
                let emails = ids.compactMap { id in state.current.index(of: id).map { state.current.emails[$0] } }
                return send(.delete, for: emails, state: &state)
            }
        case .confirmNo, .pickerCancel, .promptCancel, .focusList:
            state.confirmation = nil
            state.status = StatusMessage("Nothing deleted.")
        case .quit:
            return quit(&state)
        default:
            break
        }
        return []
    }

    /// Takes the emails out of the tab at once. They are sent, one request each, when the undo
    /// window closes (at once when there is none).
    static func send(_ kind: PendingAction.Kind, for emails: [Email], state: inout AppState) -> [Effect] {
        guard !emails.isEmpty else { return [] }
        let source = state.activeTab
        let cursorRow = state.cursor
        let batch = state.nextActionID
        state.nextActionID += 1
        var effects: [Effect] = []
        for email in emails {
            guard state.tabs[source]?.remove(id: email.id) != nil else { continue }
            let action = PendingAction(id: state.nextActionID, kind: kind, email: email, from: source, batch: batch)
            state.nextActionID += 1
            state.selection.remove(email.id)
            adjustCount(source, by: -1, state: &state)
            if let destination = action.destination { adjustCount(destination, by: 1, state: &state) }
            if state.undoWindow > .zero {
                state.queued[action.id] = action
            } else {
                state.inFlight[action.id] = action
                effects.append(.send(action))
            }
        }
        recomputeVisible(&state, keepingCursorOn: nil)
        moveCursor(&state, to: cursorRow)
        state.detailScroll = 0
        if state.undoWindow > .zero {
            state.status = StatusMessage(shownSentence(kind, count: emails.count, first: emails[0]))
            effects.append(.startUndoWindow(batch: batch, duration: state.undoWindow))
        } else {
            state.status = StatusMessage(progressSentence(kind, count: emails.count, first: emails[0]))
        }
        return effects
    }

    /// The undo window of a batch closed: send its actions.
    static func commit(batch: Int, state: inout AppState) -> [Effect] {
        let actions = state.queued.values.filter { $0.batch == batch }.sorted { $0.id < $1.id }
        var effects: [Effect] = []
        for action in actions {
            state.queued.removeValue(forKey: action.id)
            state.inFlight[action.id] = action
            effects.append(.send(action))
        }
        return effects
    }

    /// Takes back the latest batch still in its undo window; what was sent cannot be.
    static func undo(_ state: inout AppState) -> [Effect] {
        guard let batch = state.queued.values.map(\.batch).max() else {
            state.status = StatusMessage("Nothing to undo: actions already sent to Productive cannot be taken back.", kind: .error)
            return []
        }
        let actions = state.queued.values.filter { $0.batch == batch }.sorted { $0.id < $1.id }
        for action in actions {
            state.queued.removeValue(forKey: action.id)
            rollBack(action, state: &state)
        }
        if let first = actions.first {
            if let row = state.visible.firstIndex(where: { state.current.emails[$0].id == first.email.id }) {
                moveCursor(&state, to: row)
            }
            let what = actions.count == 1 ? "“\(subjectLine(first.email))” is" : "\(actions.count) emails are"
            state.status = StatusMessage("Undone: \(what) back in \(first.from.title).", kind: .success)
        }
        return [.cancelUndoWindow(batch: batch)]
    }

    static func triageAnswered(actionID: Int, _ result: Result<Email?, APIError>, state: inout AppState) -> [Effect] {
        guard let action = state.inFlight.removeValue(forKey: actionID) else { return [] }
        switch result {
        case .success(let updated):
            if let updated {
                placeAnswered(updated, after: action, state: &state)
            }
            if case .attach(let deal) = action.kind {
                state.suggestions.record(dealID: deal.id, sender: action.email.from, date: .distantFuture)
            }
            if !hasFailureShowing(state) || state.inFlight.isEmpty {
                state.status = StatusMessage(doneSentence(action, remaining: remaining(like: action, state)), kind: .success)
            }
        case .failure(let error) where error.kind == .notFound && action.kind == .delete:
            state.status = StatusMessage("“\(subjectLine(action.email))” was already deleted.", kind: .success)
        case .failure(let error) where error.kind == .notFound:
            if let destination = action.destination { adjustCount(destination, by: -1, state: &state) }
            state.status = StatusMessage("“\(subjectLine(action.email))” no longer exists on the server.", kind: .error)
        case .failure(let error):
            rollBack(action, state: &state)
            state.status = StatusMessage("Could not \(verb(action.kind)) “\(subjectLine(action.email))”: \(error.message) It is back in \(action.from.title).", kind: .error)
        }
        if state.isQuitting && state.inFlight.isEmpty { return [.exit] }
        return []
    }

    /// Puts the email the server answered with into the tab its status now says.
    private static func placeAnswered(_ email: Email, after action: PendingAction, state: inout AppState) {
        let destination = email.status
        if destination != action.destination {
            if let expected = action.destination { adjustCount(expected, by: -1, state: &state) }
            adjustCount(destination, by: 1, state: &state)
        }
        guard state.tab(destination).generation > 0 else { return }
        let cursorID = state.cursorEmail?.id
        state.tabs[destination]?.insert(email)
        if destination == state.activeTab { recomputeVisible(&state, keepingCursorOn: cursorID) }
        if email.status == .resolved { state.suggestions.learn(from: email) }
    }

    static func rollBack(_ action: PendingAction, state: inout AppState) {
        adjustCount(action.from, by: 1, state: &state)
        if let destination = action.destination { adjustCount(destination, by: -1, state: &state) }
        let cursorID = state.cursorEmail?.id
        state.tabs[action.from]?.insert(action.email)
        if action.from == state.activeTab { recomputeVisible(&state, keepingCursorOn: cursorID) }
    }

    static func adjustCount(_ status: EmailStatus, by delta: Int, state: inout AppState) {
        guard let count = state.tabs[status]?.totalCount else { return }
        state.tabs[status]?.totalCount = max(count + delta, 0)
    }

    private static func hasFailureShowing(_ state: AppState) -> Bool { state.status?.kind == .error }

    private static func remaining(like action: PendingAction, _ state: AppState) -> Int {
        state.inFlight.values.filter { $0.kind.sameVerb(as: action.kind) }.count
    }

    static func subjectLine(_ email: Email) -> String {
        let text = email.displaySubject.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }

    public static func dealLabel(_ deal: Deal) -> String {
        if let number = deal.number, !number.isEmpty { return "\(deal.name) (\(number))" }
        return deal.name
    }

    static func verb(_ kind: PendingAction.Kind) -> String {
        switch kind {
        case .attach: "attach"
        case .dismiss: "dismiss"
        case .delete: "delete"
        }
    }

    private static func shownSentence(_ kind: PendingAction.Kind, count: Int, first: Email) -> String {
        let what = count == 1 ? "“\(subjectLine(first))”" : "\(count) emails"
        switch kind {
        case .attach(let deal): return "Attached \(what) to \(dealLabel(deal))."
        case .dismiss: return "Dismissed \(what)."
        case .delete: return "Deleted \(what)."
        }
    }

    private static func progressSentence(_ kind: PendingAction.Kind, count: Int, first: Email) -> String {
        let what = count == 1 ? "“\(subjectLine(first))”" : "\(count) emails"
        switch kind {
        case .attach(let deal): return "Attaching \(what) to \(dealLabel(deal))…"
        case .dismiss: return "Dismissing \(what)…"
        case .delete: return "Deleting \(what)…"
        }
    }

    private static func doneSentence(_ action: PendingAction, remaining: Int) -> String {
        let base: String
        switch action.kind {
        case .attach(let deal): base = "Attached “\(subjectLine(action.email))” to \(dealLabel(deal))."
        case .dismiss: base = "Dismissed “\(subjectLine(action.email))”."
        case .delete: base = "Deleted “\(subjectLine(action.email))”."
        }
        return remaining > 0 ? "\(base) \(remaining) more on the way…" : base
    }
}

extension PendingAction.Kind {
    func sameVerb(as other: PendingAction.Kind) -> Bool {
        switch (self, other) {
        case (.attach, .attach), (.dismiss, .dismiss), (.delete, .delete): true
        default: false
        }
    }
}
