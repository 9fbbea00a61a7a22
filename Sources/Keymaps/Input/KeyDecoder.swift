/// Turns what the terminal delivers into `Key`s: control bytes into ctrl- keys, and ESC
/// followed quickly by another key into alt- that key.
///
/// A terminal sends alt-x as ESC then "x" in the same burst, and a lone Esc press as ESC
/// alone; only the time to the next byte tells them apart. The decoder holds an ESC until
/// `deadline`: feed `.none` at or after it (when poll() times out) and it becomes `esc`.
/// Time is passed in, so tests replay exact timings. Owned by the UI thread.
public struct KeyDecoder: Sendable {
    /// One event from the terminal.
    public enum RawInput: Equatable, Sendable {
        /// A character read from the terminal, including control bytes and ESC (27).
        case scalar(Unicode.Scalar)
        /// A key curses has already decoded from an escape sequence, e.g. an arrow.
        case key(Key)
        /// Nothing arrived before the wait ran out.
        case none
    }

    public typealias Instant = ContinuousClock.Instant

    /// How soon after ESC the next key must come to make an alt- key (25 ms by default,
    /// enough for one burst over SSH, well under a person pressing two keys).
    public let escapeDelay: Duration
    private var escapeSince: Instant?

    public init(escapeDelay: Duration = .milliseconds(25)) {
        self.escapeDelay = escapeDelay
    }

    /// When a held ESC becomes a lone `esc`; nil when none is held. Wake up by then.
    public var deadline: Instant? {
        escapeSince.map { $0 + escapeDelay }
    }

    /// The keys `input` completes, in order: none while an ESC is held or for bytes that are
    /// no key, up to two when a held ESC turns out to stand alone.
    public mutating func feed(_ input: RawInput, at now: Instant) -> [Key] {
        let incoming: Key?
        switch input {
        case .none: incoming = nil
        case .scalar(let scalar): incoming = Self.key(for: scalar)
        case .key(let key): incoming = key
        }
        guard let escapeAt = escapeSince else {
            if incoming == .escape {
                escapeSince = now
                return []
            }
            return incoming.map { [$0] } ?? []
        }
        let inTime = now - escapeAt <= escapeDelay
        switch incoming {
        case nil:
            // A byte that is no key leaves the ESC held; only the clock releases it.
            guard input == .none, now - escapeAt >= escapeDelay else { return [] }
            escapeSince = nil
            return [.escape]
        case .escape?:
            // ESC ESC: the first stands alone; the second may still start an alt- key.
            escapeSince = now
            return [.escape]
        case .alt?:
            escapeSince = nil
            return [.escape, incoming!]
        case let key?:
            escapeSince = nil
            return inTime ? [.alt(key)] : [.escape, key]
        }
    }

    /// The key a single character stands for, or nil for bytes that are no key (C1 controls).
    public static func key(for scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 0: .ctrl(" ")
        case 8, 127: .backspace
        case 9: .tab
        case 10, 13: .enter
        case 1...26: .ctrl(Character(Unicode.Scalar(scalar.value + 96)!))
        case 27: .escape
        case 28: .ctrl("\\")
        case 29: .ctrl("]")
        case 30: .ctrl("^")
        case 31: .ctrl("_")
        case 32: .space
        case 0x80..<0xA0: nil
        default: .character(Character(scalar))
        }
    }
}
