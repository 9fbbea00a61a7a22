import Foundation
import IntrayCore
import Logging
import ProductiveAPI

/// Performs the store's effects on Swift concurrency against an `EmailsAPI` and posts the
/// answers back as actions. Work that a newer request makes stale (a tab's load, a deal
/// search) is cancelled by key. Cancelling does not stop an answer already on its way, so
/// answers carry a generation or tag and the reducer ignores old ones.
public final class EffectRunner: Sendable {
    private enum TaskKey: Hashable {
        case tab(EmailStatus)
        case peek(EmailStatus)
        case poll(EmailStatus)
        case details
        case bodySearch
        case dealSearch
        case deals
        case undoWindow(batch: Int)
    }

    private let api: any EmailsAPI
    private let post: @Sendable (Action) -> Void
    private let logger: Logger
    private let tasks = TaskTable<TaskKey>()
    private let pageConcurrency: Int
    private let archive: BodyArchive?
    private let journal: Journal?
    private let browser: Browser

    public init(api: any EmailsAPI, logger: Logger, pageConcurrency: Int = 4, archive: BodyArchive? = nil, journal: Journal? = nil, browser: Browser = Browser(environment: ProcessInfo.processInfo.environment), post: @escaping @Sendable (Action) -> Void) {
        self.api = api
        self.logger = logger
        self.pageConcurrency = pageConcurrency
        self.archive = archive
        self.journal = journal
        self.browser = browser
        self.post = post
    }

