import Foundation

extension Reducer {
    /// Plans past this many emails say what they cost in requests and ask before they start.
    static let bulkQuestionThreshold = 100

    static func dismiss(_ state: inout AppState) -> [Effect] {
        let count = state.targetCount
        // A tab lists the emails of its status only.
        let alreadyDismissed = state.selection.isEmpty ? state.cursorRow?.status == .dismissed : state.activeTab == .dismissed
        guard count > 0, !alreadyDismissed else {
            state.status = StatusMessage(count == 0 ? noEmail(to: .dismiss) : "Already dismissed.", kind: .error)
            return []
        }
        return carryOut(TriagePlan(.dismiss, ids: state.targetIDs, count: count), state: &state)
    }

    static func resolve(_ state: inout AppState) -> [Effect] {
        let targets = state.targetRows
        guard !targets.isEmpty else {
            state.status = StatusMessage(noEmail(to: .resolve), kind: .error)
            return []
        }
        var suggested: [String: TriageRequest.Kind] = [:]
        var unknown: [EmailRow] = []
        var linkedDealIDs: Set<String> = []
        for email in targets {
            if let dealID = state.suggestions.dealID(for: email.from) {
                guard email.linkedID != dealID else {
                    linkedDealIDs.insert(dealID)
                    continue
                }
                suggested[email.id] = .attach(state.deals[dealID] ?? Deal(id: dealID, name: "deal \(dealID)"))
            } else {
                unknown.append(email)
            }
        }
        if suggested.isEmpty, unknown.isEmpty, let dealID = linkedDealIDs.first {
            state.status = StatusMessage(linkedDealIDs.count == 1
                ? alreadyLinked(to: dealID, state)
                : "Already linked to their suggested deals: nothing to resolve.", kind: .error)
            return []
        }
        var effects = carryOut(TriagePlan(suggested), state: &state)
        if !unknown.isEmpty {
            effects += openPicker(for: Set(unknown.map(\.id)), count: unknown.count, state: &state)
            state.status = StatusMessage(unknown.count == 1
                ? "No deal used before for this sender: pick one."
                : "No deal used before for \(unknown.count) of these senders: pick one.")
        }
        return effects
    }

    /// Starts a plan, or asks first when it is large enough that its cost is worth saying.
    static func carryOut(_ plan: TriagePlan, state: inout AppState) -> [Effect] {
        guard plan.count > bulkQuestionThreshold else { return start(plan, state: &state) }
        let count = RequestCost.grouped(plan.count)
        state.confirmation = Confirmation(
            subject: .bulk(plan),
            question: "\(capitalizedVerb(plan)) \(count) emails? That is \(count) requests, \(RequestCost.sentence(for: plan.count))."
        )
        return []
    }

    /// Takes the emails out of the tab at once, as one batch. They go to the outbox when the
    /// undo window closes (at once when there is none), and are sent a few at a time from there.
    static func start(_ plan: TriagePlan, state: inout AppState) -> [Effect] {
        guard !plan.isEmpty else { return [] }
        let source = state.activeTab
        let cursorRow = state.cursor
        let batch = nextID(&state)
        guard case .took(let removed) = state.tabs.reduce(.taken(plan.ids, from: source)), let first = removed.first else { return [] }
        var actions: [TriageRequest] = []
        actions.reserveCapacity(removed.count)
        for email in removed {
            guard let kind = plan.kind(of: email.id) else { continue }
            let action = TriageRequest(id: nextID(&state), kind: kind, email: email, from: source, batch: batch)
            actions.append(action)
            if let destination = action.destination { adjustCount(destination, by: 1, state: &state) }
        }
        reduceSelection(.emailsTaken(plan.ids), state: &state)
        adjustCount(source, by: -removed.count, state: &state)
        recomputeVisible(&state, keepingCursorOn: nil)
        moveCursor(&state, to: cursorRow)
        state.detailScroll = 0

        let what = actions.count == 1 ? "“\(subjectLine(first))”" : "\(RequestCost.grouped(actions.count)) emails"
        state.status = StatusMessage(state.undoWindow > .zero ? shownSentence(actions, what: what) : progressSentence(actions, what: what))
        return [.journalRecord(actions)] + reduceUndoQueue(.planned(actions, batch: batch, undoWindow: state.undoWindow), state: &state)
    }

