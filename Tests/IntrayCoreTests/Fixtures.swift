import Foundation
@testable import IntrayCore

/// Small builders for reducer tests.
enum Fixture {
    static let base = Date(timeIntervalSince1970: 1_750_000_000)

    static func email(_ id: Int, subject: String? = nil, from: String = "anna@acme.example", name: String? = "Anna", linkedID: String? = nil, dismissed: Bool = false, body: String? = "Hello") -> Email {
        Email(
            id: String(id), subject: subject ?? "Subject \(id)", body: body,
            from: Person(name: name, address: from),
            createdAt: base.addingTimeInterval(Double(id) * 60),
            dismissedAt: dismissed ? base : nil,
            linkedType: linkedID == nil ? nil : "Quote", linkedID: linkedID
        )
    }

    /// Emails newest first, as the server sends them.
    static func emails(_ ids: ClosedRange<Int>) -> [Email] { ids.reversed().map { email($0) } }

    static func page(_ emails: [Email], number: Int = 1, totalPages: Int = 1, totalCount: Int? = nil) -> EmailPage {
        EmailPage(emails: emails, meta: PageMeta(currentPage: number, totalPages: totalPages, totalCount: totalCount ?? emails.count, pageSize: 30, maxPageSize: 200))
    }

    /// A started app whose unresolved tab holds `emails` (fully loaded).
    static func loaded(_ emails: [Email], columns: Int = 120, rows: Int = 40) -> AppState {
        var state = AppState()
        _ = Reducer.reduce(&state, .terminalResized(columns: columns, rows: rows))
        _ = Reducer.reduce(&state, .appStarted)
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 1, page(emails)))
        _ = Reducer.reduce(&state, .tabLoadFinished(.unresolved, generation: 1))
        return state
    }
}

extension AppState {
    var visibleIDs: [String] { visible.map { current.rows[$0].id } }
}

extension Array where Element == Effect {
    /// The effects other than journal writes, which `RetryTests` checks on their own.
    var sansJournal: [Effect] {
        filter {
            switch $0 {
            case .journalRecord, .journalForget: false
            default: true
            }
        }
    }
}

extension TriageRequest {
    /// The action as the outbox sends it: one more try.
    var sent: TriageRequest {
        var copy = self
        copy.attempt += 1
        return copy
    }
}
