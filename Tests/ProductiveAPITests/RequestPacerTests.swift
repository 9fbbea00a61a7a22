import Testing
@testable import ProductiveAPI

/// The pacer on a manual clock: nothing here waits for real time to pass.
@Suite struct RequestPacerTests {
    /// Records the order slots were granted in.
    actor Order {
        var names: [String] = []
        func add(_ name: String) { names.append(name) }
    }

    /// Takes a slot and hands it back at once, as a request that took no time.
    static func use(_ pacer: RequestPacer, _ priority: RequestPriority = .interactive) async throws {
        let slot = try await pacer.acquire(priority)
        await pacer.finish(slot)
    }

    @Test func underTheLimitNobodyWaits() async throws {
        let clock = ManualClock()
        let pacer = RequestPacer(limits: [RateLimit(requests: 3, per: .seconds(10))], clock: clock.apiClock)
        for _ in 1...3 { try await Self.use(pacer) }
        #expect(await pacer.waitingCount == 0)
        #expect(clock.now == .zero)
    }

    @Test func overTheLimitWaitsForTheWindowThenProceeds() async throws {
        let clock = ManualClock()
        let pacer = RequestPacer(limits: [RateLimit(requests: 2, per: .seconds(10))], clock: clock.apiClock)
        try await Self.use(pacer)
        try await Self.use(pacer)
        let third = Task { try await Self.use(pacer) }
        await eventually { await pacer.waitingCount == 1 && clock.sleeperCount == 1 }
        clock.advance(by: .milliseconds(9_999))
        try await Task.sleep(for: .milliseconds(20))
        #expect(await pacer.waitingCount == 1)
        clock.advance(by: .milliseconds(1))
        try await third.value
        #expect(await pacer.waitingCount == 0)
    }

    @Test func bothLimitsAreKept() async throws {
        let clock = ManualClock()
        let pacer = RequestPacer(
            limits: [RateLimit(requests: 2, per: .seconds(1)), RateLimit(requests: 3, per: .seconds(60))],
            clock: clock.apiClock
        )
        let granted = Order()
        let tasks = (1...4).map { index in
            Task {
                try await Self.use(pacer)
                await granted.add("\(index)@\(clock.now)")
            }
        }
        await eventually { await granted.names.count == 2 }
        clock.advance(by: .seconds(1))
        await eventually { await granted.names.count == 3 }
        clock.advance(by: .seconds(58))
        try await Task.sleep(for: .milliseconds(20))
        #expect(await granted.names.count == 3)
        clock.advance(by: .seconds(1))
        for task in tasks { try await task.value }
        #expect(await granted.names.count == 4)
    }

    @Test func firstComeFirstServedWithinAPriority() async throws {
        let clock = ManualClock()
        let pacer = RequestPacer(limits: [RateLimit(requests: 1, per: .seconds(1))], clock: clock.apiClock)
        try await Self.use(pacer)
        let order = Order()
        var tasks: [Task<Void, any Error>] = []
        for index in 1...5 {
            tasks.append(Task {
                try await Self.use(pacer, .background)
                await order.add("b\(index)")
            })
            await eventually { await pacer.waitingCount == index }
        }
        for _ in 1...5 {
            let before = await order.names.count
            clock.advance(by: .seconds(1))
            await eventually { await order.names.count == before + 1 }
        }
        #expect(await order.names == ["b1", "b2", "b3", "b4", "b5"])
    }

    @Test func interactiveGoesBeforeBackground() async throws {
        let clock = ManualClock()
        let pacer = RequestPacer(limits: [RateLimit(requests: 1, per: .seconds(1))], clock: clock.apiClock)
        try await Self.use(pacer)
        let order = Order()
        let queued: [(String, RequestPriority)] = [("page2", .background), ("page3", .background), ("dismiss", .interactive), ("attach", .interactive)]
        var tasks: [Task<Void, any Error>] = []
        for (index, (name, priority)) in queued.enumerated() {
            tasks.append(Task {
                try await Self.use(pacer, priority)
                await order.add(name)
            })
            await eventually { await pacer.waitingCount == index + 1 }
        }
        for step in 1...4 {
            clock.advance(by: .seconds(1))
            await eventually { await order.names.count == step }
        }
        #expect(await order.names == ["dismiss", "attach", "page2", "page3"])
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let clock = ManualClock()
        let pacer = RequestPacer(limits: [RateLimit(requests: 1, per: .seconds(1))], clock: clock.apiClock)
        try await Self.use(pacer)
        let order = Order()
        let first = Task {
            try await Self.use(pacer)
            await order.add("first")
        }
        await eventually { await pacer.waitingCount == 1 }
        let second = Task {
            try await Self.use(pacer)
            await order.add("second")
        }
        await eventually { await pacer.waitingCount == 2 }
        first.cancel()
        await #expect(throws: CancellationError.self) { try await first.value }
        #expect(await pacer.waitingCount == 1)
        clock.advance(by: .seconds(1))
        try await second.value
        #expect(await order.names == ["second"])
    }

    @Test func aTaskCancelledBeforeAskingIsRefusedAtOnce() async {
        let pacer = RequestPacer(limits: [RateLimit(requests: 1, per: .seconds(1))], clock: ManualClock().apiClock)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await pacer.acquire()
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await pacer.inFlightCount == 0)
    }

    @Test func aSlotStillInUseHoldsTheWindowOpenUntilItFinishes() async throws {
        let clock = ManualClock()
        let pacer = RequestPacer(limits: [RateLimit(requests: 1, per: .seconds(1))], clock: clock.apiClock)
        let slow = try await pacer.acquire()
        let next = Task { try await Self.use(pacer) }
        await eventually { await pacer.waitingCount == 1 }
        clock.advance(by: .seconds(30))
        try await Task.sleep(for: .milliseconds(20))
        #expect(await pacer.waitingCount == 1)
        await pacer.finish(slow)
        await eventually { clock.sleeperCount == 1 }
        clock.advance(by: .seconds(1))
        try await next.value
    }

    @Test func pauseHoldsEveryone() async throws {
        let clock = ManualClock()
        let pacer = RequestPacer(limits: [RateLimit(requests: 100, per: .seconds(1))], clock: clock.apiClock)
        await pacer.pause(for: .seconds(5))
        let waiting = Task { try await Self.use(pacer) }
        await eventually { await pacer.waitingCount == 1 && clock.sleeperCount == 1 }
        clock.advance(by: .seconds(4))
        try await Task.sleep(for: .milliseconds(20))
        #expect(await pacer.waitingCount == 1)
        clock.advance(by: .seconds(1))
        try await waiting.value
    }

    @Test func oneSharedPacerPerToken() {
        let a = RequestPacer.shared(token: "token-a-for-pacer-test")
        #expect(a === RequestPacer.shared(token: "token-a-for-pacer-test"))
        #expect(a !== RequestPacer.shared(token: "token-b-for-pacer-test"))
        #expect(a.limits == RateLimit.productive)
    }
}
