import IntrayCore
import Testing
@testable import ProductiveAPI

@Suite struct EmailPagesTests {
    static func collect(_ pages: EmailPages) async throws -> [Int] {
        var numbers: [Int] = []
        for try await page in pages { numbers.append(page.meta.currentPage) }
        return numbers
    }

    @Test func yieldsEveryPageInOrderWhenLaterPagesArriveFirst() async throws {
        // Later pages answer sooner, so they finish out of order.
        let api = FakeEmailsAPI(totalPages: 9) { page in .milliseconds(page == 1 ? 0 : (10 - page) * 5) }
        let numbers = try await Self.collect(EmailPages(api: api, filter: EmailFilter(), pageSize: 5, concurrency: 4))
        #expect(numbers == Array(1...9))
        let events = await api.events
        #expect(events.contains(.finished(5)) && events.firstIndex(of: .finished(5))! < events.firstIndex(of: .finished(2))!)
    }

    @Test func firstPageAloneThenTheRest() async throws {
        let api = FakeEmailsAPI(totalPages: 6) { _ in .milliseconds(5) }
        var iterator = EmailPages(api: api, filter: EmailFilter(status: .unresolved), pageSize: 2).makeAsyncIterator()
        let first = try #require(try await iterator.next())
        #expect(first.meta.currentPage == 1 && first.emails.count == 2)
        let events = await api.events
        #expect(Array(events.prefix(2)) == [.started(1), .finished(1)])
        while try await iterator.next() != nil {}
        #expect(await api.started.sorted() == Array(1...6))
    }

    @Test func neverMoreThanTheConcurrencyInFlight() async throws {
        let api = FakeEmailsAPI(totalPages: 30) { page in .milliseconds(1 + page % 7) }
        let numbers = try await Self.collect(EmailPages(api: api, filter: EmailFilter(), concurrency: 4))
        #expect(numbers == Array(1...30))
        let most = await api.maxInFlight
        #expect(most <= 4)
        #expect(most > 1)
        #expect(await api.started.count == 30)
    }

    @Test func onePageMeansOneRequest() async throws {
        let api = FakeEmailsAPI(totalPages: 1)
        #expect(try await Self.collect(EmailPages(api: api, filter: EmailFilter())) == [1])
        #expect(await api.started == [1])
    }

    @Test func anEmptyInboxIsOnePage() async throws {
        let api = FakeEmailsAPI(totalPages: 0)
        #expect(try await Self.collect(EmailPages(api: api, filter: EmailFilter())) == [1])
        #expect(await api.started == [1])
    }

    @Test func aFailedPageIsThrownOnceThenIterationEnds() async throws {
        let api = FakeEmailsAPI(totalPages: 8, failingPage: 3)
        var iterator = EmailPages(api: api, filter: EmailFilter(), concurrency: 2).makeAsyncIterator()
        #expect(try await iterator.next()?.meta.currentPage == 1)
        #expect(try await iterator.next()?.meta.currentPage == 2)
        await #expect(throws: APIError.self) { try await iterator.next() }
        #expect(try await iterator.next() == nil)
    }

    @Test func cancellingTheConsumerStopsAllRequests() async throws {
        // Pages 1 and 2 answer; later ones hang until cancelled.
        let api = FakeEmailsAPI(totalPages: 50) { page in page <= 2 ? .zero : nil }
        let consumed = ConsumedPages()
        let consumer = Task {
            for try await page in EmailPages(api: api, filter: EmailFilter(), concurrency: 4) {
                await consumed.add(page.meta.currentPage)
            }
            return "ended"
        }
        await eventually { await consumed.numbers == [1, 2] }
        await eventually { await api.started.count == 6 }  // pages 3...6 in flight
        consumer.cancel()
        #expect(try await consumer.value == "ended")
        await eventually { await api.events.filter { if case .cancelled = $0 { true } else { false } }.count == 4 }
        try await Task.sleep(for: .milliseconds(50))
        #expect(await api.started.sorted() == [1, 2, 3, 4, 5, 6])
    }

    actor ConsumedPages {
        var numbers: [Int] = []
        func add(_ number: Int) { numbers.append(number) }
    }
}

@Suite struct LaterPageSizeTests {
    @Test func laterPagesStartAtThePageOfTheirSizeThatHoldsTheFirstEmailNotYetListed() {
        #expect(EmailPages.laterPages(total: 100_000, pageSize: 100, laterPageSize: 200) == 1...500)
        #expect(EmailPages.laterPages(total: 100_000, pageSize: 200, laterPageSize: 200) == 2...500)
        #expect(EmailPages.laterPages(total: 450, pageSize: 400, laterPageSize: 200) == 3...3)
        #expect(EmailPages.laterPages(total: 30, pageSize: 30, laterPageSize: 200) == nil)
        #expect(EmailPages.laterPages(total: 61, pageSize: 30, laterPageSize: 30) == 2...3)
    }
}
