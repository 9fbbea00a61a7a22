import Foundation
import IntrayCore
import Logging
import Synchronization
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

    @Test func aStartWithNothingToAdoptNeverOpensTheDatabaseAndASessionEndingWithNothingLeftSaysSo() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("journal.sqlite")
        var first: Journal? = try Journal(url: url, apiURL: api, organizationID: "1")
        #expect(try first!.adopt(firstActionID: 1) == Journal.Adoption())
        #expect(!first!.isOpen, "a journal with nothing in it is not opened")
        try first!.record([action(1), action(2)])
        #expect(first!.isOpen && marks(dir) == 1)
        try first!.forget([1, 2])
        first = nil
        #expect(marks(dir) == 0, "a session that ends with every entry confirmed takes its mark away")

        let second = try Journal(url: url, apiURL: api, organizationID: "1")
        #expect(try second.adopt(firstActionID: 1).entries.isEmpty)
        #expect(!second.isOpen, "the next start finds no mark and leaves SQLite unloaded")
    }

    @Test func aMarkWithoutEntriesIsClearedAndEntriesWithoutMarksFromAnOlderVersionAreFound() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("journal.sqlite")
        _ = try Journal(url: url, apiURL: api, organizationID: "1").adopt(firstActionID: 1)
        // A session killed between putting its mark on disk and writing its first entry.
        try Data().write(to: dir.appendingPathComponent("journal-sessions/0A1B.entries"))
        let next = try Journal(url: url, apiURL: api, organizationID: "1")
        #expect(try next.adopt(firstActionID: 1).entries.isEmpty && next.isOpen)
        #expect(marks(dir) == 0)
        let after = try Journal(url: url, apiURL: api, organizationID: "1")
        _ = try after.adopt(firstActionID: 1)
        #expect(!after.isOpen)

        // A version that left no marks: entries in the database, no `marked` file, no marks.
        var old: Journal? = try Journal(url: url, apiURL: api, organizationID: "1")
        try old!.record([action(5)])
        old = nil
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("journal-sessions").path) where name.hasSuffix(".entries") || name == "marked" {
            try FileManager.default.removeItem(at: dir.appendingPathComponent("journal-sessions/\(name)"))
        }
        let upgraded = try Journal(url: url, apiURL: api, organizationID: "1")
        #expect(try upgraded.adopt(firstActionID: 1).entries.map(\.action.email.id) == ["105"])
    }

    @Test func aJournalThatCannotRecordSaysSoOnScreen() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("journal.sqlite")
        let journal = try Journal(url: url, apiURL: api, organizationID: "1")
        _ = try journal.adopt(firstActionID: 1)
        try Data("this is not an SQLite database, and it is long enough to be read as one".utf8).write(to: url)
        let posted = Mutex<[Action]>([])
        let runner = EffectRunner(api: NoServer(), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), journal: journal) { action in
            posted.withLock { $0.append(action) }
        }
        runner.perform(.journalRecord([action(1), action(2)]))
        guard case .noticed(let message) = posted.withLock({ $0.first }) else {
            Issue.record("no notice was posted")
            return
        }
        #expect(message.kind == .error)
        #expect(message.text.hasPrefix("The journal could not record these 2 actions, so they are not kept safe against a crash: "))
    }

    private func marks(_ dir: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("journal-sessions").path)) ?? []
        return names.filter { $0.hasSuffix(".entries") }.count
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
