import Foundation
import IntrayCore
import MailText

/// `intray show ID`: the email as the detail pane shows it (headers, then the body,
/// sanitised, HTML converted to text), or with `--json` the whole record.
public struct ShowScript: Sendable {
    public var id: String
    public var json = false

    public init(id: String) {
        self.id = id
    }

    public func run(api: any EmailsAPI, io: ScriptIO, calendar: Calendar = .current) async -> ScriptExit {
        let ids: [String]
        do { ids = try EmailIDs.read([id], stdin: { "" }) } catch { return report(error, io: io) }
        let email: Email
        do {
            email = try await api.email(id: ids[0])
        } catch {
            let error = APIError.wrapping(error)
            if error.kind == .notFound { return report(ScriptFailure(.someFailed, "\(ids[0]): \(error.message)"), io: io) }
            return report(ScriptFailure(error), io: io)
        }
        var deals = DealNames(api: api)
        let dealName = await deals.name(of: email)
        if json {
            io.output.write(JSONText.write(EmailRecord.full(email, dealName: dealName)) + "\n")
        } else {
            io.output.write(Self.text(email, dealName: dealName, calendar: calendar))
        }
        return .ok
    }

    /// Headers and body, every piece of server text sanitised.
    static func text(_ email: Email, dealName: String?, calendar: Calendar) -> String {
        let people = { (list: [Person]) in list.map(\.fullDisplay).filter { !$0.isEmpty }.joined(separator: ", ") }
        var headers: [(String, String)] = [
            ("Subject:", email.displaySubject),
            ("From:", email.from?.fullDisplay.isEmpty == false ? email.from!.fullDisplay : "(unknown sender)"),
            ("To:", people(email.to).isEmpty ? "(none)" : people(email.to)),
        ]
        if !email.cc.isEmpty { headers.append(("Cc:", people(email.cc))) }
        headers.append(("Date:", EmailRowFormat.shortDate(email.date, calendar: calendar)))
        headers.append(("Status:", status(email, dealName: dealName)))
        var out = headers.map { "\($0.0.padding(toLength: 9, withPad: " ", startingAt: 0))\(TerminalText.sanitizeLine($0.1))\n" }.joined()
        out += "\n" + LinkedText.body(plain: email.body, html: email.bodyHTML, snippet: email.snippet).readable()
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }

    static func status(_ email: Email, dealName: String?) -> String {
        switch email.status {
        case .unresolved: return "Unresolved"
        case .resolved:
            guard let id = email.linkedID else { return "Resolved → \(email.linkedType ?? "a record")" }
            return "Resolved → " + (dealName.map { "\($0) (deal \(id))" } ?? "deal \(id)")
        case .dismissed: return "Dismissed"
        }
    }
}
