import Foundation
import Testing
@testable import IntrayCore

/// The filter on its own: keys in, the line, its error and whether the filter changed out.
@Suite struct FilterStateTests {
    static let now = Date(timeIntervalSince1970: 1_753_337_141) // 2025-07-24

    func typed(_ line: String) -> FilterState {
        var filter = FilterState()
        _ = filter.reduce(.promptOpened)
        _ = filter.reduce(.textTyped(line))
        return filter
    }

    @Test func enterAppliesTheLineAsTyped() {
        var filter = typed("from:12  after:7d ")
        #expect(filter.reduce(.submitted(now: Self.now)) == [.changed(line: "from:12 after:7d")])
        #expect(filter.applied == "from:12 after:7d" && filter.editing == nil)
        #expect(filter.filter == EmailFilter(creatorIDs: ["12"], after: "2025-07-17"))
    }

    @Test func theSameFilterAgainChangesNothing() {
        var filter = typed("from:12")
        _ = filter.reduce(.submitted(now: Self.now))
        _ = filter.reduce(.promptOpened)
        #expect(filter.editing == "from:12", "the prompt opens on the line applied")
        #expect(filter.reduce(.submitted(now: Self.now)) == [])
    }

    @Test func aLineThatCannotBeReadStaysWithOneSentenceUntilItChanges() {
        var filter = typed("form:12")
        #expect(filter.reduce(.submitted(now: Self.now)) == [])
        #expect(filter.editing == "form:12")
        #expect(filter.error == "“form:12” is not a filter: use after:DATE, before:DATE, from:ID, to:ID or with:ID.")
        #expect(filter.reduce(.erased) == [])
        #expect(filter.editing == "form:1" && filter.error == nil)
    }

    @Test func escClosesTheLineAndOnAnEmptyLineClearsTheFilter() {
        var filter = typed("with:5")
        _ = filter.reduce(.submitted(now: Self.now))
        _ = filter.reduce(.promptOpened)
        _ = filter.reduce(.textTyped(" to:9"))
        #expect(filter.reduce(.cancelled) == [], "Esc keeps the filter applied")
        #expect(filter.applied == "with:5" && filter.editing == nil)
        _ = filter.reduce(.promptOpened)
        for _ in 0..<6 { _ = filter.reduce(.erased) }
        #expect(filter.reduce(.cancelled) == [.changed(line: "")])
        #expect(filter == FilterState())
    }

    @Test func aFilterChosenOutsideThePromptIsApplied() {
        var filter = FilterState()
        #expect(filter.reduce(.chosen(line: "from:3", EmailFilter(creatorIDs: ["3"]))) == [.changed(line: "from:3")])
        #expect(filter.reduce(.chosen(line: "", EmailFilter())) == [.changed(line: "")])
        #expect(filter.reduce(.chosen(line: "", EmailFilter())) == [])
    }
}
