import Foundation
import Testing
@testable import IntrayCore

/// The search on its own: keys and answers in, its state and what it asks of the app out.
@Suite struct SearchStateTests {
    /// "invoice" typed and submitted on Unresolved, its body search tagged 5.
    func searchingBodies() -> SearchState {
        var search = SearchState()
        _ = search.reduce(.promptOpened)
        _ = search.reduce(.textTyped("invoice"))
        _ = search.reduce(.submitted(tab: .unresolved, tag: 5))
        return search
    }

    @Test func typingNarrowsWhatIsShownAndErasingWidensIt() {
        var search = SearchState()
        #expect(search.reduce(.promptOpened) == [])
        #expect(search.isEditing)
        #expect(search.reduce(.textTyped("mul")) == [.textChanged(narrowing: true)])
        #expect(search.reduce(.erased) == [.textChanged(narrowing: false)])
        #expect(search.text == "mu")
    }

    @Test func erasingNothingChangesNothing() {
        var search = SearchState(isEditing: true)
        #expect(search.reduce(.erased) == [])
        #expect(search == SearchState(isEditing: true))
    }

    @Test func enterKeepsTheTextAndSearchesTheBodiesOfTheTabShown() {
        var search = SearchState(text: "invoice", isEditing: true)
        #expect(search.reduce(.submitted(tab: .unresolved, tag: 5)) == [.searchBodies(.unresolved, text: "invoice", tag: 5)])
        #expect(!search.isEditing && search.text == "invoice")
        #expect(search.bodies == BodySearch(tag: 5, status: .unresolved))
        var empty = SearchState(isEditing: true)
        #expect(empty.reduce(.submitted(tab: .unresolved, tag: 6)) == [], "an empty search reads no bodies")
        #expect(!empty.isEditing)
    }

    @Test func bodyMatchesAddUpAndOnlyNewOnesAreNamed() {
        var search = searchingBodies()
        #expect(search.reduce(.bodiesSearched(tag: 5, matches: ["3"], pagesRead: 1, totalPages: 2)) == [.bodiesMatched(.unresolved)])
        #expect(search.reduce(.bodiesSearched(tag: 5, matches: ["3"], pagesRead: 2, totalPages: 2)) == [])
        #expect(search.bodies?.matches == ["3"] && search.bodies?.pagesRead == 2)
        #expect(search.reduce(.bodySearchEnded(tag: 5, error: nil)) == [.bodySearchEnded(error: nil)])
        #expect(search.bodies?.isRunning == false)
    }

    @Test func answersForAnotherSearchAreIgnored() {
        var search = searchingBodies()
        #expect(search.reduce(.bodiesSearched(tag: 4, matches: ["3"], pagesRead: 1, totalPages: 1)) == [])
        #expect(search.reduce(.bodySearchEnded(tag: 4, error: nil)) == [])
        #expect(search == searchingBodies())
    }

    @Test func aFailedBodySearchIsKept() {
        var search = searchingBodies()
        let error = APIError(.server(status: 502), message: "Productive had a problem (502).")
        #expect(search.reduce(.bodySearchEnded(tag: 5, error: error)) == [.bodySearchEnded(error: error)])
        #expect(search.bodies?.error == error && search.bodies?.isRunning == false)
    }

    @Test func changingTheTextStopsTheBodySearch() {
        var search = searchingBodies()
        _ = search.reduce(.promptOpened)
        #expect(search.reduce(.textTyped("s")) == [.textChanged(narrowing: false), .stopBodySearch], "body matches are dropped, so the whole tab is searched")
        #expect(search.bodies == nil)
    }

    @Test func cancellingClearsTheSearchAndStopsItsBodySearch() {
        var search = searchingBodies()
        #expect(search.reduce(.cancelled) == [.textChanged(narrowing: false), .stopBodySearch])
        #expect(search == SearchState())
    }

    @Test func anotherTabSearchesItsBodiesInstead() {
        var search = searchingBodies()
        #expect(search.reduce(.tabShown(.dismissed, tag: 9)) == [.stopBodySearch, .searchBodies(.dismissed, text: "invoice", tag: 9)])
        #expect(search.bodies == BodySearch(tag: 9, status: .dismissed))
        var typedOnly = SearchState(text: "invoice")
        #expect(typedOnly.reduce(.tabShown(.dismissed, tag: 9)) == [], "without Enter no bodies are read")
    }

    @Test func aNewFilterDropsTheBodySearch() {
        var search = searchingBodies()
        #expect(search.reduce(.filterChanged) == [.stopBodySearch])
        #expect(search.bodies == nil && search.text == "invoice")
        #expect(search.reduce(.filterChanged) == [])
    }
}
