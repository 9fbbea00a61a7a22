import Foundation
import Testing
@testable import IntrayCore

/// The list a search shows stays what the search finds while the list changes under it:
/// pages arriving, sorting, triage and undo, and new mail.
@Suite struct SearchWhileListingTests {
    static let people = [
        ("Marta Šimić", "marta@kvarner.hr"), ("Anna Müller", "anna@mueller.de"), ("Chen Jing", "jing.chen@lotus.cn"),
        ("Mark Brown", "mark@acme.com"), ("田中 裕子", "yuko@sakura.jp"),
    ]
    static let subjects = ["Rechnung März", "Invoice for May", "見積書 Mar", "Quote", "Ärger", "Market report", "Agenda"]

    static func email(_ id: Int) -> Email {
        let person = people[id % people.count]
        return Fixture.email(id, subject: subjects[id % subjects.count], from: person.1, name: person.0)
    }

    static func page(_ ids: ClosedRange<Int>, number: Int = 1, totalPages: Int = 1) -> EmailPage {
        Fixture.page(ids.reversed().map(email), number: number, totalPages: totalPages, totalCount: 40)
    }

    /// The ids the search should show, in list order: a row by row test of every listed row.
    static func expected(_ state: AppState) -> [String] {
        let matcher = SearchMatcher(state.search.text)
        return state.current.rows.filter { matcher.matches($0) }.map(\.id)
    }

    @Test func aSearchKeepsFindingWhatItShouldAsTheListChanges() {
        var state = AppState()
        state.undoWindow = .seconds(5)
        _ = Reducer.reduce(&state, .terminalResized(columns: 120, rows: 40))
        _ = Reducer.reduce(&state, .appStarted)
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 1, Self.page(21...30, totalPages: 3)))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        for letter in "ma" { _ = Reducer.reduce(&state, .textTyped(String(letter))) }
        #expect(state.visibleIDs == Self.expected(state))
        _ = Reducer.reduce(&state, .textTyped("r"))
        #expect(state.visibleIDs == Self.expected(state))
        #expect(state.visibleIDs.count > 1 && state.visibleIDs.count < state.current.count)

        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 1, Self.page(11...20, number: 2, totalPages: 3)))
        #expect(state.visibleIDs == Self.expected(state), "a page listed during the search")
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        #expect(state.visibleIDs == Self.expected(state), "sorted by sender")
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 1, Self.page(1...10, number: 3, totalPages: 3)))
        #expect(state.visibleIDs == Self.expected(state), "a page merged into the sorted list")
        #expect(state.current.count == 30)

        _ = Reducer.reduce(&state, .commandIssued(.cursorTop))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        #expect(state.visibleIDs == Self.expected(state), "a row removed")
        _ = Reducer.reduce(&state, .commandIssued(.undo))
        #expect(state.visibleIDs == Self.expected(state), "the row put back")
        _ = Reducer.reduce(&state, .tabLoadFinished(.unresolved, generation: 1))
        _ = Reducer.reduce(&state, .polled(.unresolved, generation: 1, Self.page(31...36)))
        #expect(state.visibleIDs == Self.expected(state), "new mail")
        #expect(state.visibleIDs.contains { Int($0)! > 30 })
    }

    @Test func theCursorStaysOnItsEmailAsTheSearchNarrows() throws {
        var state = Fixture.loaded((1...30).reversed().map(Self.email))
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("m"))
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        let cursor = try #require(state.cursorRow)
        // A letter the email under the cursor still matches.
        let next = try #require(["a", "ä", "e", "u"].first { SearchMatcher("m" + $0).matches(cursor) })
        _ = Reducer.reduce(&state, .textTyped(next))
        #expect(state.visibleIDs == Self.expected(state))
        #expect(state.cursorRow?.id == cursor.id)
    }
}
