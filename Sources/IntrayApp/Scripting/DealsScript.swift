import IntrayCore
import MailText

/// `intray deals [QUERY]`: open deals matching the text, as the picker searches them.
public struct DealsScript: Sendable {
    public var query: String?
    public var json = false

    public init(query: String?) {
        self.query = query
    }

    public func run(api: any EmailsAPI, io: ScriptIO) async -> ScriptExit {
        let deals: [Deal]
        do {
            let text = query?.trimmingWhitespace()
            deals = try await api.deals(DealQuery(text: text?.isEmpty == false ? text : nil, stageStatus: .open))
        } catch {
            return report(ScriptFailure(APIError.wrapping(error)), io: io)
        }
        for deal in deals {
            let line: String
            if json {
                line = JSONText.write(.object([
                    ("id", .string(deal.id)), ("name", .string(deal.name)), ("number", .string(deal.number)),
                    ("company", .string(deal.companyName)),
                ]))
            } else {
                let cells = [deal.id, deal.number ?? "", deal.name, deal.companyName ?? ""].map { TerminalText.sanitizeLine($0) }
                line = [DisplayWidth.fit(cells[0], toWidth: 8), DisplayWidth.fit(cells[1], toWidth: 10), DisplayWidth.fit(cells[2], toWidth: 40), cells[3]]
                    .joined(separator: "  ")
            }
            guard io.output.write(line + "\n") else { return .ok }
        }
        return .ok
    }
}
