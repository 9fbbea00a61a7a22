import Foundation
import Testing
@testable import IntrayCore

/// Failed actions are retried until they succeed or the server refuses them for certain; an
/// email whose last try may have landed is read before the next one.
@Suite struct RetryTests {
    static func error(_ kind: APIError.Kind) -> APIError { APIError(kind, message: "It failed.") }

    @Test(arguments: [
        (APIError.Kind.server(status: 502), ActionRetry.Decision.retry(after: .seconds(1), rereadFirst: true)),
        (.timeout, .retry(after: .seconds(1), rereadFirst: true)),
        (.connectionFailed, .retry(after: .seconds(1), rereadFirst: true)),
        (.malformed(location: "data"), .retry(after: .seconds(1), rereadFirst: true)),
        (.unexpectedStatus(408), .retry(after: .seconds(1), rereadFirst: true)),
        (.rateLimited(retryAfter: 3), .retry(after: .seconds(3), rereadFirst: false)),
        (.invalid(detail: "can't be blank", pointer: nil), .refused),
        (.forbidden, .refused),
        (.unexpectedStatus(409), .refused),
        (.notFound, .gone),
    ])
    func eachKindOfFailure(kind: APIError.Kind, decision: ActionRetry.Decision) {
        #expect(ActionRetry.decide(Self.error(kind), kind: .dismiss, attempt: 1) == decision)
    }

    @Test func aRepeatedDeleteThatFindsNothingIsDone() {
        #expect(ActionRetry.decide(Self.error(.notFound), kind: .delete, attempt: 2) == .done)
    }

    @Test func theWaitGrowsAndStaysAtHalfAMinute() {
        #expect((1...8).map { ActionRetry.delay(afterAttempt: $0) } == [1, 2, 4, 8, 15, 30, 30, 30].map { .seconds($0) })
    }

    @Test func aReadEmailSaysWhetherTheActionStillNeedsSending() {
        let email = Fixture.email(1)
        let dismiss = TriageRequest(id: 1, kind: .dismiss, email: EmailRow(email), from: .unresolved)
        #expect(ActionRetry.afterRereading(email, for: dismiss) == .send)
        var dismissed = email
        dismissed.dismissedAt = Fixture.base
        #expect(ActionRetry.afterRereading(dismissed, for: dismiss) == .alreadyDone)
        let attach = TriageRequest(id: 2, kind: .attach(Deal(id: "9", name: "Nine")), email: EmailRow(email), from: .unresolved)
        #expect(ActionRetry.afterRereading(Fixture.email(1, linkedID: "9"), for: attach) == .alreadyDone)
        #expect(ActionRetry.afterRereading(Fixture.email(1, linkedID: "4"), for: attach) == .movedElsewhere(.resolved))
        #expect(ActionRetry.afterRereading(nil, for: attach) == .gone)
        #expect(ActionRetry.afterRereading(nil, for: TriageRequest(id: 3, kind: .delete, email: EmailRow(email), from: .unresolved)) == .alreadyDone)
    }

    @Test func aFlakyServerNeedsNoUserTheActionWaitsThenGoesFirstAndIsReadBeforeItIsSent() throws {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        let id = state.onlyInFlightID
        let effects = Reducer.reduce(&state, .triageAnswered(actionID: id, .failure(Self.error(.server(status: 503)))))
        #expect(effects == [.scheduleRetry(actionID: id, after: .seconds(1))])
        #expect(state.visibleIDs == ["2", "1"], "still shown as done")
        #expect(state.retrying[id]?.rereadFirst == true && state.status?.kind != .error)

        let again = Reducer.reduce(&state, .retryDue(actionID: id))
        let resent = try #require(state.inFlight[id])
        #expect(again == [.send(resent)])
        #expect(resent.attempt == 2 && resent.rereadFirst)

        var answered = Fixture.email(3)
        answered.dismissedAt = Fixture.base
        let done = Reducer.reduce(&state, .triageAnswered(actionID: id, .success(answered)))
        #expect(done.contains(.journalForget([id])))
        #expect(state.refusals.isEmpty && state.retrying.isEmpty)
    }

