import IntrayCore

/// Every page of `GET /emails` for a filter, in page order.
///
/// Page 1 is fetched first and yielded as soon as it arrives (the list can paint); its
/// `meta.total_count` then decides how many follow. Later pages may be larger
/// (`laterPageSize`, e.g. the API's largest, 200): they start at the page of that size that
/// holds the first email page 1 did not, and emails seen twice where they overlap are the
/// consumer's to skip. Later pages are fetched ahead of the
/// consumer, at most `concurrency` of them in flight or waiting to be consumed, and are
/// yielded in order. When the consuming task is cancelled (or the iterator is dropped) the
/// pages in flight are cancelled and no further request is made; iteration ends with nil.
/// An error fetching a page is thrown once and ends iteration.
public struct EmailPages: AsyncSequence, Sendable {
    public typealias Element = EmailPage

    public let api: any EmailsAPI
    public let filter: EmailFilter
    public let pageSize: Int
    public let laterPageSize: Int
    public let concurrency: Int

    public init(api: any EmailsAPI, filter: EmailFilter, pageSize: Int = 30, laterPageSize: Int? = nil, concurrency: Int = 4) {
        self.api = api
        self.filter = filter
        self.pageSize = pageSize
        self.laterPageSize = laterPageSize ?? pageSize
        self.concurrency = Swift.max(1, concurrency)
    }

    /// The later pages to fetch after a first page of `pageSize` when `total` emails match:
    /// numbers in pages of `laterPageSize`.
    static func laterPages(total: Int, pageSize: Int, laterPageSize: Int) -> ClosedRange<Int>? {
        guard total > pageSize else { return nil }
        let first = pageSize / laterPageSize + 1
        let last = (total + laterPageSize - 1) / laterPageSize
        return first <= last ? first...last : nil
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(fetcher: Fetcher(pages: self))
    }

    public struct Iterator: AsyncIteratorProtocol {
        let fetcher: Fetcher

        public mutating func next() async throws -> EmailPage? {
            try await fetcher.next()
        }
    }

    /// The iterator's state: which pages are started and which is due next. Owned by the task
    /// iterating; the page tasks it starts capture none of it.
    final class Fetcher {
        private let pages: EmailPages
        /// Page numbers, in `laterPageSize`, still to fetch after page 1.
        private var later: ClosedRange<Int>?
        private var firstDone = false
        private var due = 0
        private var nextToStart = 0
        private var inFlight: [Int: Task<EmailPage, any Error>] = [:]
        private var finished = false

        init(pages: EmailPages) {
            self.pages = pages
        }

        deinit {
            for task in inFlight.values { task.cancel() }
        }

        func next() async throws -> EmailPage? {
            guard !finished else { return nil }
            guard !Task.isCancelled else { return stop() }
            do {
                let page: EmailPage
                if !firstDone {
                    page = try await pages.api.emails(pages.filter, page: PageRequest(number: 1, size: pages.pageSize))
                    firstDone = true
                    later = EmailPages.laterPages(total: page.meta.totalCount, pageSize: pages.pageSize, laterPageSize: pages.laterPageSize)
                    due = later?.lowerBound ?? 0
                    nextToStart = due
                    guard !Task.isCancelled else { return stop() }
                    startAhead()
                    return page
                } else {
                    guard let later, later.contains(due) else { return stop() }
                    startAhead()
                    let task = inFlight[due]!
                    page = try await withTaskCancellationHandler {
                        try await task.value
                    } onCancel: { [tasks = Array(inFlight.values)] in
                        for task in tasks { task.cancel() }
                    }
                    inFlight[due] = nil
                }
                guard !Task.isCancelled else { return stop() }
                due += 1
                startAhead()
                return page
            } catch {
                if Task.isCancelled || (error as? APIError)?.kind == .cancelled || error is CancellationError {
                    return stop()
                }
                _ = stop()
                throw error
            }
        }

        /// Starts pages up to `concurrency` ahead of the one due.
        private func startAhead() {
            guard let later else { return }
            let api = pages.api, filter = pages.filter, size = pages.laterPageSize
            while later.contains(nextToStart), nextToStart < due + pages.concurrency {
                let number = nextToStart
                inFlight[number] = Task {
                    try await api.emails(filter, page: PageRequest(number: number, size: size))
                }
                nextToStart += 1
            }
        }

        private func stop() -> EmailPage? {
            finished = true
            for task in inFlight.values { task.cancel() }
            inFlight.removeAll()
            return nil
        }
    }
}

extension EmailsAPI {
    /// Every page for `filter`, page 1 first, later pages fetched `concurrency` at a time.
    public func pages(_ filter: EmailFilter, pageSize: Int = 30, concurrency: Int = 4) -> EmailPages {
        EmailPages(api: self, filter: filter, pageSize: pageSize, concurrency: concurrency)
    }
}
