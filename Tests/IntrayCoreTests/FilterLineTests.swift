import Foundation
import IntrayCore
import Testing

/// The filter line `after:DATE before:DATE from:ID to:ID with:ID`.
@Suite struct FilterLineTests {
    func parse(_ line: String) throws -> EmailFilter {
        try FilterLine.parse(line, now: CreationDateTests.now, calendar: CreationDateTests.zagreb)
    }

    func problem(_ line: String) -> String? {
        do {
            _ = try parse(line)
            return nil
        } catch {
            return (error as? FilterLine.Problem)?.description
        }
    }

    @Test func everyWordFillsItsFilter() throws {
        let filter = try parse("from:101,102 to:1  with:7 after:2w before:2025-12-31 from:103")
        #expect(filter == EmailFilter(
            creatorIDs: ["101", "102", "103"], recipientIDs: ["1"], senderOrRecipientIDs: ["7"],
            before: "2025-12-31", after: "2026-11-24"
        ))
        #expect(try parse("") == EmailFilter())
        #expect(try parse("   ") == EmailFilter())
        #expect(try parse("FROM:5 After:today") == EmailFilter(creatorIDs: ["5"], after: "2026-12-08"))
    }

    @Test func theLineOfAFilterParsesBackToIt() throws {
        let filter = EmailFilter(creatorIDs: ["1", "2"], recipientIDs: ["3"], senderOrRecipientIDs: ["4"], before: "2025-01-02", after: "2024-12-01")
        #expect(FilterLine.text(for: filter) == "after:2024-12-01 before:2025-01-02 from:1,2 to:3 with:4")
        #expect(try parse(FilterLine.text(for: filter)) == filter)
        #expect(FilterLine.text(for: EmailFilter(status: .resolved)) == "")
    }

    @Test func mistakesAreOneSentenceNamingTheWord() {
        #expect(problem("invoice") == "“invoice” is not a filter: use after:DATE, before:DATE, from:ID, to:ID or with:ID.")
        #expect(problem("cc:5") == "“cc:5” is not a filter: use after:DATE, before:DATE, from:ID, to:ID or with:ID.")
        #expect(problem("from:") == "from: needs a person id, for example from:123.")
        #expect(problem("from:ana") == "“ana” is not a person id: from: takes numeric ids such as 123, several separated by commas.")
        #expect(problem("to:1,,2") == "“” is not a person id: to: takes numeric ids such as 123, several separated by commas.")
        #expect(problem("after:") == "after: needs a date, for example after:2025-07-24 or after:7d.")
        #expect(problem("after:1d after:2d") == "after: is given twice; keep one.")
        #expect(problem("before:soon")?.hasPrefix("“soon” is not a date") == true)
    }

    @Test func optionsShareThePersonIDCheck() throws {
        #expect(try FilterLine.personIDs("1, 2", option: "--from") == ["1", "2"])
        #expect(throws: FilterLine.Problem(description: "--to needs a person id, for example --to 123.")) {
            try FilterLine.personIDs("", option: "--to")
        }
    }
}
