import Dispatch

/// Frees a large value on a background thread instead of the one that let go of it. Freeing a
/// set of 70,000 ids walks every element (about 3 ms), and a key that replaces the selection
/// would otherwise spend that inside its frame. What the app shows does not change.
enum ReleaseElsewhere {
    /// Below this many elements freeing is cheaper than handing the value over.
    static let threshold = 4096

    private static let queue = DispatchQueue(label: "intray.release-elsewhere", qos: .utility)

    /// Takes `value`, which must be the last reference to its storage, and frees it on the
    /// background queue when it is large.
    static func release<Value: Collection>(_ value: consuming Value) {
        guard value.count >= threshold else { return }
        // The handover holds the only reference from here on, so whichever thread lets go of
        // the handover last, the storage is freed where the queue empties it.
        let handover = Handover(consume value)
        queue.async { handover.value = nil }
    }
}

private final class Handover<Value>: @unchecked Sendable {
    var value: Value?

    init(_ value: consuming Value) {
        self.value = consume value
    }
}
