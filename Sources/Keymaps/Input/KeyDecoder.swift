/// Turns what the terminal delivers into `Key`s: control bytes into ctrl- keys, and ESC
/// followed by another key in the same burst of input into alt- that key.
///
/// A terminal sends alt-x as ESC then "x" in one write, and a lone Esc press as ESC alone; the
/// reader drains everything there is to read and then feeds `.none`, the end of the burst. An
/// ESC still held at the end of its burst is a lone `esc`, at once by default, as crossterm
/// reads it; with an `escapeDelay` it is held that long for a key that comes in a later burst
/// (feed `.none` again at `deadline`). Time is passed in, so tests replay exact timings.
/// Owned by the UI thread.
public struct KeyDecoder: Sendable {
    /// One event from the terminal.
    public enum RawInput: Equatable, Sendable {
        /// A character read from the terminal, including control bytes and ESC (27).
        case scalar(Unicode.Scalar)
        /// A key curses has already decoded from an escape sequence, e.g. an arrow.
        case key(Key)
        /// Nothing more to read for now: the burst has ended, or the wait ran out.
        case none
    }

    public typealias Instant = ContinuousClock.Instant

    /// How long after ESC a key in a later burst still makes an alt- key; zero by default,
    /// so Esc is answered as soon as its burst ends.
    public let escapeDelay: Duration
    private var escapeSince: Instant?
    /// Whether the burst the held ESC came in has ended.
    private var escapeBurstEnded = false

    public init(escapeDelay: Duration = .zero) {
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
                escapeBurstEnded = false
                return []
            }
            return incoming.map { [$0] } ?? []
        }
        let inTime = !escapeBurstEnded || now - escapeAt <= escapeDelay
        switch incoming {
        case nil:
            // A byte that is no key leaves the ESC held; only the end of the burst releases it.
            guard input == .none else { return [] }
            escapeBurstEnded = true
            guard now - escapeAt >= escapeDelay else { return [] }
            escapeSince = nil
            return [.escape]
        case .escape?:
            // ESC ESC: the first stands alone; the second may still start an alt- key.
            escapeSince = now
            escapeBurstEnded = false
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
