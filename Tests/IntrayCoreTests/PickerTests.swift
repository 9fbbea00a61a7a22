import Foundation
import Testing
@testable import IntrayCore

@Suite struct PickerTests {
    let deals = [Deal(id: "1", name: "Acme website", number: "D-1", companyName: "Acme"), Deal(id: "2", name: "Acme app", number: "D-2", companyName: "Acme")]

    @Test func typingSearchesAfterAPauseAndStaleAnswersAreIgnored() throws {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        let firstTag = try #require(state.picker?.searchTag)
        #expect(Reducer.keyContext(of: state) == .picker)
        let effects = Reducer.reduce(&state, .textTyped("ac"))
        let secondTag = try #require(state.picker?.searchTag)
        #expect(secondTag != firstTag)
        #expect(effects == [.searchDeals(query: "ac", tag: secondTag, debounce: .milliseconds(250))])

        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: firstTag, .success([Deal(id: "9", name: "Old")])))
        #expect(state.picker?.deals == [])
        #expect(state.picker?.isLoading == true)
        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: secondTag, .success(deals)))
        #expect(state.picker?.deals == deals)
        #expect(state.picker?.isLoading == false)
        #expect(state.deals["2"]?.name == "Acme app")
    }

    @Test func theSuggestedDealComesFirstThenRecentOnesThenTheServersOrder() throws {
        var state = Fixture.loaded([Fixture.email(5, from: "bob@globex.example")])
        _ = Reducer.reduce(&state, .tabPeeked(.resolved, Fixture.page([
            Fixture.email(1, from: "carol@initech.example", linkedID: "7"),
            Fixture.email(2, from: "bob@globex.example", linkedID: "3"),
        ])))
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        let picker = try #require(state.picker)
        #expect(picker.suggestedID == "3")
        let answer = ["1", "7", "2", "3"].map { Deal(id: $0, name: "Deal \($0)") }
        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: picker.searchTag, .success(answer)))
        #expect(state.picker?.deals.map(\.id) == ["3", "7", "1", "2"])
        #expect(state.picker?.highlighted?.id == "3")
    }

    @Test func emailsFromSendersWithDifferentSuggestionsNameNoSuggestedDeal() throws {
        var state = Fixture.loaded([Fixture.email(5, from: "bob@globex.example"), Fixture.email(6, from: "carol@initech.example")])
        _ = Reducer.reduce(&state, .tabPeeked(.resolved, Fixture.page([
            Fixture.email(1, from: "carol@initech.example", linkedID: "7"),
            Fixture.email(2, from: "bob@globex.example", linkedID: "3"),
        ])))
        _ = Reducer.reduce(&state, .commandIssued(.selectAll))
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        #expect(state.picker?.suggestedID == nil)
        #expect(state.picker?.recentIDs == ["3", "7"])
    }

    @Test func choosingADealAttachesTheEmail() throws {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        let tag = try #require(state.picker?.searchTag)
        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: tag, .success(deals)))
        _ = Reducer.reduce(&state, .commandIssued(.pickerDown))
        let effects = Reducer.reduce(&state, .commandIssued(.pickerChoose)).sansJournal
        let action = try #require(state.inFlight.values.first)
        #expect(effects == [.cancelDealSearch, .send(action)])
        #expect(action.kind == .attach(deals[1]))
        #expect(state.picker == nil)
        #expect(state.visibleIDs == ["1"])

        var answered = Fixture.email(2)
        answered.linkedType = "Quote"
        answered.linkedID = "2"
        _ = Reducer.reduce(&state, .triageAnswered(actionID: action.id, .success(answered)))
        #expect(state.status == StatusMessage("Attached “Subject 2” to Acme app (D-2).", kind: .success))
        #expect(state.suggestions.dealID(for: Fixture.email(2).from) == "2")
    }

    @Test func cancellingAttachesNothing() {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        #expect(Reducer.reduce(&state, .commandIssued(.pickerCancel)) == [.cancelDealSearch])
        #expect(state.picker == nil && state.inFlight.isEmpty)
        #expect(state.visibleIDs == ["2", "1"])
    }

    @Test func aFailedSearchIsShownInThePicker() throws {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        let tag = try #require(state.picker?.searchTag)
        let error = APIError(.rateLimited(retryAfter: 3), message: "Productive is rate limiting.")
        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: tag, .failure(error)))
        #expect(state.picker?.error == error)
        _ = Reducer.reduce(&state, .commandIssued(.pickerChoose))
        #expect(state.inFlight.isEmpty)
        #expect(state.status == StatusMessage("No open deal matches “”: nothing attached.", kind: .error))
    }
}

/// Enter acts on the results of the query that is typed, never on an older query's rows.
@Suite struct PickerWhileSearchingTests {
    @Test func enterWhileTheTypedQueryIsSearchedWaitsAndTakesItsTopResult() throws {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        let first = try #require(state.picker?.searchTag)
        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: first, .success([Deal(id: "1", name: "Intranet portal")])))
        _ = Reducer.reduce(&state, .textTyped("Harbour"))
        let second = try #require(state.picker?.searchTag)
        #expect(state.picker?.highlighted == nil, "the shown rows answer the old query")
        #expect(Reducer.reduce(&state, .commandIssued(.pickerChoose)) == [])
        #expect(state.inFlight.isEmpty && state.picker?.choosesWhenAnswered == true)

        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: second, .success([Deal(id: "7", name: "Harbour logistics")])))
        #expect(state.picker == nil)
        #expect(state.inFlight.values.map(\.kind) == [.attach(Deal(id: "7", name: "Harbour logistics"))])
    }

    @Test func enterWhileSearchingAQueryThatMatchesNothingAttachesNothing() throws {
        var state = Fixture.loaded(Fixture.emails(1...2))
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        _ = Reducer.reduce(&state, .textTyped("zzz"))
        let tag = try #require(state.picker?.searchTag)
        _ = Reducer.reduce(&state, .commandIssued(.pickerChoose))
        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: tag, .success([])))
        #expect(state.inFlight.isEmpty && state.picker != nil)
        #expect(state.status == StatusMessage("No open deal matches “zzz”: nothing attached.", kind: .error))
    }
}
