import Foundation
import IntrayCore

/// An `EmailsAPI` in memory for paging tests: `totalPages` pages of `pageSize` emails, each
/// page answered after `delay(page)` of real time (a page whose delay is nil waits until cancelled).
/// Records when each page was started, finished and cancelled.
actor FakeEmailsAPI: EmailsAPI {
    enum Event: Equatable, Sendable {
        case started(Int), finished(Int), cancelled(Int)
    }

    let totalPages: Int
    let delay: @Sendable (Int) -> Duration?
    let failingPage: Int?
    private(set) var events: [Event] = []
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0

    init(totalPages: Int, failingPage: Int? = nil, delay: @escaping @Sendable (Int) -> Duration? = { _ in .zero }) {
        self.totalPages = totalPages
        self.failingPage = failingPage
        self.delay = delay
    }

    var started: [Int] {
        events.compactMap { if case .started(let page) = $0 { page } else { nil } }
    }

    func emails(_ filter: EmailFilter, page: PageRequest) async throws -> EmailPage {
        events.append(.started(page.number))
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        defer { inFlight -= 1 }
        do {
            if let wait = delay(page.number) {
                if wait > .zero { try await Task.sleep(for: wait) }
            } else {
                try await Task.sleep(for: .seconds(3600))
            }
        } catch {
            events.append(.cancelled(page.number))
            throw APIError(.cancelled, message: "Cancelled.")
        }
        if page.number == failingPage {
            events.append(.finished(page.number))
            throw APIError(.server(status: 500), message: "Productive failed with a server error (500); try again shortly.")
        }
        events.append(.finished(page.number))
        let emails = (0..<page.size).map { index in
            Email(id: "\(page.number)-\(index)", createdAt: Date(timeIntervalSince1970: 0))
        }
        return EmailPage(
            emails: emails,
            meta: PageMeta(currentPage: page.number, totalPages: totalPages, totalCount: totalPages * page.size, pageSize: page.size)
        )
    }

    func email(id: String) async throws -> Email { throw APIError(.notFound, message: "unused") }
    func attach(emailID: String, toDeal dealID: String) async throws -> Email { throw APIError(.notFound, message: "unused") }
    func dismiss(emailID: String) async throws -> Email { throw APIError(.notFound, message: "unused") }
    func delete(emailID: String) async throws { throw APIError(.notFound, message: "unused") }
    func deals(_ query: DealQuery) async throws -> [Deal] { [] }
}
