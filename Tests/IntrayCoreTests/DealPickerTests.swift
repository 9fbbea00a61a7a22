import Foundation
import Testing
@testable import IntrayCore

/// The picker on its own: actions in, its state and what it asks of the app out.
@Suite struct DealPickerTests {
    let website = Deal(id: "1", name: "Acme website")
    let app = Deal(id: "2", name: "Acme app")
    let harbour = Deal(id: "7", name: "Harbour logistics")

    /// Opened for emails 4 and 5, its first search (tag 1) under way.
    func opened() -> DealPicker {
        var picker = DealPicker(emailIDs: ["4", "5"], count: 2)
        picker.searchTag = 1
        return picker
    }

    func answered(_ deals: [Deal]) -> DealPicker {
        var picker = opened()
        _ = picker.reduce(.dealsAnswered(tag: 1, .success(deals)))
        return picker
    }

    @Test func eachChangeOfTheQuerySearchesItAgainUnderTheTagItWasGiven() {
        var picker = answered([website])
        #expect(picker.reduce(.queryTyped("ac", tag: 2)) == [.search(query: "ac", tag: 2, debounce: .milliseconds(250))])
        #expect(picker.reduce(.queryTyped("m", tag: 3)) == [.search(query: "acm", tag: 3, debounce: .milliseconds(250))])
        #expect(picker.reduce(.queryErased(tag: 4)) == [.search(query: "ac", tag: 4, debounce: .milliseconds(250))])
        #expect(picker.searchTag == 4)
        #expect(picker.isLoading)
        #expect(picker.highlighted == nil, "the rows shown answer an older query")
    }

    @Test func theHighlightStaysOnItsDealWhenANewAnswerPutsTheSuggestedOneFirst() {
        var picker = opened()
        picker.suggestedID = "7"
        _ = picker.reduce(.dealsAnswered(tag: 1, .success([website, app, harbour])))
        #expect(picker.deals.map(\.id) == ["7", "1", "2"])
        _ = picker.reduce(.moved(by: 2))
        #expect(picker.highlighted == app)
        _ = picker.reduce(.queryTyped("a", tag: 2))
        _ = picker.reduce(.dealsAnswered(tag: 2, .success([website, app, harbour])))
        #expect(picker.highlighted == app, "looked up in the order shown, not the server's")
    }

    @Test func erasingAnEmptyQuerySearchesNothing() {
        var picker = answered([website])
        #expect(picker.reduce(.queryErased(tag: 2)) == [])
        #expect(picker == answered([website]))
    }

    @Test func anAnswerToAnOlderQueryIsIgnored() {
        var picker = opened()
        _ = picker.reduce(.queryTyped("harb", tag: 2))
        #expect(picker.reduce(.dealsAnswered(tag: 1, .success([website, app]))) == [])
        #expect(picker.deals == [] && picker.isLoading)
        #expect(picker.reduce(.dealsAnswered(tag: 2, .success([harbour]))) == [.found([harbour])])
        #expect(picker.deals == [harbour] && !picker.isLoading)
    }

    @Test func theSuggestedDealIsListedFirstThenRecentOnes() {
        var picker = opened()
        picker.suggestedID = "7"
        picker.recentIDs = ["2"]
        #expect(picker.reduce(.dealsAnswered(tag: 1, .success([website, app, harbour]))) == [.found([harbour, app, website])])
        #expect(picker.highlighted == harbour)
    }

    @Test func movingStaysWithinTheDeals() {
        var picker = answered([website, app])
        #expect(picker.reduce(.moved(by: -1)) == [])
        #expect(picker.cursor == 0)
        _ = picker.reduce(.moved(by: 1))
        _ = picker.reduce(.moved(by: 1))
        #expect(picker.cursor == 1)
        #expect(picker.highlighted == app)
    }

    @Test func choosingAttachesTheEmailsToTheHighlightedDeal() {
        var picker = answered([website, app])
        _ = picker.reduce(.moved(by: 1))
        #expect(picker.reduce(.chosen) == [.attach(TriagePlan(.attach(app), ids: ["4", "5"], count: 2))])
    }

    @Test func enterWhileSearchingWaitsForTheAnswerAndTakesItsTopResult() {
        var picker = answered([website])
        _ = picker.reduce(.queryTyped("harbour", tag: 2))
        #expect(picker.reduce(.chosen) == [])
        #expect(picker.choosesWhenAnswered)
        #expect(picker.reduce(.dealsAnswered(tag: 2, .success([harbour, app]))) == [
            .found([harbour, app]),
            .attach(TriagePlan(.attach(harbour), ids: ["4", "5"], count: 2)),
        ])
        #expect(!picker.choosesWhenAnswered)
    }

    @Test func enterOnAQueryThatMatchesNothingAttachesNothingAndStaysOpen() {
        var picker = opened()
        _ = picker.reduce(.queryTyped("zzz", tag: 2))
        _ = picker.reduce(.chosen)
        #expect(picker.reduce(.dealsAnswered(tag: 2, .success([]))) == [.found([]), .nothingMatches(query: "zzz")])
        #expect(picker.reduce(.chosen) == [.nothingMatches(query: "zzz")])
    }

    @Test func aFailedSearchIsKeptAndEnterThenAttachesNothing() {
        var picker = opened()
        let error = APIError(.rateLimited(retryAfter: 3), message: "Productive is rate limiting.")
        _ = picker.reduce(.chosen)
        #expect(picker.reduce(.dealsAnswered(tag: 1, .failure(error))) == [])
        #expect(picker.error == error && !picker.choosesWhenAnswered && !picker.isLoading)
        #expect(picker.reduce(.chosen) == [.nothingMatches(query: "")])
        #expect(picker.reduce(.queryTyped("a", tag: 2)) == [.search(query: "a", tag: 2, debounce: .milliseconds(250))])
        #expect(picker.error == nil)
    }

    @Test func cancellingClosesWithoutAttaching() {
        var picker = answered([website])
        #expect(picker.reduce(.cancelled) == [.closed])
    }
}
