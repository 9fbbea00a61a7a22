import Synchronization

/// Running tasks by key: starting one under a key cancels the one it replaces.
final class TaskTable<Key: Hashable & Sendable>: Sendable {
    private let tasks = Mutex<[Key: Task<Void, Never>]>([:])

    func replace(_ key: Key, _ body: @escaping @Sendable () async -> Void) {
        let task = Task { await body() }
        let old = tasks.withLock { tasks in
            defer { tasks[key] = task }
            return tasks[key]
        }
        old?.cancel()
    }

    func cancel(_ key: Key) {
        tasks.withLock { $0.removeValue(forKey: key) }?.cancel()
    }

    func cancelAll() {
        let all = tasks.withLock { tasks in
            defer { tasks = [:] }
            return Array(tasks.values)
        }
        for task in all { task.cancel() }
    }
}
