import Foundation
import Testing
@testable import ProductiveAPI

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 4, maxRateLimitedAttempts: 6, baseDelay: .milliseconds(100), maxDelay: .seconds(2), maxTotalWait: .seconds(30), maxRetryAfter: .seconds(60))

    func wait(_ outcome: RetryPolicy.Outcome, _ method: String, attempt: Int = 1, waited: Duration = .zero) -> RetryPolicy.Wait? {
        policy.wait(after: outcome, method: method, attempt: attempt, waited: waited, random: 0.5)
    }

    @Test func getRetriesServerErrorsTimeoutsAndLostConnections() {
        for outcome in [RetryPolicy.Outcome.status(500, retryAfter: nil), .status(502, retryAfter: nil), .status(504, retryAfter: nil), .interrupted, .notConnected] {
            #expect(wait(outcome, "GET") != nil, "\(outcome)")
        }
    }

    @Test func patchAndDeleteRetryOnlyWhenTheServerCannotHaveActed() {
        for method in ["PATCH", "DELETE"] {
            #expect(wait(.status(500, retryAfter: nil), method) == nil)
            #expect(wait(.status(504, retryAfter: nil), method) == nil)
            #expect(wait(.interrupted, method) == nil)
            #expect(wait(.notConnected, method) != nil)
            #expect(wait(.status(429, retryAfter: .seconds(3)), method) == .serverRequested(.seconds(3)))
            #expect(wait(.status(503, retryAfter: .seconds(1)), method) == .serverRequested(.seconds(1)))
            #expect(wait(.status(503, retryAfter: nil), method) != nil)
        }
    }

    @Test func clientErrorsAndPermanentFailuresAreNotRetried() {
        for status in [400, 401, 403, 404, 415, 422] {
            #expect(wait(.status(status, retryAfter: nil), "GET") == nil)
        }
        #expect(wait(.permanent, "GET") == nil)
    }

    @Test func attemptsAreBounded() {
        #expect(wait(.status(500, retryAfter: nil), "GET", attempt: 3) != nil)
        #expect(wait(.status(500, retryAfter: nil), "GET", attempt: 4) == nil)
        #expect(wait(.status(429, retryAfter: .seconds(1)), "GET", attempt: 5) != nil)
        #expect(wait(.status(429, retryAfter: .seconds(1)), "GET", attempt: 6) == nil)
    }

    @Test func totalWaitIsBounded() {
        #expect(wait(.status(429, retryAfter: .seconds(10)), "GET", waited: .seconds(20)) != nil)
        #expect(wait(.status(429, retryAfter: .seconds(11)), "GET", waited: .seconds(20)) == nil)
        #expect(wait(.status(429, retryAfter: .seconds(61)), "GET") == nil)
    }

    @Test func backoffGrowsWithJitterAndIsCapped() {
        #expect(policy.backoff(attempt: 1, random: 0) == .milliseconds(50))
        #expect(policy.backoff(attempt: 1, random: 1) == .milliseconds(100))
        #expect(policy.backoff(attempt: 2, random: 1) == .milliseconds(200))
        #expect(policy.backoff(attempt: 3, random: 0.5) == .milliseconds(300))
        #expect(policy.backoff(attempt: 10, random: 1) == .seconds(2))
        #expect(policy.backoff(attempt: 80, random: 1) == .seconds(2))
    }
}

@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 1_445_412_400)  // Wed, 21 Oct 2015 07:26:40 GMT

    @Test func seconds() {
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == .zero)
        #expect(RetryAfter.parse("1.5", now: now) == .milliseconds(1500))
    }

    @Test func httpDates() {
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(80))
        #expect(RetryAfter.parse("Wednesday, 21-Oct-15 07:28:00 GMT", now: now) == .seconds(80))
        #expect(RetryAfter.parse("Wed Oct 21 07:28:00 2015", now: now) == .seconds(80))
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == .zero)
    }

    @Test func nonsense() {
        #expect(RetryAfter.parse("", now: now) == nil)
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse("-5", now: now) == nil)
    }
}
