import Foundation
import ProductiveSandbox
import Testing

/// The test knobs: rate limit, injected failures, latency, and the statistics that count them.
@Suite struct KnobTests {
    @Test func rateLimitAnswers429WithRetryAfterThenRecovers() async throws {
        // Five requests must fit in the window even on a loaded machine (seen: 17 s for five
        // while two builds ran), so the window is long and the recovery is asked for by
        // shortening it; RateWindow's own tests cover the sliding itself.
        let configuration = SandboxConfiguration(emailCount: 10, rateLimit: SandboxRateLimit(requests: 5, per: .seconds(120)))
        try await withSandbox(configuration) { sandbox, http in
            for _ in 0..<5 {
                #expect(try await http.send(.GET, "emails").status == 200)
            }
            let throttled = try await http.send(.GET, "emails")
            #expect(throttled.status == 429)
            let retryAfter = try #require(throttled.header("Retry-After").flatMap(Int.init))
            #expect((1...120).contains(retryAfter))
            #expect(try throttled.error["status"] as? String == "429")
            #expect(try throttled.error["title"] as? String == "Too Many Requests")
            #expect(await sandbox.statistics.rateLimited == 1)
            await sandbox.setRateLimit(SandboxRateLimit(requests: 100, per: .seconds(120)))
            #expect(try await http.send(.GET, "emails").status == 200)
        }
    }

    @Test func rateLimitIsPerValidTokenAndCanBeChangedAtRuntime() async throws {
        try await withSandbox(SandboxConfiguration(emailCount: 10)) { sandbox, http in
            await sandbox.setRateLimit(SandboxRateLimit(requests: 2, per: .seconds(30)))
            #expect(try await http.send(.GET, "deals").status == 200)
            #expect(try await http.send(.GET, "deals").status == 200)
            let throttled = try await http.send(.GET, "deals")
            #expect(throttled.status == 429)
            let retryAfter = try #require(throttled.header("Retry-After").flatMap(Int.init))
            #expect((1...30).contains(retryAfter), "whole seconds until the oldest request leaves the 30 s window")
            // An unknown token is turned away as unauthenticated, not counted against the limit.
            #expect(try await http.send(.GET, "deals", headers: ["X-Auth-Token": "other"]).status == 401)
            await sandbox.setRateLimit(nil)
            #expect(try await http.send(.GET, "deals").status == 200)
        }
    }

    @Test func injectedFailuresAre500Or503AndChangeNothing() async throws {
        let configuration = SandboxConfiguration(emailCount: 10, failureRate: 1)
        try await withSandbox(configuration) { sandbox, http in
            var statuses: Set<Int> = []
            for _ in 0..<12 {
                let reply = try await http.send(.DELETE, "emails/1")
                statuses.insert(reply.status)
                if reply.status == 503 { #expect(reply.header("Retry-After") == "1") }
                #expect(try reply.error["title"] as? String != nil)
            }
            #expect(statuses == [500, 503])
            #expect(try await sandbox.storedEmail(id: "1") != nil)
            #expect(await sandbox.statistics.injectedFailures == 12)
            await sandbox.setFailureRate(0)
            #expect(try await http.send(.DELETE, "emails/1").status == 204)
        }
    }

    @Test func whichRequestsFailIsDeterministicFromTheSeed() async throws {
        func statuses(seed: UInt64) async throws -> [Int] {
            try await withSandbox(SandboxConfiguration(emailCount: 10, seed: seed, failureRate: 0.5)) { _, http in
                var statuses: [Int] = []
                for _ in 0..<24 { statuses.append(try await http.send(.GET, "emails/1").status) }
                return statuses
            }
        }
        let first = try await statuses(seed: 7)
        #expect(try await statuses(seed: 7) == first)
        #expect(first.contains(200) && first.contains { $0 >= 500 })
        #expect(try await statuses(seed: 8) != first)
    }

    @Test func latencyDelaysEveryResponse() async throws {
        try await withSandbox(SandboxConfiguration(emailCount: 10)) { sandbox, http async throws in
            await sandbox.setLatency(.milliseconds(300))
            let clock = ContinuousClock()
            var started = clock.now
            #expect(try await http.send(.GET, "emails/1").status == 200)
            let ok = clock.now - started
            started = clock.now
            #expect(try await http.send(.GET, "emails/1", headers: ["X-Auth-Token": nil]).status == 401)
            let refused = clock.now - started
            #expect(ok >= .milliseconds(300))
            #expect(refused >= .milliseconds(300))
            await sandbox.setLatency(.zero)
        }
    }

    @Test func statisticsCountRoutesAndStatuses() async throws {
        try await withSandbox(SandboxConfiguration(emailCount: 10)) { sandbox, http in
            _ = try await http.send(.GET, "emails")
            _ = try await http.send(.GET, "emails/3")
            _ = try await http.send(.GET, "emails/999")
            _ = try await http.send(.PATCH, "emails/3/dismiss")
            _ = try await http.send(.PATCH, "emails/3/attach", body: "")
            _ = try await http.send(.DELETE, "emails/4")
            _ = try await http.send(.GET, "deals")
            _ = try await http.send(.GET, "deals/301")
            let statistics = await sandbox.statistics
            #expect(statistics.requestsServed == 8)
            #expect(statistics.byRoute == [
                "GET /emails": 1, "GET /emails/{id}": 2, "PATCH /emails/{id}/dismiss": 1, "PATCH /emails/{id}/attach": 1,
                "DELETE /emails/{id}": 1, "GET /deals": 1, "GET /deals/{id}": 1,
            ])
            #expect(statistics.byStatus == [200: 5, 404: 1, 422: 1, 204: 1])
        }
    }
}
