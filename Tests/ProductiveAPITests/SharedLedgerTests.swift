import Foundation
import ProductiveSandbox
import Testing
@testable import ProductiveAPI

/// The ledger that processes on one token share, with times given explicitly (milliseconds).
@Suite struct SharedLedgerTests {
    static let twoPerTenSeconds = [RateLimit(requests: 2, per: .seconds(10))]
    let a: UInt64 = 11, b: UInt64 = 22

    @Test func requestsOfEveryProcessCountUntilAWindowAfterTheirFinish() {
        var ledger = SharedLedger()
        #expect(ledger.admit(owner: a, request: 1, at: 1_000, limits: Self.twoPerTenSeconds) == .now)
        ledger.finish(owner: a, request: 1, at: 1_200)
        #expect(ledger.admit(owner: b, request: 1, at: 2_000, limits: Self.twoPerTenSeconds) == .now)
        ledger.finish(owner: b, request: 1, at: 2_500)
        #expect(ledger.admit(owner: a, request: 2, at: 3_000, limits: Self.twoPerTenSeconds) == .at(.milliseconds(11_200)))
        #expect(ledger.entries.count == 2, "a refused request is not recorded")
        #expect(ledger.admit(owner: a, request: 2, at: 11_200, limits: Self.twoPerTenSeconds) == .now)
    }

    @Test func anotherProcesssRunningRequestHoldsItsSlotUntilItIsStale() {
        var ledger = SharedLedger()
        let one = [RateLimit(requests: 1, per: .seconds(10))]
        #expect(ledger.admit(owner: a, request: 1, at: 0, limits: one) == .now)
        #expect(ledger.availability(at: 59_999, limits: one) == .afterAFinish)
        // Its process died without finishing: taken as finished at 60 s, free 10 s later.
        #expect(ledger.availability(at: 60_000, limits: one) == .at(.milliseconds(70_000)))
        #expect(ledger.admit(owner: b, request: 1, at: 70_000, limits: one) == .now)
    }

    @Test func aServerRequestedPauseHoldsEveryProcess() {
        var ledger = SharedLedger()
        ledger.pause(until: 5_000)
        ledger.pause(until: 4_000)
        #expect(ledger.admit(owner: b, request: 1, at: 1_000, limits: Self.twoPerTenSeconds) == .at(.milliseconds(5_000)))
        #expect(ledger.admit(owner: b, request: 1, at: 5_000, limits: Self.twoPerTenSeconds) == .now)
        #expect(ledger.pausedUntil == nil, "a pause that is over is forgotten")
    }

    @Test func aWallClockSetBackDoesNotBlockTheBudget() {
        var ledger = SharedLedger()
        for request in 1...2 {
            _ = ledger.admit(owner: a, request: request, at: 3_600_000, limits: Self.twoPerTenSeconds)
            ledger.finish(owner: a, request: request, at: 3_600_100)
        }
        ledger.pause(until: 3_700_000)
        // The clock went back an hour: times written "in the future" are forgotten.
        #expect(ledger.admit(owner: b, request: 1, at: 0, limits: Self.twoPerTenSeconds) == .now)
        #expect(ledger.entries.map(\.owner) == [b])
        #expect(ledger.pausedUntil == nil)
    }

    @Test func finishesOnlyTheOwnersRequest() {
        var ledger = SharedLedger()
        _ = ledger.admit(owner: a, request: 1, at: 0, limits: Self.twoPerTenSeconds)
        ledger.finish(owner: b, request: 1, at: 100)
        #expect(ledger.entries.first?.finished == nil)
        ledger.finish(owner: a, request: 1, at: 100)
        #expect(ledger.entries.first?.finished == 100)
    }

    @Test func oldRequestsAreForgottenAndTheTextRoundTrips() {
        var ledger = SharedLedger()
        for request in 1...5 {
            _ = ledger.admit(owner: a, request: request, at: Int64(request) * 6_000, limits: Self.twoPerTenSeconds)
            ledger.finish(owner: a, request: request, at: Int64(request) * 6_000 + 10)
        }
        #expect(ledger.entries.map(\.request) == [4, 5], "requests finished more than a window ago are dropped")
        ledger.pause(until: 99_000)
        #expect(ledger.text == "pause 99000\n11 4 24000 24010\n11 5 30000 30010\n")
        #expect(SharedLedger(text: ledger.text) == ledger)
        let damaged = SharedLedger(text: "garbage\n11 x 1 2\n11 7 100 -\n\n12 8 5 zz\npause\n")
        #expect(damaged.entries == [SharedLedger.Entry(owner: 11, request: 7, started: 100, finished: nil)])
    }