    /// UI thread; returns at once.
    public func perform(_ effect: Effect) {
        switch effect {
        case .loadTab(let status, let generation, let pageSize, let filter):
            tasks.replace(.tab(status)) { [api, post, logger, pageConcurrency] in
                let pages = EmailPages(api: api, filter: filter.with(status: status), pageSize: pageSize, laterPageSize: PageRequest.largestSize, concurrency: pageConcurrency)
                do {
                    for try await page in pages {
                        post(.pageLoaded(status, generation: generation, page))
                    }
                    post(.tabLoadFinished(status, generation: generation))
                } catch {
                    let apiError = APIError.wrapping(error)
                    guard apiError.kind != .cancelled, !Task.isCancelled else { return }
                    logger.error("loading \(status.title) failed: \(apiError.detail.isEmpty ? apiError.message : apiError.detail)")
                    post(.pageFailed(status, generation: generation, apiError))
                }
            }
        case .peekTab(let status, let pageSize, let filter):
            tasks.replace(.peek(status)) { [api, post, logger] in
                do {
                    let page = try await Self.inBackground(api, filter.with(status: status), page: PageRequest(number: 1, size: pageSize))
                    post(.tabPeeked(status, page))
                } catch {
                    logger.warning("counting \(status.title) failed: \(APIError.wrapping(error).detail)")
                }
            }
        case .pollTab(let status, let after, let generation, let filter):
            tasks.replace(.poll(status)) { [api, post, logger] in
                do {
                    let page = try await Self.inBackground(api, filter.with(status: status, after: after), page: PageRequest(number: 1, size: PageRequest.largestSize))
                    post(.polled(status, generation: generation, page))
                } catch {
                    logger.warning("looking for new \(status.title) mail failed: \(APIError.wrapping(error).detail)")
                }
            }
        case .loadDetails(let ids, let tag, let debounce):
            tasks.replace(.details) { [self] in
                if debounce > .zero {
                    do { try await Task.sleep(for: debounce) } catch { return }
                }
                await fetchDetails(ids, tag: tag)
            }
        case .listDetails(let page, let filter, let expected, let needed, let tag, let debounce):
            tasks.replace(.details) { [self] in
                if debounce > .zero {
                    do { try await Task.sleep(for: debounce) } catch { return }
                }
                var emails: [Email] = []
                do {
                    emails = try await Self.interactive(api, filter.with(status: page.status), page: page.request).emails
                } catch {
                    let apiError = APIError.wrapping(error)
                    guard apiError.kind != .cancelled, !Task.isCancelled else { return }
                    logger.warning("listing emails for the detail pane failed: \(apiError.detail.isEmpty ? apiError.message : apiError.detail)")
                }
                guard !Task.isCancelled else { return }
                let answered = Set(emails.map(\.id))
                post(.detailsListed(page, tag: tag, emails, unanswered: expected.filter { !answered.contains($0) && !needed.contains($0) }))
                await fetchDetails(needed.filter { !answered.contains($0) }, tag: tag)
            }
        case .keepEmail(let email):
            guard let archive else { return }
            Task { archive.keep(email) }
        case .loadDeals:
            tasks.replace(.deals) { [api, post, logger] in
                do {
                    let deals = try await api.deals(DealQuery(text: nil, stageStatus: nil, pageSize: 200))
                    post(.dealsLoaded(deals))
                } catch {
                    logger.warning("loading deals failed: \(APIError.wrapping(error).detail)")
                }
            }
        case .searchDeals(let query, let tag, let debounce):
            tasks.replace(.dealSearch) { [api, post] in
                if debounce > .zero {
                    do { try await Task.sleep(for: debounce) } catch { return }
                }
                do {
                    let deals = try await api.deals(DealQuery(text: query.isEmpty ? nil : query, stageStatus: .open))
                    guard !Task.isCancelled else { return }
                    post(.dealSearchAnswered(tag: tag, .success(deals)))
                } catch {
                    let apiError = APIError.wrapping(error)
                    guard apiError.kind != .cancelled, !Task.isCancelled else { return }
                    post(.dealSearchAnswered(tag: tag, .failure(apiError)))
                }
            }
        case .cancelDealSearch:
            tasks.cancel(.dealSearch)
        case .searchBodies(let status, let text, let tag, let filter):
            tasks.replace(.bodySearch) { [api, post, logger, pageConcurrency] in
                let matcher = SearchMatcher(text)
                let size = PageRequest.largestSize
                let pages = EmailPages(api: api, filter: filter.with(status: status), pageSize: size, concurrency: pageConcurrency)
                var read = 0
                do {
                    for try await page in pages {
                        read += 1
                        let matches = page.emails.filter(matcher.matches).map(\.id)
                        post(.bodiesSearched(tag: tag, matches: matches, pagesRead: read, totalPages: page.meta.totalPages))
                    }
                    post(.bodySearchEnded(tag: tag, error: nil))
                } catch {
                    let apiError = APIError.wrapping(error)
                    guard apiError.kind != .cancelled, !Task.isCancelled else { return }
                    logger.error("searching bodies of \(status.title) failed: \(apiError.detail.isEmpty ? apiError.message : apiError.detail)")
                    post(.bodySearchEnded(tag: tag, error: apiError))
                }
            }
        case .cancelBodySearch:
            tasks.cancel(.bodySearch)
        case .send(let action):
            // Triage requests are never cancelled: once shown as done they must reach the server or come back.
            Task { [api, post, logger] in
                let result = await Self.carryOut(action, api: api, logger: logger)
                post(.triageAnswered(actionID: action.id, result))
            }
        case .scheduleRetry(let actionID, let delay):
            Task { [post] in
                try? await Task.sleep(for: delay)
                post(.retryDue(actionID: actionID))
            }
        case .journalRecord(let actions):
            do { try journal?.record(actions) } catch {
                logger.error("journal: could not record \(actions.count) actions: \(error)")
                let what = actions.count == 1 ? "this action, so it is" : "these \(actions.count) actions, so they are"
                post(.noticed(StatusMessage("The journal could not record \(what) not kept safe against a crash: \(error)", kind: .error)))
            }
        case .journalForget(let ids):
            do { try journal?.forget(ids) } catch { logger.error("journal: could not strike \(ids.count) actions: \(error)") }
        case .startUndoWindow(let batch, let duration):
            tasks.replace(.undoWindow(batch: batch)) { [post] in
                do { try await Task.sleep(for: duration) } catch { return }
                post(.undoWindowElapsed(batch: batch))
            }
        case .cancelUndoWindow(let batch):
            tasks.cancel(.undoWindow(batch: batch))
        case .openLink(let address):
            // Spawning returns once the browser has started, but the UI thread waits for nothing.
            Task { [post, logger, browser] in
                let opening = browser.open(address)
                logger.info("open link: \(opening)")
                post(.linkOpened(address, opening))
            }
        case .exit, .copyToClipboard:
            break
        }
    }

