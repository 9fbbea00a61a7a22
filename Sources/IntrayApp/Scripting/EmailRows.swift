import Foundation
import IntrayCore
import MailText

/// How `intray list` writes one email: a table row, a TSV line or a JSON line. Text from the
/// server goes through MailText's sanitiser for the table and TSV (TSV also loses its tabs
/// and line breaks); JSON escapes every control character.
public enum EmailRowFormat: String, Sendable, CaseIterable {
    case table, tsv, json

    /// The header line of the table, nil for the other formats.
    func header(columns: Int, showStatus: Bool) -> String? {
        guard self == .table else { return nil }
        let layout = TableLayout(columns: columns, showStatus: showStatus)
        return layout.line(["ID", "DATE", "STATUS", "FROM", "SUBJECT"])
    }

    /// One email, with its newline.
    func row(_ email: Email, dealName: String?, columns: Int, showStatus: Bool, calendar: Calendar) -> String {
        switch self {
        case .json: return JSONText.write(EmailRecord.summary(email, dealName: dealName)) + "\n"
        case .tsv:
            let fields = [
                email.id, JSONText.isoString(email.createdAt), email.status.title.lowercased(),
                email.from?.address ?? "", email.from?.name ?? "", email.displaySubject, email.linkedID ?? "",
            ]
            return fields.map(Self.tsvField).joined(separator: "\t") + "\n"
        case .table:
            let layout = TableLayout(columns: columns, showStatus: showStatus)
            let sender = email.from?.displayName.isEmpty == false ? email.from!.displayName : "(unknown sender)"
            let cells = [email.id, Self.shortDate(email.date, calendar: calendar), email.status.title.lowercased(), sender, email.displaySubject]
            return layout.line(cells.map { TerminalText.sanitizeLine($0) }) + "\n"
        }
    }

    /// One TSV field: sanitised, on one line, without tabs.
    static func tsvField(_ text: String) -> String {
        TerminalText.sanitizeLine(text, tabWidth: 1, lineBreak: " ")
    }

    /// `2026-11-26 17:58` in the calendar's zone.
    static func shortDate(_ date: Date, calendar: Calendar) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
    }
}

/// The table's columns: fixed widths for id, date and sender, the subject takes the rest.
struct TableLayout {
    var columns: Int
    var showStatus: Bool

    func line(_ cells: [String]) -> String {
        let widths = [8, 16, 10, 22]
        var parts: [String] = []
        for (index, width) in widths.enumerated() where index != 2 || showStatus {
            parts.append(DisplayWidth.fit(cells[index], toWidth: width))
        }
        let used = parts.reduce(0) { $0 + DisplayWidth.of($1) + 2 }
        let subject = DisplayWidth.truncate(cells[4], toWidth: max(columns - used, 20))
        return (parts + [subject]).joined(separator: "  ")
    }
}

/// The JSON shapes of an email.
enum EmailRecord {
    static func person(_ person: Person?) -> JSONText.Value {
        guard let person else { return .string(nil) }
        return .object([("name", .string(person.name)), ("address", .string(person.address))])
    }

    /// A line of `intray list --json`.
    static func summary(_ email: Email, dealName: String?) -> JSONText.Value {
        .object([
            ("id", .string(email.id)),
            ("subject", .string(email.subject)),
            ("from", person(email.from)),
            ("to", .array(email.to.map(person))),
            ("created_at", JSONText.timestamp(email.createdAt)),
            ("status", .string(email.status.title.lowercased())),
            ("linked_type", .string(email.linkedType)),
            ("linked_id", .string(email.linkedID)),
            ("deal_name", .string(dealName)),
            ("unread", .bool(email.unread)),
        ])
    }

    /// `intray show ID --json`: everything the client decoded, the list's fields first.
    static func full(_ email: Email, dealName: String?) -> JSONText.Value {
        guard case .object(let members) = summary(email, dealName: dealName) else { return .object([]) }
        return .object(members + [
            ("cc", .array(email.cc.map(person))),
            ("participants", .array(email.participants.map(person))),
            ("received_at", JSONText.timestamp(email.receivedAt)),
            ("delivered_at", JSONText.timestamp(email.deliveredAt)),
            ("dismissed_at", JSONText.timestamp(email.dismissedAt)),
            ("outgoing", .bool(email.outgoing)),
            ("auto_linked", .bool(email.autoLinked)),
            ("snippet", .string(email.snippet)),
            ("body", .string(email.body)),
            ("body_html", .string(email.bodyHTML)),
            ("body_truncated", .bool(email.bodyTruncated)),
        ])
    }
}
