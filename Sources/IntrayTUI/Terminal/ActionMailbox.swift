import Foundation
import IntrayCore
import Synchronization

/// Where effects running on Swift concurrency drop their answers for the UI thread. Each
/// post writes a byte to a pipe the UI thread sleeps on in `poll`, so an answer is drawn
/// at once and an idle app uses no CPU.
public final class ActionMailbox: Sendable {
    private let queue = Mutex<[Action]>([])
    let readEnd: Int32
    private let writeEnd: Int32

    public init() {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "cannot create the wake-up pipe")
        readEnd = fds[0]
        writeEnd = fds[1]
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Any thread.
    public func post(_ action: Action) {
        queue.withLock { $0.append(action) }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// UI thread: everything posted so far, in order.
    func take() -> [Action] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        return queue.withLock { actions in
            defer { actions = [] }
            return actions
        }
    }
}