    /// Sends one action. When the last try may have landed, the email is read first and the
    /// action is sent only if it has not taken effect; when Productive refuses, the email is
    /// read to learn whether someone else moved it meanwhile.
    static func carryOut(_ action: TriageRequest, api: any EmailsAPI, logger: Logger) async -> Result<Email?, APIError> {
        let id = action.email.id
        if action.rereadFirst {
            let current: Email?
            do {
                current = try await api.email(id: id)
            } catch let error as APIError where error.kind == .notFound {
                current = nil
            } catch {
                return .failure(APIError.wrapping(error))
            }
            switch ActionRetry.afterRereading(current, for: action) {
            case .send:
                break
            case .alreadyDone, .movedElsewhere:
                logger.info("\(action.kind.logName) email \(id): re-read, nothing to send")
                return .success(current)
            case .gone:
                return .failure(APIError(.notFound, message: "The email no longer exists."))
            }
        }
        do {
            let result: Email?
            switch action.kind {
            case .attach(let deal): result = try await api.attach(emailID: id, toDeal: deal.id)
            case .dismiss: result = try await api.dismiss(emailID: id)
            case .delete:
                try await api.delete(emailID: id)
                result = nil
            }
            logger.info("\(action.kind.logName) email \(id): done (try \(action.attempt))")
            return .success(result)
        } catch {
            let apiError = APIError.wrapping(error)
            logger.error("\(action.kind.logName) email \(id) failed (try \(action.attempt)): \(apiError.message) \(apiError.detail)")
            if ActionRetry.decide(apiError, kind: action.kind, attempt: action.attempt) == .refused,
               let current = try? await api.email(id: id), current.status != action.from {
                return .success(current)
            }
            return .failure(apiError)
        }
    }

    /// A list request nobody waits for: it takes the background share of the rate limit, after
    /// the user's own requests.
    /// Whole emails by id, from the archive when it keeps them, each answered `detailLoaded`.
    private func fetchDetails(_ ids: [String], tag: Int) async {
        await withTaskGroup(of: Void.self) { [api, post, archive] group in
            for id in ids {
                group.addTask {
                    if let kept = archive?.email(id: id) {
                        post(.detailLoaded(id: id, tag: tag, .success(kept)))
                        return
                    }
                    do {
                        let email = try await api.email(id: id)
                        post(.detailLoaded(id: id, tag: tag, .success(email)))
                    } catch {
                        let apiError = APIError.wrapping(error)
                        guard apiError.kind != .cancelled, !Task.isCancelled else { return }
                        post(.detailLoaded(id: id, tag: tag, .failure(apiError)))
                    }
                }
            }
        }
    }

    static func interactive(_ api: any EmailsAPI, _ filter: EmailFilter, page: PageRequest) async throws -> EmailPage {
        if let http = api as? HTTPEmailsAPI { return try await http.emails(filter, page: page, priority: .interactive) }
        return try await api.emails(filter, page: page)
    }

    static func inBackground(_ api: any EmailsAPI, _ filter: EmailFilter, page: PageRequest) async throws -> EmailPage {
        if let http = api as? HTTPEmailsAPI { return try await http.emails(filter, page: page, priority: .background) }
        return try await api.emails(filter, page: page)
    }

    /// Stops background loading; triage requests in flight keep going.
    public func cancelBackgroundWork() {
        tasks.cancelAll()
    }
}

extension TriageRequest.Kind {
    var logName: String {
        switch self {
        case .attach(let deal): "attach to deal \(deal.id)"
        case .dismiss: "dismiss"
        case .delete: "delete"
        }
    }
}
