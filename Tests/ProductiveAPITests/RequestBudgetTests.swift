import Testing
@testable import ProductiveAPI

/// The sliding-window arithmetic, with time given explicitly.
@Suite struct RequestBudgetTests {
    @Test func fillsThenOpensWhenTheOldestLeavesTheWindow() {
        var budget = RequestBudget(limits: [RateLimit(requests: 2, per: .seconds(10))])
        budget.start(1); budget.finish(1, at: .seconds(0))
        budget.start(2); budget.finish(2, at: .seconds(3))
        #expect(budget.availability(at: .seconds(4)) == .at(.seconds(10)))
        #expect(budget.availability(at: .seconds(10)) == .now)
        budget.start(3); budget.finish(3, at: .seconds(10))
        #expect(budget.availability(at: .seconds(10)) == .at(.seconds(13)))
    }

    @Test func aRunningRequestHoldsItsSlotUntilItFinishesPlusTheWindow() {
        var budget = RequestBudget(limits: [RateLimit(requests: 1, per: .seconds(10))])
        budget.start(1)
        #expect(budget.availability(at: .seconds(100)) == .afterAFinish)
        budget.finish(1, at: .seconds(100))
        #expect(budget.availability(at: .seconds(100)) == .at(.seconds(110)))
    }

    @Test func everyLimitHolds() {
        var budget = RequestBudget(limits: [RateLimit(requests: 3, per: .seconds(1)), RateLimit(requests: 5, per: .seconds(60))])
        for id in 1...3 { budget.start(id); budget.finish(id, at: .zero) }
        #expect(budget.availability(at: .zero) == .at(.seconds(1)))
        for id in 4...5 { budget.start(id); budget.finish(id, at: .seconds(1)) }
        #expect(budget.availability(at: .seconds(2)) == .at(.seconds(60)))
        #expect(budget.availability(at: .seconds(60)) == .now)
    }

    @Test func pauseDelaysEvenAnEmptyBudget() {
        var budget = RequestBudget(limits: [RateLimit(requests: 10, per: .seconds(1))])
        budget.pause(until: .seconds(5))
        budget.pause(until: .seconds(2))  // a shorter pause does not shorten the longer one
        #expect(budget.availability(at: .seconds(1)) == .at(.seconds(5)))
        #expect(budget.availability(at: .seconds(5)) == .now)
    }

    @Test func oldFinishesAreForgotten() {
        var budget = RequestBudget(limits: [RateLimit(requests: 2, per: .seconds(1))])
        for id in 1...1_000 {
            budget.start(id)
            budget.finish(id, at: .milliseconds(id * 600))
        }
        #expect(budget.finishedCount < 200)
        // The last two finished at 599.4 s and 600 s: the older leaves the 1 s window at 600.4 s.
        #expect(budget.availability(at: .milliseconds(600_000)) == .at(.milliseconds(600_400)))
    }

    @Test func unknownAndRepeatedFinishesAreIgnored() {
        var budget = RequestBudget(limits: [RateLimit(requests: 1, per: .seconds(1))])
        budget.finish(42, at: .zero)
        #expect(budget.availability(at: .zero) == .now)
        budget.start(1); budget.finish(1, at: .zero); budget.finish(1, at: .zero)
        #expect(budget.finishedCount == 1)
    }
}
