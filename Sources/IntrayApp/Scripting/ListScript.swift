import Foundation
import IntrayCore
import MailText
import ProductiveAPI

/// `intray list`: the emails matching the API's filters, written as the pages arrive. When the
/// reader goes away (`| head`) no further page is fetched and the command ends with status 0.
public struct ListScript: Sendable {
    /// `--status`: one of the tabs, or all of them.
    public enum StatusChoice: String, Sendable, CaseIterable {
        case unresolved, resolved, dismissed, all

        var status: EmailStatus? {
            switch self {
            case .unresolved: .unresolved
            case .resolved: .resolved
            case .dismissed: .dismissed
            case .all: nil
            }
        }
    }

    public var status: StatusChoice = .unresolved
    public var from: [String] = []
    public var to: [String] = []
    public var with: [String] = []
    public var after: String?
    public var before: String?
    public var limit: Int?
    /// nil: a table on a terminal, TSV otherwise.
    public var format: EmailRowFormat?

    public init() {}

    /// The filter the options ask for, with dates resolved against `now`; bad values are
    /// usage errors naming the option.
    public func filter(now: Date, calendar: Calendar) throws(ScriptFailure) -> EmailFilter {
        var filter = EmailFilter(status: status.status)
        filter.creatorIDs = try Self.personIDs(from, option: "--from")
        filter.recipientIDs = try Self.personIDs(to, option: "--to")
        filter.senderOrRecipientIDs = try Self.personIDs(with, option: "--with")
        filter.after = try Self.date(after, option: "--after", now: now, calendar: calendar)
        filter.before = try Self.date(before, option: "--before", now: now, calendar: calendar)
        if let limit, limit < 1 { throw ScriptFailure(.usage, "--limit must be at least 1, not \(limit).") }
        return filter
    }

    private static func personIDs(_ values: [String], option: String) throws(ScriptFailure) -> [String] {
        var ids: [String] = []
        for value in values {
            do { ids += try FilterLine.personIDs(value, option: option) } catch { throw ScriptFailure(.usage, error.description) }
        }
        return ids
    }

    private static func date(_ value: String?, option: String, now: Date, calendar: Calendar) throws(ScriptFailure) -> String? {
        guard let value else { return nil }
        do { return try CreationDate.parse(value, now: now, calendar: calendar) } catch {
            throw ScriptFailure(.usage, "\(option): \(error.description)")
        }
    }

    /// Runs against `api`; answers the exit status. `pageSize` comes from the config file.
    public func run(
        api: any EmailsAPI, io: ScriptIO, pageSize: Int, now: Date = Date(), calendar: Calendar = .current
    ) async -> ScriptExit {
        let filter: EmailFilter
        do { filter = try self.filter(now: now, calendar: calendar) } catch { return report(error, io: io) }
        let format = format ?? (io.outputIsTerminal ? .table : .tsv)
        let showStatus = status == .all
        var deals = DealNames(api: api)
        if let header = format.header(columns: io.columns, showStatus: showStatus), !io.output.write(header + "\n") { return .ok }
        var written = 0
        let size = min(pageSize, limit ?? pageSize)
        do {
            // Two pages ahead at most: a script reading part of the list wastes little.
            for try await page in EmailPages(api: api, filter: filter, pageSize: size, concurrency: 2) {
                for email in page.emails {
                    let dealName = format == .json ? await deals.name(of: email) : nil
                    let row = format.row(email, dealName: dealName, columns: io.columns, showStatus: showStatus, calendar: calendar)
                    guard io.output.write(row) else { return .ok }
                    written += 1
                    if let limit, written >= limit { return .ok }
                }
            }
        } catch {
            return report(ScriptFailure(APIError.wrapping(error)), io: io)
        }
        return .ok
    }
}

/// Deal names for linked emails, read once from `GET /deals` when the first linked email
/// shows up; "when known": a deal not in that first page stays unnamed.
struct DealNames {
    let api: any EmailsAPI
    private var names: [String: String]?

    init(api: any EmailsAPI) {
        self.api = api
    }

    mutating func name(of email: Email) async -> String? {
        guard let id = email.linkedID, email.linkedType == nil || email.linkedType == "Quote" else { return nil }
        if names == nil {
            let deals = (try? await api.deals(DealQuery(text: nil, stageStatus: nil, pageSize: 200))) ?? []
            names = Dictionary(deals.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        }
        return names?[id]
    }
}

/// Writes `intray: message` to stderr and answers the failure's status.
func report(_ failure: ScriptFailure, io: ScriptIO) -> ScriptExit {
    // Server text can be part of the message: sanitised like everything else.
    io.errors.write("intray: \(TerminalText.sanitizeLine(failure.message))\n")
    return failure.exit
}
