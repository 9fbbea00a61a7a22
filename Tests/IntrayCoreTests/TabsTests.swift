import Testing
@testable import IntrayCore

/// The tabs on their own: a listing's pages, the counts, new mail, and emails leaving and
/// coming back.
@Suite struct TabsTests {
    private func rows(_ ids: ClosedRange<Int>) -> [EmailRow] { Fixture.emails(ids).map(EmailRow.init) }

    private func ids(_ tab: InboxTab) -> [String] { tab.rows.map(\.id) }

    @Test func aListingFillsItsTabPageByPageAndIgnoresAnEarlierListing() {
        var tabs = Tabs()
        #expect(tabs.reduce(.listingStarted(.resolved)) == .listing(generation: 1))
        #expect(tabs.reduce(.listingStarted(.resolved)) == .listing(generation: 2))
        #expect(tabs.reduce(.pageListed(.resolved, generation: 1, rows: rows(1...2), total: 2, totalPages: 1)) == .ignored)
        #expect(tabs[.resolved].count == 0)

        #expect(tabs.reduce(.pageListed(.resolved, generation: 2, rows: rows(4...5), total: 5, totalPages: 3)) == .firstPageListed)
        #expect(tabs.reduce(.pageListed(.resolved, generation: 2, rows: rows(2...4), total: 99, totalPages: 3)) == .appended(2..<4))
        #expect(ids(tabs[.resolved]) == ["5", "4", "3", "2"], "an email met again on a shifted page is held once")
        #expect(tabs[.resolved].totalCount == 5, "only the first page's count stands")
        #expect(tabs[.resolved].load == .loading(pagesLoaded: 2, totalPages: 3))
        #expect(tabs.isListingAny)

        #expect(tabs.reduce(.listingFinished(.resolved, generation: 1)) == .ignored)
        tabs.reduce(.listingFinished(.resolved, generation: 2))
        #expect(tabs[.resolved].load == .loaded && !tabs.isListingAny)
    }

    @Test func aNewListingStartsOverFromItsFirstPage() {
        var tabs = Tabs()
        tabs.reduce(.listingStarted(.unresolved))
        tabs.reduce(.pageListed(.unresolved, generation: 1, rows: rows(1...3), total: 3, totalPages: 1))
        tabs.reduce(.listingStarted(.unresolved))
        tabs.reduce(.pageListed(.unresolved, generation: 2, rows: rows(7...8), total: 2, totalPages: 1))
        #expect(ids(tabs[.unresolved]) == ["8", "7"])
    }

    @Test func aLaterPageIsMergedIntoASortedTab() {
        var tabs = Tabs()
        tabs.reduce(.sorted(.oldestFirst))
        tabs.reduce(.listingStarted(.unresolved))
        tabs.reduce(.pageListed(.unresolved, generation: 1, rows: [rows(5...5)[0], rows(1...1)[0]], total: 4, totalPages: 2))
        #expect(ids(tabs[.unresolved]) == ["1", "5"])
        #expect(tabs.reduce(.pageListed(.unresolved, generation: 1, rows: rows(3...3), total: 4, totalPages: 2)) == .merged)
        #expect(ids(tabs[.unresolved]) == ["1", "3", "5"])
    }

    @Test func aFailedListingKeepsWhatItListed() {
        var tabs = Tabs()
        tabs.reduce(.listingStarted(.dismissed))
        tabs.reduce(.pageListed(.dismissed, generation: 1, rows: rows(1...2), total: 9, totalPages: 5))
        let timeout = APIError(.timeout, message: "Productive did not answer in time.")
        tabs.reduce(.listingFailed(.dismissed, generation: 1, timeout))
        #expect(tabs[.dismissed].load == .failed(timeout) && tabs[.dismissed].count == 2)
    }

    @Test func onlyATabNotListedLearnsItsCountFromAPeek() {
        var tabs = Tabs()
        tabs.reduce(.counted(.resolved, total: 40))
        #expect(tabs[.resolved].totalCount == 40)
        tabs.reduce(.listingStarted(.resolved))
        tabs.reduce(.pageListed(.resolved, generation: 1, rows: rows(1...2), total: 2, totalPages: 1))
        #expect(tabs.reduce(.counted(.resolved, total: 40)) == .ignored)
        #expect(tabs[.resolved].totalCount == 2)
    }

    @Test func newMailIsCountedAndMarkedUntilVisited() {
        var tabs = Tabs()
        tabs.reduce(.listingStarted(.unresolved))
        tabs.reduce(.pageListed(.unresolved, generation: 1, rows: rows(1...2), total: 2, totalPages: 1))
        tabs.reduce(.arrived(rows(3...4), in: .unresolved))
        #expect(ids(tabs[.unresolved]) == ["4", "3", "2", "1"])
        #expect(tabs[.unresolved].totalCount == 4 && tabs.newIDs == ["3", "4"])
        tabs.reduce(.visited("4"))
        #expect(tabs.newIDs == ["3"])
    }

    @Test func emailsTakenOutComeBackInOrderAndTheCountNeverGoesBelowZero() {
        var tabs = Tabs()
        tabs.reduce(.listingStarted(.unresolved))
        tabs.reduce(.pageListed(.unresolved, generation: 1, rows: rows(1...4), total: 4, totalPages: 1))
        #expect(tabs.reduce(.taken(["2", "4", "9"], from: .unresolved)) == .took(rows(2...4).filter { $0.id != "3" }))
        tabs.reduce(.countChanged(.unresolved, by: -2))
        #expect(ids(tabs[.unresolved]) == ["3", "1"] && tabs[.unresolved].totalCount == 2)
        tabs.reduce(.returned(rows(4...4) + rows(2...2), to: .unresolved))
        #expect(ids(tabs[.unresolved]) == ["4", "3", "2", "1"])
        tabs.reduce(.countChanged(.unresolved, by: -10))
        #expect(tabs[.unresolved].totalCount == 0)
        #expect(tabs.reduce(.countChanged(.dismissed, by: 1)) == .ignored, "a tab never counted has no count to change")
        #expect(tabs[.dismissed].totalCount == nil)
    }

    @Test func aNewFilterEmptiesEveryTabAndForgetsWhatWasNew() {
        var tabs = Tabs()
        tabs.reduce(.shown(.resolved))
        tabs.reduce(.listingStarted(.resolved))
        tabs.reduce(.pageListed(.resolved, generation: 1, rows: rows(1...2), total: 2, totalPages: 1))
        tabs.reduce(.arrived(rows(3...3), in: .resolved))
        tabs.reduce(.filterChanged)
        #expect(tabs.active == .resolved && tabs.newIDs.isEmpty)
        for status in EmailStatus.allCases {
            #expect(tabs[status].count == 0 && tabs[status].totalCount == nil && tabs[status].load == .notLoaded)
        }
        #expect(tabs.reduce(.pageListed(.resolved, generation: 1, rows: rows(1...2), total: 2, totalPages: 1)) == .ignored,
                "a page asked for under the old filter")
    }
}
