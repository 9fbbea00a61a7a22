import Foundation
import Testing
@testable import IntrayCore

/// Bulk actions: one batch per key press, a question naming the cost when it is large, a few
/// requests at a time from the outbox, and a way to stop what is not yet sent.
@Suite struct BulkTests {
    func selectedAll(_ count: Int, undoWindow: Duration = .zero) -> AppState {
        var state = Fixture.loaded(Fixture.emails(1...count))
        state.undoWindow = undoWindow
        _ = Reducer.reduce(&state, .commandIssued(.selectAll))
        return state
    }

    @Test func theCostOfARequestRunIsSaidInTheUsersTerms() {
        #expect(RequestCost.sentence(for: 250) == "about 25 s at Productive's limit of 100 per 10 s")
        #expect(RequestCost.sentence(for: 60_000) == "about 7 h 7 min at Productive's limit of 4,000 per 30 min")
        #expect(RequestCost.seconds(for: 4_000) == 400)
        #expect(RequestCost.seconds(for: 4_001) == 1_800)
        #expect(RequestCost.grouped(60_000) == "60,000" && RequestCost.grouped(999) == "999")
    }

    @Test func aLargeBulkActionAsksFirstNamingWhatItCosts() throws {
        var state = selectedAll(250)
        #expect(Reducer.reduce(&state, .commandIssued(.dismiss)) == [])
        #expect(state.confirmation?.question == "Dismiss 250 emails? That is 250 requests, about 25 s at Productive's limit of 100 per 10 s.")
        #expect(state.visible.count == 250)
        _ = Reducer.reduce(&state, .commandIssued(.confirmNo))
        #expect(state.visible.count == 250 && state.selection.count == 250)
        #expect(state.status == StatusMessage("Nothing sent: every email is where it was."))
    }