    @Test func theFileIsNamedForADigestOfTheTokenNotTheToken() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(SHA256.hex(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex(String(repeating: "a", count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        let file = SharedBudgetFile(directory: URL(fileURLWithPath: "/run/user/1/intray"), token: "secret-token-123")
        #expect(file.url.lastPathComponent == "budget-" + SHA256.hex("secret-token-123").prefix(16))
        #expect(!file.url.path.contains("secret"))
    }

    @Test func theFolderIsTheStateFolderWhateverTheSession() {
        #expect(SharedBudgetFile.defaultDirectory(environment: ["XDG_RUNTIME_DIR": "/run/user/7", "HOME": "/h"]).path == "/h/.local/state/intray")
        #expect(SharedBudgetFile.defaultDirectory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path == "/s/intray")
        #expect(SharedBudgetFile.defaultDirectory(environment: ["HOME": "/h"]).path == "/h/.local/state/intray")
    }
}

/// Two pacers on one budget file, as two processes on one token would be.
@Suite struct SharedBudgetFileTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("intray-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aSecondPacerWaitsForWhatTheFirstUsed() async throws {
        let folder = try Self.temporaryFolder()
        let clock = ManualClock()
        let limits = [RateLimit(requests: 2, per: .seconds(10))]
        let first = RequestPacer(limits: limits, clock: clock.apiClock, sharedBudget: SharedBudgetFile(directory: folder, token: "t"))
        let second = RequestPacer(limits: limits, clock: clock.apiClock, sharedBudget: SharedBudgetFile(directory: folder, token: "t"))
        try await RequestPacerTests.use(first)
        try await RequestPacerTests.use(first)
        let waiting = Task { try await RequestPacerTests.use(second) }
        await eventually { await second.waitingCount == 1 && clock.sleeperCount == 1 }
        clock.advance(by: .milliseconds(9_999))
        try await Task.sleep(for: .milliseconds(20))
        #expect(await second.waitingCount == 1)
        clock.advance(by: .milliseconds(1))
        try await waiting.value
        let other = RequestPacer(limits: limits, clock: clock.apiClock, sharedBudget: SharedBudgetFile(directory: folder, token: "other"))
        try await RequestPacerTests.use(other)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2, "one file per token")
    }

    @Test func aPauseOneProcessWasAskedForHoldsTheOther() async throws {
        let folder = try Self.temporaryFolder()
        let clock = ManualClock()
        let first = RequestPacer(clock: clock.apiClock, sharedBudget: SharedBudgetFile(directory: folder, token: "t"))
        let second = RequestPacer(clock: clock.apiClock, sharedBudget: SharedBudgetFile(directory: folder, token: "t"))
        await first.pause(for: .seconds(3))
        let waiting = Task { try await RequestPacerTests.use(second) }
        await eventually { await second.waitingCount == 1 && clock.sleeperCount == 1 }
        clock.advance(by: .seconds(3))
        try await waiting.value
    }

    @Test func aLockHeldTooLongFallsBackToThisProcessAlone() throws {
        let folder = try Self.temporaryFolder()
        let file = SharedBudgetFile(directory: folder, token: "t")
        #expect(file.update { _ in true } == true)
        let holder = open(file.url.path, O_RDWR)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        #expect(file.update { _ in true } == nil)
        flock(holder, LOCK_UN)
        #expect(file.update { _ in true } == true)
    }

    @Test func anUnusableFolderFallsBackToThisProcessAlone() async throws {
        let pacer = RequestPacer(limits: [RateLimit(requests: 1, per: .seconds(1))], sharedBudget: SharedBudgetFile(directory: URL(fileURLWithPath: "/proc/intray-cannot-exist"), token: "t"))
        let slot = try await pacer.acquire()
        await pacer.finish(slot)
    }
}

/// Two clients on one token with their own pacers, as the app and a script would be, against
/// a sandbox enforcing the same limit: the shared file keeps them both under it.
@Suite struct SharedBudgetSandboxTests {
    @Test(.timeLimit(.minutes(1)))
    func twoClientsSharingTheFileAreNeverRateLimited() async throws {
        let limit = SandboxRateLimit(requests: 20, per: .seconds(1))
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 300, seed: 5, rateLimit: limit))
        let folder = try SharedBudgetFileTests.temporaryFolder()
        let limits = [RateLimit(requests: 20, per: .seconds(1))]
        func client() throws -> HTTPEmailsAPI {
            let configuration = try ProductiveConfiguration(
                baseURL: sandbox.baseURL, token: sandbox.token, organizationID: sandbox.organizationID, rateLimits: limits)
            return HTTPEmailsAPI(configuration: configuration, pacer: RequestPacer(limits: limits, sharedBudget: SharedBudgetFile(directory: folder, token: sandbox.token)))
        }
        let (app, script) = (try client(), try client())
        let ids = Array(try await sandbox.storedEmailIDs(status: 1).prefix(60))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, id) in ids.enumerated() {
                let api = index % 2 == 0 ? app : script
                group.addTask { _ = try await api.dismiss(emailID: id) }
            }
            try await group.waitForAll()
        }
        let statistics = await sandbox.statistics
        #expect(statistics.rateLimited == 0)
        #expect(statistics.requests(to: "PATCH /emails/{id}/dismiss") == 60)
        try await app.shutdown()
        try await script.shutdown()
        await sandbox.stop()
    }
}