    static func triageAnswered(actionID: Int, _ result: Result<Email?, APIError>, state: inout AppState) -> [Effect] {
        guard let action = state.inFlight.removeValue(forKey: actionID) else { return [] }
        var effects: [Effect] = []
        switch result {
        case .success(let updated):
            effects.append(.journalForget([action.id]))
            if let updated {
                placeAnswered(updated, after: action, state: &state)
            }
            if case .attach(let deal) = action.kind, updated.map({ $0.linkedID == deal.id }) ?? true {
                state.suggestions.record(dealID: deal.id, sender: action.email.from, date: .distantFuture)
            }
            if let updated, updated.status != action.destination {
                state.status = StatusMessage("“\(subjectLine(action))” was already \(updated.status.title.lowercased()) by someone else; it is in \(updated.status.title) now.")
            } else if !hasFailureShowing(state) || state.inFlight.isEmpty {
                state.status = StatusMessage(doneSentence(action, answered: updated, remaining: remaining(like: action, state)), kind: .success)
            }
        case .failure(let error):
            effects += failed(action, error, state: &state)
        }
        effects += pump(&state)
        if state.isQuitting {
            if state.inFlight.isEmpty && state.outbox.isEmpty && state.retrying.isEmpty {
                effects.append(.exit)
            } else if !hasFailureShowing(state) {
                sayWhatQuittingWaitsFor(&state)
            }
        }
        return effects
    }

    /// A try failed: done after all, gone, refused, or worth another try after a pause.
    private static func failed(_ action: TriageRequest, _ error: APIError, state: inout AppState) -> [Effect] {
        switch ActionRetry.decide(error, kind: action.kind, attempt: action.attempt) {
        case .done:
            state.status = StatusMessage("“\(subjectLine(action))” was already deleted.", kind: .success)
            return [.journalForget([action.id])]
        case .gone:
            if let destination = action.destination { adjustCount(destination, by: -1, state: &state) }
            state.status = StatusMessage("“\(subjectLine(action))” no longer exists on the server.", kind: .error)
            return [.journalForget([action.id])]
        case .refused:
            rollBack([action], state: &state)
            state.refusals.append(Refusal(action: action, reason: error.message))
            state.status = StatusMessage("Could not \(verb(action.kind)) “\(subjectLine(action))”: \(error.message) It is back in \(action.from.title).", kind: .error)
            return [.journalForget([action.id])]
        case .retry(let delay, let rereadFirst):
            var waiting = action
            waiting.rereadFirst = waiting.rereadFirst || rereadFirst
            state.retrying[action.id] = waiting
            return [.scheduleRetry(actionID: action.id, after: delay)]
        }
    }

    /// Sends what an earlier session left unconfirmed, each email re-read first; its actions
    /// are already in the journal (adopted by this session) and have ids above this session's.
    static func finish(_ earlier: EarlierSession, state: inout AppState) -> [Effect] {
        guard !earlier.isEmpty else { return [] }
        state.status = StatusMessage(earlier.summary)
        guard !earlier.toSend.isEmpty else { return [] }
        let batch = nextID(&state)
        let actions = earlier.toSend.map { action in
            var action = action
            action.batch = batch
            return action
        }
        state.nextSerial = max(state.nextSerial, (actions.map(\.id).max() ?? 0) + 1)
        return reduceUndoQueue(.adopted(actions), state: &state)
    }

    /// Puts the email the server answered with into the tab its status now says.
    private static func placeAnswered(_ email: Email, after action: TriageRequest, state: inout AppState) {
        let destination = email.status
        if destination != action.destination {
            if let expected = action.destination { adjustCount(expected, by: -1, state: &state) }
            adjustCount(destination, by: 1, state: &state)
        }
        if email.status == .resolved { state.suggestions.learn(from: email) }
        let cursorID = state.cursorRow?.id
        if destination != action.from, case .took(let taken) = state.tabs.reduce(.taken([email.id], from: action.from)), !taken.isEmpty {
            reduceSelection(.emailsTaken([email.id]), state: &state)
            adjustCount(action.from, by: -1, state: &state)
        }
        // A tab never listed gets the email with its first page.
        if state.tab(destination).generation > 0 {
            state.tabs.reduce(.returned([state.sharedText.row(for: email)], to: destination))
        }
        recomputeVisible(&state, keepingCursorOn: cursorID)
    }

    /// Puts emails back in the tabs they were taken from, in one merge per tab; the cursor goes
    /// to the first of them when they return to the tab on screen.
    static func rollBack(_ actions: [TriageRequest], state: inout AppState) {
        // An earlier session's email is known by id only; the next listing shows it again.
        let actions = actions.filter { !$0.fromEarlierSession }
        guard let first = actions.first else { return }
        for status in EmailStatus.allCases {
            let returning = actions.filter { $0.from == status }
            guard !returning.isEmpty else { continue }
            adjustCount(status, by: returning.count, state: &state)
            state.tabs.reduce(.returned(returning.map(\.email), to: status))
        }
        for action in actions {
            if let destination = action.destination { adjustCount(destination, by: -1, state: &state) }
        }
        let cursorID = first.from == state.activeTab ? first.email.id : state.cursorRow?.id
        recomputeVisible(&state, keepingCursorOn: cursorID)
    }

