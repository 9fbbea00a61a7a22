import Foundation
import Testing
@testable import IntrayCore

/// `f` opens a filter line whose people and dates go to the server for every tab.
@Suite struct FilterLineStoreTests {
    static let now = Date(timeIntervalSince1970: 1_753_337_141) // 2025-07-24

    func typing(_ line: String, into state: inout AppState) {
        _ = Reducer.reduce(&state, .timePassed(now: Self.now))
        _ = Reducer.reduce(&state, .commandIssued(.filter))
        _ = Reducer.reduce(&state, .textTyped(line))
    }

    @Test func aFilterIsSentForEveryTabSoTheCountsAreTheFilteredTotals() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        typing("from:12 after:7d", into: &state)
        #expect(Reducer.keyContext(of: state) == .prompt)
        let effects = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        let filter = EmailFilter(creatorIDs: ["12"], after: "2025-07-17")
        #expect(effects == [
            .loadTab(.unresolved, generation: state.tab(.unresolved).generation, pageSize: state.pageSize, filter: filter),
            .peekTab(.resolved, pageSize: 200, filter: filter),
            .peekTab(.dismissed, pageSize: 1, filter: filter),
            .loadDeals,
        ])
        #expect(state.filter.applied == "from:12 after:7d" && state.filter.editing == nil)
        #expect(state.visible.isEmpty && state.tab(.unresolved).totalCount == nil)
        #expect(state.status == StatusMessage("Filtered by from:12 after:7d."))
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 1, Fixture.page(Fixture.emails(1...3))))
        #expect(state.visible.isEmpty, "a page for the unfiltered listing is ignored")
    }

    @Test func aSyntaxErrorIsOneSentenceOnTheLineAndNothingIsSent() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        typing("form:12", into: &state)
        #expect(Reducer.reduce(&state, .commandIssued(.promptSubmit)) == [])
        #expect(state.filter.editing == "form:12")
        #expect(state.filter.error == "“form:12” is not a filter: use after:DATE, before:DATE, from:ID, to:ID or with:ID.")
        _ = Reducer.reduce(&state, .commandIssued(.promptDeleteBackward))
        #expect(state.filter.error == nil)
    }

    @Test func capitalFOrEscOnAnEmptyLineClearsTheFilter() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        typing("with:5", into: &state)
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        let cleared = Reducer.reduce(&state, .commandIssued(.clearFilter))
        #expect(cleared.contains(.loadTab(.unresolved, generation: state.tab(.unresolved).generation, pageSize: state.pageSize)))
        #expect(state.filter.applied.isEmpty && state.status == StatusMessage("Filter cleared: every email is listed."))

        typing("with:5", into: &state)
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        _ = Reducer.reduce(&state, .commandIssued(.filter))
        for _ in 0..<6 { _ = Reducer.reduce(&state, .commandIssued(.promptDeleteBackward)) }
        #expect(state.filter.editing == "")
        #expect(Reducer.reduce(&state, .commandIssued(.promptCancel)).contains(.peekTab(.dismissed, pageSize: 1)))
        #expect(state.filter.applied.isEmpty)
    }

    @Test func pollingKeepsTheFilterAndAFilterEndingInThePastIsNotPolled() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        typing("to:9", into: &state)
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        var generation = state.tab(.unresolved).generation
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: generation, Fixture.page(Fixture.emails(1...3))))
        _ = Reducer.reduce(&state, .tabLoadFinished(.unresolved, generation: generation))
        let effects = Reducer.reduce(&state, .pollDue)
        #expect(effects.count == 1)
        if case .pollTab(_, _, _, let filter)? = effects.first { #expect(filter.recipientIDs == ["9"]) }
        typing(" before:2025-01-01", into: &state)
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        generation = state.tab(.unresolved).generation
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: generation, Fixture.page(Fixture.emails(1...3))))
        _ = Reducer.reduce(&state, .tabLoadFinished(.unresolved, generation: generation))
        #expect(Reducer.reduce(&state, .pollDue) == [])
    }
}

@Suite struct SenderFilterTests {
    @Test func theSenderKeyNarrowsToTheSendersPersonIdKeepingTheDates() {
        var emails = Fixture.emails(1...3)
        emails[0].creatorID = "42"
        var state = Fixture.loaded(emails)
        _ = Reducer.reduce(&state, .timePassed(now: FilterLineStoreTests.now))
        _ = Reducer.reduce(&state, .commandIssued(.filter))
        _ = Reducer.reduce(&state, .textTyped("after:2025-07-01 with:7"))
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: state.tab(.unresolved).generation, Fixture.page(emails)))
        let effects = Reducer.reduce(&state, .commandIssued(.filterBySender))
        #expect(state.filter.applied == "after:2025-07-01 from:42")
        #expect(effects.contains(.peekTab(.dismissed, pageSize: 1, filter: EmailFilter(creatorIDs: ["42"], after: "2025-07-01"))))
    }

    @Test func whereTheSendersIdIsUnknownTheKeySaysSo() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        #expect(Reducer.reduce(&state, .commandIssued(.filterBySender)) == [])
        #expect(state.status == StatusMessage("Productive did not say who sent this email as a person, so there is no sender to filter by.", kind: .error))
    }
}
