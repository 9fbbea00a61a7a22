import Foundation
import IntrayCore
@testable import IntrayApp
import Logging
import ProductiveAPI
import ProductiveSandbox
import Synchronization
import Testing

/// The runtime half of the store: effects performed against the sandbox over loopback come
/// back as the actions the reducer expects.
@Suite struct EffectRunnerTests {
    final class Inbox: Sendable {
        private let actions = Mutex<[Action]>([])
        func post(_ action: Action) { actions.withLock { $0.append(action) } }
        var all: [Action] { actions.withLock { $0 } }

        func wait(timeout: Duration = .seconds(60), until done: ([Action]) -> Bool) async throws -> [Action] {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                let seen = all
                if done(seen) { return seen }
                try await Task.sleep(for: .milliseconds(20))
            }
            Issue.record("timed out; actions so far: \(all)")
            return all
        }
    }

    private func makeRunner(_ sandbox: Sandbox, inbox: Inbox) throws -> (EffectRunner, HTTPEmailsAPI) {
        let configuration = try ProductiveConfiguration(baseURL: sandbox.baseURL, token: sandbox.token, organizationID: sandbox.organizationID)
        let api = HTTPEmailsAPI(configuration: configuration, pacer: RequestPacer())
        let runner = EffectRunner(api: api, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) { inbox.post($0) }
        return (runner, api)
    }

    @Test func loadingATabPostsASmallFirstPageThenTheLargestPagesThenFinishes() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 700, seed: 3))
        let inbox = Inbox()
        let (runner, api) = try makeRunner(sandbox, inbox: inbox)
        runner.perform(.loadTab(.unresolved, generation: 7, pageSize: 20))
        let actions = try await inbox.wait { $0.contains(.tabLoadFinished(.unresolved, generation: 7)) }
        let pages = actions.compactMap { action -> EmailPage? in
            if case .pageLoaded(.unresolved, 7, let page) = action { return page }
            return nil
        }
        let first = try #require(pages.first)
        #expect(first.meta.pageSize == 20 && first.emails.count == 20)
        let later = pages.dropFirst()
        #expect(later.map(\.meta.currentPage) == Array(1...later.count), "pages of 200 from the one holding email 21")
        #expect(later.allSatisfy { $0.meta.pageSize == 200 })
        let ids = Set(pages.flatMap { $0.emails.map(\.id) })
        #expect(ids.count == first.meta.totalCount)
        #expect(Set(try await sandbox.storedEmailIDs(status: 1)) == ids)
        try? await api.shutdown()
        await sandbox.stop()
    }

    @Test func aDetailPageKeepsItsEmailsWholeAndFetchesByIDTheNeededOnesItDidNotHold() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 120, seed: 3))
        let inbox = Inbox()
        let (runner, api) = try makeRunner(sandbox, inbox: inbox)
        let filter = EmailFilter(status: .unresolved)
        let firstPage = try await api.emails(filter, page: PageRequest(number: 1, size: 50)).emails.map(\.id)
        let secondPage = try await api.emails(filter, page: PageRequest(number: 2, size: 50)).emails.map(\.id)
        let page = ListedPage(status: .unresolved, generation: 1, number: 2, size: 50)
        // Listed locally before the server's listing moved: one id it no longer holds there.
        let expected = Array(secondPage.dropFirst()) + ["999999"]
        let needed = [secondPage[1], firstPage[49]]
        runner.perform(.listDetails(page, filter: EmailFilter(), expected: expected, needed: needed, tag: 4, debounce: .zero))

        let actions = try await inbox.wait { $0.count == 2 }
        guard case .detailsListed(page, 4, let emails, let unanswered) = actions[0] else {
            Issue.record("expected the page first: \(actions)")
            return
        }
        #expect(emails.map(\.id) == secondPage)
        #expect(emails.allSatisfy { $0.body != nil || $0.bodyHTML != nil }, "list pages carry whole emails")
        #expect(unanswered == ["999999"])
        guard case .detailLoaded(let id, 4, .success(let email)) = actions[1] else {
            Issue.record("expected the email not on the page by id: \(actions)")
            return
        }
        #expect(id == firstPage[49] && email.id == id)
        try? await api.shutdown()
        await sandbox.stop()
    }

    @Test func aTriageActionComesBackWithTheEmailAsTheServerNowHasIt() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 20, seed: 3))
        let inbox = Inbox()
        let (runner, api) = try makeRunner(sandbox, inbox: inbox)
        let id = try #require(try await sandbox.storedEmailIDs(status: 1).first)
        let email = try await api.email(id: id)
        runner.perform(.send(TriageRequest(id: 1, kind: .dismiss, email: EmailRow(email), from: .unresolved)))
        runner.perform(.send(TriageRequest(id: 2, kind: .delete, email: EmailRow(id: "999999", createdAt: Date()), from: .unresolved)))
        let actions = try await inbox.wait { $0.count == 2 }
        #expect(actions.contains { action in
            if case .triageAnswered(1, .success(let answered?)) = action { return answered.id == id && answered.status == .dismissed }
            return false
        })
        #expect(actions.contains { action in
            if case .triageAnswered(2, .failure(let error)) = action { return error.kind == .notFound }
            return false
        })
        try? await api.shutdown()
        await sandbox.stop()
    }

    @Test func aNewerDealSearchCancelsTheOlderOne() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 20, seed: 3))
        let inbox = Inbox()
        let (runner, api) = try makeRunner(sandbox, inbox: inbox)
        runner.perform(.searchDeals(query: "a", tag: 1, debounce: .milliseconds(300)))
        runner.perform(.searchDeals(query: "seo", tag: 2, debounce: .milliseconds(10)))
        let actions = try await inbox.wait { !$0.isEmpty }
        try await Task.sleep(for: .milliseconds(500))
        #expect(inbox.all.count == 1)
        guard case .dealSearchAnswered(2, .success(let deals)) = actions.first else {
            Issue.record("expected the second search's answer, got \(actions)")
            return
        }
        #expect(!deals.isEmpty)
        #expect(deals.allSatisfy { "\($0.name) \($0.number ?? "") \($0.companyName ?? "")".localizedCaseInsensitiveContains("seo") })
        try? await api.shutdown()
        await sandbox.stop()
    }

    @Test func aServerFailureWhileLoadingBecomesOneSentence() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 20, seed: 3, failureRate: 1))
        let inbox = Inbox()
        let configuration = try ProductiveConfiguration(baseURL: sandbox.baseURL, token: sandbox.token, organizationID: sandbox.organizationID, retry: .never)
        let api = HTTPEmailsAPI(configuration: configuration, pacer: RequestPacer())
        let runner = EffectRunner(api: api, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) { inbox.post($0) }
        runner.perform(.loadTab(.resolved, generation: 1, pageSize: 10))
        let actions = try await inbox.wait { !$0.isEmpty }
        guard case .pageFailed(.resolved, 1, let error) = actions.first else {
            Issue.record("expected a failed page, got \(actions)")
            return
        }
        #expect(error.httpStatus.map { (500...599).contains($0) } == true)
        #expect(!error.message.isEmpty && !error.message.contains("\n"))
        try? await api.shutdown()
        await sandbox.stop()
    }
}
