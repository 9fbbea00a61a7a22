import Foundation
import Synchronization
import Testing
@testable import IntrayCore

/// Large values a key lets go of are freed off the thread that let go of them.
@Suite struct ReleaseElsewhereTests {
    /// Says on which thread it was freed.
    final class Freed: Sendable {
        let thread: @Sendable (pthread_t) -> Void
        init(_ thread: @escaping @Sendable (pthread_t) -> Void) { self.thread = thread }
        deinit { thread(pthread_self()) }
    }

    @Test func aLargeValueIsFreedOnAnotherThread() {
        let caller = Mutex<pthread_t?>(nil)
        let freer = Mutex<pthread_t?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue(label: "caller").sync {
            caller.withLock { $0 = pthread_self() }
            let elements = Array(repeating: Freed { thread in freer.withLock { $0 = thread }; done.signal() }, count: ReleaseElsewhere.threshold)
            ReleaseElsewhere.release(consume elements)
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        let (a, b) = (caller.withLock { $0 }, freer.withLock { $0 })
        #expect(a != nil && b != nil && pthread_equal(a!, b!) == 0)
    }

    @Test func aSmallValueIsFreedWhereItWasLetGo() {
        let caller = Mutex<pthread_t?>(nil)
        let freer = Mutex<pthread_t?>(nil)
        DispatchQueue(label: "caller").sync {
            caller.withLock { $0 = pthread_self() }
            let elements = Array(repeating: Freed { thread in freer.withLock { $0 = thread } }, count: ReleaseElsewhere.threshold - 1)
            ReleaseElsewhere.release(consume elements)
        }
        let (a, b) = (caller.withLock { $0 }, freer.withLock { $0 })
        #expect(a != nil && b != nil && pthread_equal(a!, b!) != 0)
    }

    @Test func selectingAgainKeepsWhatIsSelected() {
        var selection = Selection()
        let listed = Set((0..<5000).map(String.init))
        _ = selection.reduce(.allChosen(listed))
        _ = selection.reduce(.allChosen(listed.subtracting(["7"])))
        #expect(selection.ids.count == 4999 && !selection.ids.contains("7"))
        _ = selection.reduce(.cleared)
        #expect(selection.ids.isEmpty)
    }
}
