import Foundation
import IntrayCore
@testable import IntrayApp
import Testing

/// How scripting commands write emails: nothing from the server can put an escape sequence
/// on a terminal, and the machine formats stay machine-readable.
@Suite struct ScriptOutputTests {
    static let hostileSubject = "Invoice \u{1B}]0;pwned\u{07} due\tnow\nnext \u{9B}31m red \u{202E}gnp.exe"
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static let email = Email(
        id: "42", subject: hostileSubject, from: Person(name: "Mallory \u{1B}[5mBlink", address: "m@evil.example"),
        to: [Person(name: "Ana", address: "ana@x.hr")], createdAt: Date(timeIntervalSince1970: 1_753_329_941.2875),
        linkedType: "Quote", linkedID: "7", unread: true
    )

    static func row(_ format: EmailRowFormat, dealName: String? = nil) -> String {
        format.row(email, dealName: dealName, columns: 100, showStatus: true, calendar: utc)
    }

    @Test func jsonEscapesEveryControlCharacterAndKeepsTheText() throws {
        let line = Self.row(.json, dealName: "Deal \u{1B}[2J")
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().allSatisfy { $0 != "\n" })
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(line == #"{"id":"42","subject":"Invoice \u001b]0;pwned\u0007 due\tnow\nnext \u009b31m red ‮gnp.exe","from":{"name":"Mallory \u001b[5mBlink","address":"m@evil.example"},"to":[{"name":"Ana","address":"ana@x.hr"}],"created_at":"2025-07-24T04:05:41.287Z","status":"resolved","linked_type":"Quote","linked_id":"7","deal_name":"Deal \u001b[2J","unread":true}"# + "\n")
        let decoded = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(decoded?["subject"] as? String == Self.hostileSubject)
    }

    @Test func tsvHasOneLinePerEmailAndOnlyItsOwnTabs() {
        let line = Self.row(.tsv)
        let fields = line.dropLast().split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields.count == 7)
        #expect(fields[0] == "42" && fields[1] == "2025-07-24T04:05:41.287Z" && fields[2] == "resolved" && fields[6] == "7")
        #expect(fields[5] == "Invoice � due now next � red gnp.exe")
        #expect(!line.dropLast().unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
    }

    @Test func theTableIsSanitisedAndFitsTheColumns() {
        let header = EmailRowFormat.table.header(columns: 100, showStatus: true)
        #expect(header == "ID        DATE              STATUS      FROM                    SUBJECT")
        let line = Self.row(.table)
        #expect(line == "42        2025-07-24 04:05  resolved    Mallory �Blink          Invoice � due   now ⏎ next � red gn…\n")
        #expect(!line.contains("\u{1B}"))
        let narrow = EmailRowFormat.table.row(Self.email, dealName: nil, columns: 80, showStatus: false, calendar: Self.utc)
        #expect(narrow == "42        2025-07-24 04:05  Mallory �Blink          Invoice � due   now ⏎ next …\n")
    }

    @Test func showPrintsTheDetailPaneAsSafeText() {
        var email = Self.email
        email.body = nil
        email.bodyHTML = "<p>Hello <b>Ana</b>\u{1B}]52;c;evil\u{07}</p><p>Bye</p>"
        let text = ShowScript.text(email, dealName: "Kvarner web", calendar: Self.utc)
        #expect(text.hasPrefix("""
            Subject: Invoice � due   now ⏎ next � red gnp.exe
            From:    Mallory �Blink <m@evil.example>
            To:      Ana <ana@x.hr>
            Date:    2025-07-24 04:05
            Status:  Resolved → Kvarner web (deal 7)

            Hello Ana�

            Bye
            """))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
    }
}
