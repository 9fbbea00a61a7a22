import Foundation
import IntrayCore
import Testing
@testable import IntrayApp

/// The journal: what is shown as done is on disk until confirmed, a dead session's entries are
/// adopted once, and a live session's entries are left to it.
@Suite struct JournalTests {
    let api = URL(string: "https://api.productive.io/api/v2")!

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("intray-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func action(_ id: Int, _ kind: TriageRequest.Kind = .dismiss) -> TriageRequest {
        TriageRequest(id: id, kind: kind, email: EmailRow(id: "\(100 + id)", subject: "Subject \(id)", createdAt: Date()), from: .unresolved)
    }

    @Test func recordsUntilForgottenInAFileOnlyItsOwnerCanRead() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("intray/journal.sqlite")
        let journal = try Journal(url: url, apiURL: api, organizationID: "1")
        let deal = Deal(id: "1005", name: "Acme intranet", number: "D-1005")
        try journal.record([action(1), action(2, .attach(deal)), action(3, .delete)])
        try journal.forget([1])
        let entries = try journal.entries()
        #expect(entries.map(\.action.email.id) == ["102", "103"])
        #expect(entries[0].action.kind == .attach(deal))
        #expect(entries.allSatisfy { $0.action.email.subject == nil }, "no text of an email is written")
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aDeadSessionsEntriesAreAdoptedOnceAndALiveOnesAreLeftToIt() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("journal.sqlite")
        var crashed: Journal? = try Journal(url: url, apiURL: api, organizationID: "1")
        try crashed!.record([action(1), action(2)])
        let live = try Journal(url: url, apiURL: api, organizationID: "1")
        try live.record([action(7)])
        // A process killed with -9 never runs its clean-up; its lock is freed by the kernel.
        // Dropping the object here closes the lock and leaves the entries, as a crash does.
        crashed = nil

        let next = try Journal(url: url, apiURL: api, organizationID: "1")
        let adoption = try next.adopt(firstActionID: 1_000)
        #expect(adoption.entries.map(\.action.email.id) == ["101", "102"])
        #expect(adoption.entries.map(\.action.id) == [1_000, 1_001])
        #expect(adoption.entries.allSatisfy { $0.action.rereadFirst && $0.action.fromEarlierSession })
        #expect(adoption.heldByOthers.map(\.pid) == [getpid()] && adoption.heldByOthers.map(\.count) == [1])

        let another = try Journal(url: url, apiURL: api, organizationID: "1")
        #expect(try another.adopt(firstActionID: 1).entries.isEmpty, "adopted entries belong to the session that adopted them")
        try next.forget([1_000, 1_001])
        #expect(try next.entries().isEmpty)
    }

    @Test func entriesForAnotherOrganizationAreMarkedSo() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("journal.sqlite")
        var other: Journal? = try Journal(url: url, apiURL: api, organizationID: "2")
        try other!.record([action(1)])
        other = nil
        let mine = try Journal(url: url, apiURL: api, organizationID: "1")
        let adopted = try mine.adopt(firstActionID: 10).entries
        #expect(adopted.count == 1 && !mine.isOwnAccount(adopted[0]))
    }

    @Test func theExitReportNamesRefusedAndUnconfirmedActionsBySubjectAndId() {
        let refusals = [Refusal(action: action(1), reason: "Productive refused it: deal can't be blank.")]
        #expect(TriageCommand.refusalReport(refusals) == "1 action was refused by Productive and not done:\n  dismiss: “Subject 1” (email 101): Productive refused it: deal can't be blank.")
        let many = (1...25).map { action($0) }
        let lines = TriageCommand.unconfirmedReport(many, journaled: true).split(separator: "\n")
        #expect(lines[0] == "25 actions were not confirmed by Productive before quitting; they stay in the journal and are sent at the next start:")
        #expect(lines.count == 22 && lines.last == "  … and 5 more (all listed in the log)")
    }
}
