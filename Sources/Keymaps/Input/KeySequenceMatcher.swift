import IntrayCore

/// Matches keys against a keymap, one at a time, holding the first keys of a sequence such
/// as "g g" until it completes, fails, is cancelled with Esc or times out.
///
/// Lookup follows `Keymap.lookupOrder(for:)`: the context's own table, then `global` for
/// the list and the detail pane only. The keymap's checks guarantee a key never both runs a
/// command and starts a sequence there, so the first match is the only one.
/// A value type with no clock of its own: the caller passes the time. Owned by the UI thread.
public struct KeySequenceMatcher: Sendable {
    /// What the keys typed so far amount to.
    public enum Outcome: Equatable, Sendable {
        /// Run this command.
        case command(Command)
        /// The start of a longer sequence; `display` is what to show, e.g. "g…".
        case pending(display: String)
        /// A printable key with no binding in a context that takes text (picker, prompt).
        case text(Character)
        /// Keys with no binding: say so rather than ignore them.
        case unbound(KeySequence)
        /// A half-typed sequence was dropped (Esc, or `timeout(now:)`).
        case cancelled
    }

    public typealias Instant = ContinuousClock.Instant

    public let keymap: Keymap
    /// How long a half-typed sequence waits for its next key.
    public let timeout: Duration
    /// Every strict prefix of a binding, per context table.
    private let prefixes: [KeyContext: Set<KeySequence>]
    private var pending: (keys: [Key], context: KeyContext, since: Instant)?

    public init(keymap: Keymap, timeout: Duration = .seconds(1)) {
        self.keymap = keymap
        self.timeout = timeout
        self.prefixes = keymap.bindings.mapValues { table in
            Set(table.keys.flatMap(\.strictPrefixes))
        }
    }

    /// The keys of the half-typed sequence, empty when none.
    public var pendingKeys: [Key] { pending?.keys ?? [] }

    /// When the half-typed sequence will be dropped; nil when none. Wake up by then.
    public var deadline: Instant? { pending.map { $0.since + timeout } }

    /// Feeds one key typed in `context` at `now`.
    public mutating func feed(_ key: Key, in context: KeyContext, at now: Instant) -> Outcome {
        if let held = pending, held.context != context || now - held.since >= timeout {
            pending = nil
        }
        if pending != nil, key == .escape {
            pending = nil
            return .cancelled
        }
        let keys = (pending?.keys ?? []) + [key]
        let sequence = KeySequence(keys)!
        if let command = keymap.command(for: sequence, in: context) {
            pending = nil
            return .command(command)
        }
        let tables = Keymap.lookupOrder(for: context)
        if tables.contains(where: { prefixes[$0]?.contains(sequence) == true }) {
            pending = (keys, context, now)
            return .pending(display: "\(sequence)…")
        }
        pending = nil
        if keys.count == 1, Keymap.takesText(context), let text = key.text {
            return .text(text)
        }
        return .unbound(sequence)
    }

    /// Drops a half-typed sequence whose time is up; `.cancelled` if it did, else nil.
    public mutating func timeout(now: Instant) -> Outcome? {
        guard let held = pending, now - held.since >= timeout else { return nil }
        pending = nil
        return .cancelled
    }

    /// Drops a half-typed sequence, e.g. when a dialog opens.
    public mutating func reset() {
        pending = nil
    }
}
