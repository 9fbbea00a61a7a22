import Foundation
import IntrayCore
import Testing
@testable import ProductiveAPI

/// Retries as `RetryPolicy` says, against a router answering exactly what each test scripts.
/// A skipping clock makes backoff and `Retry-After` waits instant but recorded.
@Suite struct HTTPRetryTests {
    static let policy = RetryPolicy(maxAttempts: 4, maxRateLimitedAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
    static let dismissed = (try? Fixture.text("dismiss-response")) ?? ""

    @Test func getRetriesServerErrorsThenSucceeds() async throws {
        let clock = SkippingClock()
        try await StubProductive.run(respond: { _, index in
            index < 2 ? .json([500, 502][index], "") : .json(200, emailList(count: 2))
        }) { url, stub in
            try await withAPI(url, retry: Self.policy, clock: clock.apiClock) { api in
                let page = try await api.emails(EmailFilter(), page: PageRequest())
                #expect(page.emails.count == 2)
            }
            #expect(await stub.requests.count == 3)
            // Equal jitter at 0.5: 75% of 100 ms, then of 200 ms.
            #expect(clock.sleeps == [.milliseconds(75), .milliseconds(150)])
        }
    }

    @Test func getGivesUpAfterTheLastAttempt() async throws {
        let clock = SkippingClock()
        try await StubProductive.run(respond: { _, _ in .json(500, "") }) { url, stub in
            try await withAPI(url, retry: Self.policy, clock: clock.apiClock) { api in
                let error = try #require(await apiError { try await api.email(id: "1") })
                #expect(error.kind == .server(status: 500))
                #expect(error.detail.contains("after 4 attempts"))
            }
            #expect(await stub.requests.count == 4)
        }
    }

    @Test(arguments: ["PATCH", "DELETE"])
    func changesAreNotRetriedOnServerErrors(method: String) async throws {
        let clock = SkippingClock()
        try await StubProductive.run(respond: { _, _ in .json(500, "") }) { url, stub in
            try await withAPI(url, retry: Self.policy, clock: clock.apiClock) { api in
                let error = try #require(await apiError {
                    if method == "PATCH" { _ = try await api.dismiss(emailID: "10") } else { try await api.delete(emailID: "10") }
                })
                #expect(error.kind == .server(status: 500))
            }
            #expect(await stub.requests.count == 1)
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test func patchIsNotRetriedAfterATimeoutButGetIs() async throws {
        try await StubProductive.run(respond: { _, index in
            index == 0 ? StubReply(status: 200, body: Self.dismissed, delay: .seconds(1)) : .json(200, Self.dismissed)
        }) { url, stub in
            try await withAPI(url, retry: Self.policy, timeout: .milliseconds(250)) { api in
                let error = try #require(await apiError { try await api.dismiss(emailID: "10") })
                #expect(error.kind == .timeout)
            }
            // None when a loaded machine lets the timeout pass before the request arrives; a
            // retry would make two.
            #expect(await stub.requests.count <= 1)
        }
        try await StubProductive.run(respond: { _, index in
            index == 0 ? StubReply(status: 200, body: Self.dismissed, delay: .seconds(1)) : .json(200, Self.dismissed)
        }) { url, stub in
            try await withAPI(url, retry: Self.policy, timeout: .milliseconds(250)) { api in
                let email = try await api.email(id: "10")
                #expect(email.id == "10")
            }
            // At least one retry; a loaded machine can make the quick second answer miss the
            // 250 ms timeout too, so the exact count is not the point.
            #expect(await stub.requests.count >= 2)
        }
    }

    @Test func rateLimitedPatchWaitsForRetryAfterSecondsThenSucceeds() async throws {
        let clock = SkippingClock()
        try await StubProductive.run(respond: { _, index in
            index == 0 ? .json(429, "", headers: ["Retry-After": "2"]) : .json(200, Self.dismissed)
        }) { url, stub in
            try await withAPI(url, retry: Self.policy, clock: clock.apiClock) { api in
                let email = try await api.dismiss(emailID: "10")
                #expect(email.status == .dismissed)
            }
            #expect(await stub.requests.count == 2)
            #expect(clock.sleeps == [.seconds(2)])
        }
    }

    @Test func retryAfterAsAnHTTPDate() async throws {
        let clock = SkippingClock()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let inFiveSeconds = formatter.string(from: clock.apiClock.date().addingTimeInterval(5))
        try await StubProductive.run(respond: { _, index in
            index == 0 ? .json(503, "", headers: ["Retry-After": inFiveSeconds]) : .json(204, "")
        }) { url, stub in
            try await withAPI(url, retry: Self.policy, clock: clock.apiClock) { api in
                try await api.delete(emailID: "13")
            }
            #expect(await stub.requests.count == 2)
            #expect(clock.sleeps == [.seconds(5)])
        }
    }

    @Test func retryAfterIsHonouredInRealTime() async throws {
        try await StubProductive.run(respond: { _, index in
            index == 0 ? .json(429, "", headers: ["Retry-After": "1"]) : .json(200, Self.dismissed)
        }) { url, stub in
            try await withAPI(url, retry: Self.policy) { api in
                _ = try await api.attach(emailID: "10", toDeal: "386")
            }
            let requests = await stub.requests
            #expect(requests.count == 2)
            #expect(requests[1].at - requests[0].at >= .seconds(1))
            #expect(requests[1].body == requests[0].body)
        }
    }

    @Test func tooLongARetryAfterIsReportedNotWaited() async throws {
        let clock = SkippingClock()
        try await StubProductive.run(respond: { _, _ in .json(429, "", headers: ["Retry-After": "3600"]) }) { url, stub in
            try await withAPI(url, retry: Self.policy, clock: clock.apiClock) { api in
                let error = try #require(await apiError { try await api.dismiss(emailID: "10") })
                #expect(error.kind == .rateLimited(retryAfter: 3600))
            }
            #expect(await stub.requests.count == 1)
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test func rateLimitingIsBounded() async throws {
        let clock = SkippingClock()
        try await StubProductive.run(respond: { _, _ in .json(429, "", headers: ["Retry-After": "1"]) }) { url, stub in
            try await withAPI(url, retry: Self.policy, clock: clock.apiClock) { api in
                let error = try #require(await apiError { try await api.dismiss(emailID: "10") })
                #expect(error.kind == .rateLimited(retryAfter: 1))
            }
            #expect(await stub.requests.count == 4)
        }
    }

    @Test func aRefusedConnectionIsRetriedEvenForAChange() async throws {
        let clock = SkippingClock()
        let url = try await unusedLoopbackURL()
        try await withAPI(url, retry: Self.policy, clock: clock.apiClock) { api in
            let error = try #require(await apiError { try await api.dismiss(emailID: "10") })
            #expect(error.message == "could not reach 127.0.0.1: connection refused")
        }
        #expect(clock.sleeps.count == 3)
    }
}