/// Requests only the 30-minute limit still counts are kept as counts per 10 s.
@Suite struct SharedLedgerHistoryTests {
    @Test func oldRequestsFoldIntoBucketsThatStillCountForTheLongLimit() {
        let limits = [RateLimit(requests: 3, per: .seconds(10)), RateLimit(requests: 4, per: .seconds(60))]
        var ledger = SharedLedger()
        for (request, time) in [(1, 1_000), (2, 2_000), (3, 12_500)] as [(Int, Int64)] {
            #expect(ledger.admit(owner: 1, request: request, at: time, limits: limits) == .now)
            ledger.finish(owner: 1, request: request, at: time + 100)
        }
        #expect(ledger.admit(owner: 1, request: 4, at: 25_000, limits: limits) == .now)
        // 1 and 2 finished at 1.1 s and 2.1 s: one bucket ending at 10 s; 3 is in the next.
        #expect(ledger.history == [SharedLedger.Bucket(finished: 10_000, count: 2), SharedLedger.Bucket(finished: 20_000, count: 1)])
        #expect(ledger.entries.map(\.request) == [4])
        // Four in the last minute; the oldest two count until their bucket's end plus a minute,
        // 70 s, where one by one they would have left at 61.1 s and 62.1 s.
        ledger.finish(owner: 1, request: 4, at: 25_000)
        #expect(ledger.availability(at: 30_000, limits: limits) == .at(.milliseconds(70_000)))
        #expect(ledger.availability(at: 69_999, limits: limits) == .at(.milliseconds(70_000)))
        #expect(ledger.availability(at: 70_000, limits: limits) == .now)

        // A bucket's rounded-up time never brings its requests back into the 10 s window.
        let short = [RateLimit(requests: 1, per: .seconds(10)), RateLimit(requests: 100, per: .seconds(60))]
        var folded = SharedLedger()
        _ = folded.admit(owner: 1, request: 1, at: 1_000, limits: short)
        folded.finish(owner: 1, request: 1, at: 1_100)
        #expect(folded.admit(owner: 2, request: 1, at: 12_000, limits: short) == .now)
        #expect(folded.history == [SharedLedger.Bucket(finished: 10_000, count: 1)])
        #expect(SharedLedger(text: ledger.text) == ledger)
        #expect(ledger.text == "b 10000 2\nb 20000 1\n1 4 25000 25000\n")
        let owner = SharedLedger(text: "18446744073709551615 7 1 -\n18446744073709551616 8 1 -\n")
        #expect(owner.entries == [SharedLedger.Entry(owner: .max, request: 7, started: 1, finished: nil)], "any UInt64 owner reads back; past it is damage")
    }

    @Test func aFullHalfHourStaysAFewHundredLines() {
        var ledger = SharedLedger()
        for request in 0..<4_000 {
            let time = Int64(request) * 450
            _ = ledger.admit(owner: 1, request: request, at: time, limits: RateLimit.productive)
            ledger.finish(owner: 1, request: request, at: time + 50)
        }
        #expect(ledger.entries.count <= 30)
        #expect(ledger.history.count <= 181)
        #expect(ledger.history.reduce(0) { $0 + $1.count } + ledger.entries.count == 4_000)
    }
}