    static func adjustCount(_ status: EmailStatus, by delta: Int, state: inout AppState) {
        state.tabs.reduce(.countChanged(status, by: delta))
    }

    static func nextID(_ state: inout AppState) -> Int {
        defer { state.nextSerial += 1 }
        return state.nextSerial
    }

    /// A child offered `state.nextSerial` as a tag used it for a search: no one else gets it.
    /// A child that starts nothing leaves it unused, so serials run as if it was never offered.
    static func markUsed(serial: Int, _ state: inout AppState) {
        state.nextSerial = max(state.nextSerial, serial + 1)
    }

    private static func hasFailureShowing(_ state: AppState) -> Bool { state.status?.kind == .error }

    private static func remaining(like action: TriageRequest, _ state: AppState) -> Int {
        state.inFlight.values.filter { $0.kind.sameVerb(as: action.kind) }.count
            + state.outbox.waiting.filter { $0.kind.sameVerb(as: action.kind) }.count
    }

    /// How messages name the email of an action: by subject, or by id for an action taken
    /// over from an earlier session whose email has not been read yet.
    static func subjectLine(_ action: TriageRequest) -> String {
        action.fromEarlierSession && action.email.subject == nil ? "email \(action.email.id)" : subjectLine(action.email)
    }

    static func subjectLine(_ email: EmailRow) -> String {
        let text = email.displaySubject.trimmingWhitespace()
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }

    public static func dealLabel(_ deal: Deal) -> String {
        if let number = deal.number, !number.isEmpty { return "\(deal.name) (\(number))" }
        return deal.name
    }

    public static func verb(_ kind: TriageRequest.Kind) -> String {
        switch kind {
        case .attach: "attach"
        case .dismiss: "dismiss"
        case .delete: "delete"
        }
    }

    private static func capitalizedVerb(_ plan: TriagePlan) -> String {
        guard let kind = plan.someKind else { return "" }
        if case .attach = kind { return plan.dealIDs.count == 1 ? "Attach" : "Resolve" }
        let word = verb(kind)
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// The deal of a batch when all its attach actions name one, for sentences.
    private static func commonDeal(_ actions: [TriageRequest]) -> Deal? {
        var found: Deal?
        for action in actions {
            guard case .attach(let deal) = action.kind else { return nil }
            if let found, found.id != deal.id { return nil }
            found = deal
        }
        return found
    }

    private static func shownSentence(_ actions: [TriageRequest], what: String) -> String {
        switch actions[0].kind {
        case .attach:
            if let deal = commonDeal(actions) { return "Attached \(what) to \(dealLabel(deal))." }
            return "Resolved \(what) with their suggested deals."
        case .dismiss: return sentence("Dismissed \(what)")
        case .delete: return sentence("Deleted \(what)")
        }
    }

    /// Ends a sentence with a period, unless a quoted subject already ends it: `Dismissed “Paid.”`.
    static func sentence(_ text: String) -> String {
        let last = text.hasSuffix("”") ? text.dropLast().last : text.last
        return last.map { ".!?…".contains($0) } == true ? text : text + "."
    }

    private static func progressSentence(_ actions: [TriageRequest], what: String) -> String {
        switch actions[0].kind {
        case .attach:
            if let deal = commonDeal(actions) { return "Attaching \(what) to \(dealLabel(deal))…" }
            return "Resolving \(what) with their suggested deals…"
        case .dismiss: return "Dismissing \(what)…"
        case .delete: return "Deleting \(what)…"
        }
    }

    private static func doneSentence(_ action: TriageRequest, answered: Email?, remaining: Int) -> String {
        let subject = action.fromEarlierSession ? answered.map { subjectLine(EmailRow($0)) } ?? subjectLine(action) : subjectLine(action)
        var base: String
        switch action.kind {
        case .attach(let deal): base = "Attached “\(subject)” to \(dealLabel(deal))."
        case .dismiss: base = sentence("Dismissed “\(subject)”")
        case .delete: base = sentence("Deleted “\(subject)”")
        }
        if action.fromEarlierSession { base = "From your last session: " + base.prefix(1).lowercased() + base.dropFirst() }
        return remaining > 0 ? "\(base) \(RequestCost.grouped(remaining)) more on the way…" : base
    }
}

extension TriageRequest.Kind {
    var dealID: String? {
        if case .attach(let deal) = self { return deal.id }
        return nil
    }

    func sameVerb(as other: TriageRequest.Kind) -> Bool {
        switch (self, other) {
        case (.attach, .attach), (.dismiss, .dismiss), (.delete, .delete): true
        default: false
        }
    }
}