    @Test func onlyADefiniteRefusalPutsTheEmailBackAndItIsRememberedForTheExit() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        let id = state.onlyInFlightID
        let refusal = APIError(.invalid(detail: "is locked", pointer: nil), message: "Productive refused it: the email is locked.")
        let effects = Reducer.reduce(&state, .triageAnswered(actionID: id, .failure(refusal)))
        #expect(effects.contains(.journalForget([id])))
        #expect(state.visibleIDs == ["3", "2", "1"])
        #expect(state.refusals.map(\.reason) == ["Productive refused it: the email is locked."])
    }

    @Test func quittingWaitsForRetriesAndNamesThemIfTheyNeverLand() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        let id = state.onlyInFlightID
        _ = Reducer.reduce(&state, .triageAnswered(actionID: id, .failure(Self.error(.timeout))))
        #expect(!Reducer.reduce(&state, .commandIssued(.quit)).contains(.exit))
        #expect(state.unconfirmed.map(\.id) == [id])
    }

    @Test func anEmailSomeoneElseHandledIsMovedWhereItIsAndThatIsNotAnError() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        let id = state.onlyInFlightID
        _ = Reducer.reduce(&state, .triageAnswered(actionID: id, .success(Fixture.email(3, linkedID: "77"))))
        #expect(state.status == StatusMessage("“Subject 3” was already resolved by someone else; it is in Resolved now."))
        #expect(state.tab(.dismissed).totalCount == nil || state.tab(.dismissed).totalCount == 0)
        #expect(state.refusals.isEmpty)
    }

    @Test func actionsAreJournaledBeforeTheyAreShownAndStruckWhenUndone() throws {
        var state = Fixture.loaded(Fixture.emails(1...3))
        state.undoWindow = .seconds(5)
        let effects = Reducer.reduce(&state, .commandIssued(.dismiss))
        let action = try #require(state.queued.values.first)
        #expect(effects.first == .journalRecord([action]))
        #expect(Reducer.reduce(&state, .commandIssued(.undo)).contains(.journalForget([action.id])))
    }
}

/// What the journal held at start: sent after a re-read, or reported and kept.
@Suite struct EarlierSessionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func entry(_ id: Int, _ kind: TriageRequest.Kind, daysAgo: Double = 0, own: Bool = true) -> EarlierSession.Entry {
        EarlierSession.Entry(action: TriageRequest(id: id, kind: kind, email: EmailRow(id: "\(id)", createdAt: now), from: .unresolved),
                             isOwnAccount: own, recordedAt: now.addingTimeInterval(-daysAgo * 86_400))
    }

    @Test func recentEntriesAreSentOldAndForeignOnesAreKeptAndReported() {
        let deal = Deal(id: "1005", name: "Acme intranet", number: "D-1005")
        let earlier = EarlierSession(entries: [
            entry(1, .dismiss), entry(2, .dismiss), entry(3, .attach(deal)), entry(4, .delete, daysAgo: 8), entry(5, .dismiss, own: false),
        ], heldByOthers: [EarlierSession.HeldEntries(pid: 4242, count: 12)], now: now)
        #expect(earlier.toSend.map(\.id) == [1, 2, 3])
        #expect(earlier.toSend.allSatisfy { $0.rereadFirst })
        #expect(earlier.summary == "3 actions from your last session were not confirmed: dismiss 2, attach 1 to Acme intranet (D-1005). Sending what has not taken effect; each email is read first. 2 unconfirmed actions are kept in the journal and not sent (1 older than a week, 1 for another server or organization). 12 unconfirmed actions belong to Intray process 4242, still running; it sends them.")
    }

    @Test func theyGoToTheOutboxAndAreNamedByIdUntilRead() throws {
        var state = Fixture.loaded(Fixture.emails(1...3))
        let earlier = EarlierSession(entries: [entry(1_000_000_000, .dismiss)], now: now)
        let effects = Reducer.reduce(&state, .earlierSessionFound(earlier))
        let sent = try #require(state.inFlight[1_000_000_000])
        #expect(effects == [.send(sent)])
        #expect(state.nextSerial > 1_000_000_000)
        _ = Reducer.reduce(&state, .triageAnswered(actionID: sent.id, .success(nil)))
        #expect(state.status == StatusMessage("From your last session: dismissed “email 1000000000”.", kind: .success))
        _ = Reducer.reduce(&state, .earlierSessionFound(EarlierSession(entries: [entry(1_000_000_001, .dismiss)], now: now)))
        _ = Reducer.reduce(&state, .triageAnswered(actionID: 1_000_000_001, .success(Fixture.email(1, dismissed: true))))
        #expect(state.status == StatusMessage("From your last session: dismissed “Subject 1”.", kind: .success), "named by subject once read")
    }
}