    @Test func aQuestionCountsAndActsOnOnlyTheSelectedEmailsStillListed() throws {
        var state = selectedAll(250)
        _ = Reducer.reduce(&state, .commandIssued(.refresh))
        let generation = state.tab(.unresolved).generation
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: generation, Fixture.page(Fixture.emails(51...250))))
        #expect(state.selection.count == 250, "the selection still names the 50 the server no longer lists")

        _ = Reducer.reduce(&state, .commandIssued(.delete))
        #expect(state.confirmation?.question.hasPrefix("Delete 200 selected emails for good?") == true)
        _ = Reducer.reduce(&state, .commandIssued(.confirmYes))
        #expect(state.unconfirmed.count == 200)
        #expect(Set(state.unconfirmed.map(\.email.id)) == Set((51...250).map(String.init)))
    }

    @Test func whenTheNewListingEndsTheSelectionKeepsOnlyWhatItLists() {
        var state = selectedAll(250)
        _ = Reducer.reduce(&state, .commandIssued(.refresh))
        let generation = state.tab(.unresolved).generation
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: generation, Fixture.page(Fixture.emails(51...250))))
        #expect(state.targetCount == 200 && state.selection.count == 250)
        _ = Reducer.reduce(&state, .tabLoadFinished(.unresolved, generation: generation))
        #expect(state.selection.count == 200 && state.targetCount == 200 && !state.selected.mayNameUnlisted)
    }

    @Test func thePickerForALargeSelectionNamesHowManyAndAttachesThemAll() throws {
        var state = selectedAll(250)
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        let picker = try #require(state.picker)
        #expect(picker.emailCount == 250 && picker.onlyEmail == nil && picker.suggestedID == nil)
        let deal = Deal(id: "7", name: "Globex rollout")
        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: picker.searchTag, .success([deal])))
        _ = Reducer.reduce(&state, .commandIssued(.pickerChoose))
        #expect(state.confirmation?.question == "Attach 250 emails? That is 250 requests, about 25 s at Productive's limit of 100 per 10 s.")
        _ = Reducer.reduce(&state, .commandIssued(.confirmYes))
        #expect(state.unconfirmed.count == 250 && state.unconfirmed.allSatisfy { $0.kind == .attach(deal) })
    }

    @Test func aConfirmedBulkActionSendsAFewAtATimeFromTheOutbox() throws {
        var state = selectedAll(250)
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        let effects = Reducer.reduce(&state, .commandIssued(.confirmYes)).sansJournal
        #expect(effects.count == Outbox.concurrency)
        #expect(state.inFlight.count == Outbox.concurrency)
        #expect(state.outbox.count == 250 - Outbox.concurrency)
        #expect(state.visible.isEmpty && state.selection.isEmpty)

        let first = try #require(state.inFlight.keys.min())
        var answered = Fixture.email(250)
        answered.dismissedAt = Fixture.base
        let next = Reducer.reduce(&state, .triageAnswered(actionID: first, .success(answered))).sansJournal
        #expect(next.count == 1, "one answer lets one more go")
        #expect(state.inFlight.count == Outbox.concurrency)
    }

    @Test func undoStopsWhatIsNotYetSentAndPutsItBack() throws {
        var state = selectedAll(250)
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        _ = Reducer.reduce(&state, .commandIssued(.confirmYes))
        let effects = Reducer.reduce(&state, .commandIssued(.undo))
        #expect(!effects.contains { if case .send = $0 { true } else { false } })
        #expect(state.outbox.isEmpty)
        #expect(state.visible.count == 250 - Outbox.concurrency)
        #expect(state.tab(.unresolved).totalCount == 250 - Outbox.concurrency)
        #expect(state.status == StatusMessage("Stopped: 244 not yet sent are back in Unresolved; 6 already sent finish.", kind: .success))
    }

    @Test func bulkResolveIsOneBatchThatOneUndoTakesBack() throws {
        var state = Fixture.loaded([
            Fixture.email(3, from: "a@acme.example"), Fixture.email(2, from: "b@globex.example"), Fixture.email(1, from: "c@acme.example"),
        ])
        state.undoWindow = .seconds(5)
        _ = Reducer.reduce(&state, .tabPeeked(.resolved, Fixture.page([
            Fixture.email(10, from: "x@acme.example", linkedID: "1"), Fixture.email(11, from: "y@globex.example", linkedID: "2"),
        ])))
        _ = Reducer.reduce(&state, .commandIssued(.selectAll))
        let effects = Reducer.reduce(&state, .commandIssued(.resolve)).sansJournal
        #expect(Set(state.queued.values.map(\.batch)).count == 1)
        #expect(effects.count == 1)
        #expect(state.status == StatusMessage("Resolved 3 emails with their suggested deals."))
        _ = Reducer.reduce(&state, .commandIssued(.undo))
        #expect(state.queued.isEmpty && state.visibleIDs == ["3", "2", "1"])
    }

    @Test func undoPutsTheCursorOnTheEmailThatCameBack() {
        var state = Fixture.loaded(Fixture.emails(1...6))
        state.undoWindow = .seconds(5)
        for _ in 0..<3 { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        _ = Reducer.reduce(&state, .commandIssued(.cursorTop))
        _ = Reducer.reduce(&state, .commandIssued(.undo))
        #expect(state.cursorRow?.id == "3")
    }

    @Test func removingAndPuttingBackABatchKeepsTheTabInServerOrderAndIndexed() {
        var tab = InboxTab()
        let rows = Fixture.emails(1...1000).map(EmailRow.init)
        _ = tab.append(page: rows)
        let taken = tab.remove(ids: Set((1...1000).filter { $0 % 3 == 0 }.map(String.init)))
        #expect(taken.count == 333 && tab.count == 667)
        #expect(tab.index(of: "1000") == 0 && tab.index(of: "999") == nil)
        #expect(tab.ids == Set(tab.rows.map(\.id)))
        tab.insert(contentsOf: taken.reversed())
        #expect(tab.rows == rows)
        #expect(tab.rows.indices.allSatisfy { tab.index(of: tab.rows[$0].id) == $0 })
        #expect(tab.ids == Set(rows.map(\.id)))
    }

    @Test func selectingAllTakesWhatTheListShowsWhetherASearchNarrowsItOrNot() {
        let emails = Fixture.emails(1...6).map { email in
            var email = email
            if email.id == "2" || email.id == "5" { email.subject = "Angebot für Müller GmbH (\(email.id))" }
            return email
        }
        var state = Fixture.loaded(emails)
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("muller"))
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        _ = Reducer.reduce(&state, .commandIssued(.selectAll))
        #expect(state.selection == ["2", "5"])
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .commandIssued(.promptCancel))
        _ = Reducer.reduce(&state, .commandIssued(.selectAll))
        #expect(state.selection == Set((1...6).map(String.init)))
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        #expect(state.selection.count == 5 && state.current.ids.count == 6, "the selection's copy changes, the tab's does not")
    }

    @Test(arguments: [300, InboxTab.idsKeptFrom + 100])
    func theTabKnowsTheIdsItListsThroughEveryChange(count: Int) {
        var tab = InboxTab()
        tab.reset(expecting: count)
        let rows = Fixture.emails(1...count).map(EmailRow.init)
        _ = tab.append(page: Array(rows[0..<200]))
        _ = tab.append(page: Array(rows[150..<count]))
        #expect(tab.ids == Set(rows.map(\.id)))
        tab.remove(id: "7")
        tab.insert(Fixture.emails((count + 1)...(count + 1)).map(EmailRow.init)[0])
        tab.sort(by: .oldestFirst)
        #expect(tab.ids == Set(tab.rows.map(\.id)) && tab.ids.count == count && !tab.ids.contains("7"))
        tab.remove(ids: Set(rows[100..<200].map(\.id)))
        #expect(tab.ids == Set(tab.rows.map(\.id)) && tab.ids.count == count - 100)
        let staying = Set(tab.rows.prefix(10).map(\.id))
        tab.remove(ids: tab.ids.subtracting(staying))
        #expect(tab.ids == staying && tab.count == 10)
        tab.remove(ids: tab.ids)
        #expect(tab.ids.isEmpty && tab.rows.isEmpty)
        tab.insert(contentsOf: Array(rows[0..<10]))
        #expect(tab.ids == Set(rows[0..<10].map(\.id)))
        tab.reset()
        _ = tab.append(page: rows)
        #expect(tab.ids == Set(rows.map(\.id)), "a tab that grows large without being told keeps its ids from then on")
    }
}
