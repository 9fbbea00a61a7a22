/// Turns what the terminal delivers into `Key`s and mouse reports: control bytes into ctrl-
/// keys, ESC followed by another key in the same burst of input into alt- that key, and
/// `ESC [ <` or `ESC [ M` followed by the rest of a report into a `MouseEvent`.
///
/// A terminal sends alt-x as ESC then "x" in one write, and a lone Esc press as ESC alone; the
/// reader drains everything there is to read and then feeds `.none`, the end of the burst. An
/// ESC still held at the end of its burst is a lone `esc`, at once by default, as crossterm
/// reads it; with an `escapeDelay` it is held that long for a key that comes in a later burst
/// (feed `.none` again at `deadline`). Time is passed in, so tests replay exact timings.
///
/// Mouse reports are decoded whether or not mouse tracking was asked for (a program before
/// may have left it on), so their bytes never turn into keys; the caller decides whether to
/// act on them. Owned by the UI thread.
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

    /// What the input amounts to.
    public enum Event: Equatable, Sendable {
        case key(Key)
        case mouse(MouseEvent)
    }

    public typealias Instant = ContinuousClock.Instant

    /// How long after ESC a key in a later burst still makes an alt- key; zero by default,
    /// so Esc is answered as soon as its burst ends.
    public let escapeDelay: Duration
    /// How long the rest of a mouse report that has begun is awaited. A terminal writes a
    /// report at once, but a slow link can deliver it in two reads; a report cut short is
    /// dropped when this runs out, rather than held against the keys typed next.
    public static let reportTimeout: Duration = .milliseconds(500)
    private var escapeSince: Instant?
    /// Whether the burst the held ESC came in has ended.
    private var escapeBurstEnded = false
    /// A `[` came after the held ESC: alt-[, or the start of a mouse report.
    private var bracketHeld = false
    /// A mouse report begun, and when its last byte came.
    private var report: (reading: MouseReport, since: Instant)?

    public init(escapeDelay: Duration = .zero) {
        self.escapeDelay = escapeDelay
    }

    /// When a held ESC becomes a lone `esc` (or ESC [ an alt-[), or a mouse report cut short
    /// is dropped; nil when nothing is held. Wake up by then.
    public var deadline: Instant? {
        if let report { return report.since + Self.reportTimeout }
        return escapeSince.map { $0 + escapeDelay }
    }

    /// The keys and mouse reports `input` completes, in order: none while an ESC or a report
    /// is held or for bytes that are no key, up to two when a held ESC turns out to stand alone.
    public mutating func feed(_ input: RawInput, at now: Instant) -> [Event] {
        if report != nil { return readReport(input, at: now) }
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
            return incoming.map { [.key($0)] } ?? []
        }
        let inTime = !escapeBurstEnded || now - escapeAt <= escapeDelay
        if bracketHeld { return afterBracket(input, inTime: inTime, escapeAt: escapeAt, at: now) }
        switch incoming {
        case nil:
            // A byte that is no key leaves the ESC held; only the end of the burst releases it.
            guard input == .none else { return [] }
            escapeBurstEnded = true
            guard now - escapeAt >= escapeDelay else { return [] }
            escapeSince = nil
            return [.key(.escape)]
        case .escape?:
            // ESC ESC: the first stands alone; the second may still start an alt- key.
            escapeSince = now
            escapeBurstEnded = false
            return [.key(.escape)]
        case .alt?:
            escapeSince = nil
            return [.key(.escape), .key(incoming!)]
        case .character("[")? where inTime:
            bracketHeld = true
            return []
        case let key?:
            escapeSince = nil
            return inTime ? [.key(.alt(key))] : [.key(.escape), .key(key)]
        }
    }

    /// ESC [ is held: `<` or `M` starts a mouse report; anything else makes it alt-[, released
    /// as a lone ESC would be.
    private mutating func afterBracket(_ input: RawInput, inTime: Bool, escapeAt: Instant, at now: Instant) -> [Event] {
        if inTime, case .scalar(let scalar) = input, let opened = MouseReport(opening: scalar) {
            escapeSince = nil
            bracketHeld = false
            report = (opened, now)
            return []
        }
        if input == .none {
            escapeBurstEnded = true
            guard now - escapeAt >= escapeDelay else { return [] }
        }
        escapeSince = nil
        bracketHeld = false
        return [.key(.alt(.character("[")))] + feed(input, at: now)
    }

    /// Reads on in a mouse report; nothing it holds ever becomes a key.
    private mutating func readReport(_ input: RawInput, at now: Instant) -> [Event] {
        guard var (reading, since) = report else { return [] }
        let step: MouseReport.Step
        switch input {
        case .none:
            // The rest may come in a later read; a report cut short for good is dropped.
            if now - since >= Self.reportTimeout { report = nil }
            return []
        case .key: step = .notPart
        case .scalar(let scalar): step = reading.add(scalar)
        }
        switch step {
        case .more:
            since = now
            report = (reading, since)
            return []
        case .done(let event):
            report = nil
            return event.map { [.mouse($0)] } ?? []
        case .notPart:
            report = nil
            return feed(input, at: now)
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
