import IntrayCore
import Keymaps

/// What the terminal types, turned into actions for the store: raw input goes through the
/// `KeyDecoder` into keys and mouse reports, each key through the `KeySequenceMatcher` in the
/// context the state reads keys in (`Reducer.keyContext(of:)`), and the outcome becomes
/// actions. A click or a turn of the wheel becomes an action of its own, with its cell; the
/// store finds what is drawn there.
///
/// The run loop and the key-script screen tests both route through this type, so a test that
/// types `j j x` exercises the same path as a person at the terminal. A value type with no
/// clock of its own: the caller passes the time. Owned by the UI thread.
public struct KeyRouter: Sendable {
    public typealias Instant = ContinuousClock.Instant

    /// The keys that quit while the terminal is too small to draw the app, whatever the keymap:
    /// the screen then has no room to show which keys are bound.
    public static let quitKeysWhenTooSmall: [Key] = [.character("q"), .ctrl("c")]

    private var decoder: KeyDecoder
    private var matcher: KeySequenceMatcher
    /// Whether the terminal was asked to report the mouse (`mouse = true`); reports that
    /// arrive otherwise are dropped.
    public let acceptsMouse: Bool

    public init(keymap: Keymap, escapeDelay: Duration = .zero, sequenceTimeout: Duration = .seconds(1), acceptsMouse: Bool = false) {
        decoder = KeyDecoder(escapeDelay: escapeDelay)
        matcher = KeySequenceMatcher(keymap: keymap, timeout: sequenceTimeout)
        self.acceptsMouse = acceptsMouse
    }

    public var keymap: Keymap { matcher.keymap }

    /// When a held ESC or a half-typed sequence runs out; nil when neither is held. Wake up by then.
    public var deadline: Instant? {
        // Asked before every wait: no arrays.
        switch (decoder.deadline, matcher.deadline) {
        case let (decoder?, matcher?): min(decoder, matcher)
        case let (decoder, matcher): decoder ?? matcher
        }
    }

    /// The keys and mouse reports `input` completes; see `KeyDecoder.feed(_:at:)`.
    public mutating func decode(_ input: KeyDecoder.RawInput, at now: Instant) -> [KeyDecoder.Event] {
        decoder.feed(input, at: now)
    }

    /// The actions one decoded key or mouse report amounts to; see `actions(for:in:at:)`.
    public mutating func actions(for event: KeyDecoder.Event, in state: AppState, at now: Instant) -> [Action] {
        switch event {
        case .key(let key):
            return actions(for: key, in: state, at: now)
        case .mouse(let mouse):
            guard acceptsMouse, let action = Self.action(for: mouse) else { return [] }
            // The pointer moves on from a half-typed sequence, as a key that completes none would.
            matcher.reset()
            return [action]
        }
    }

    /// The actions one key amounts to, read in the context of `state`. Route keys one at a
    /// time and reduce each key's actions before routing the next: the context can change
    /// with every key (`/` opens the search prompt, where the next `j` is text).
    public mutating func actions(for key: Key, in state: AppState, at now: Instant) -> [Action] {
        if state.layout.isTooSmall, Self.quitKeysWhenTooSmall.contains(key) {
            return [.commandIssued(.quit)]
        }
        return Self.actions(for: matcher.feed(key, in: Reducer.keyContext(of: state), at: now))
    }

    /// The actions for a half-typed sequence whose time ran out: it is dropped.
    public mutating func timeout(now: Instant) -> [Action] {
        matcher.timeout(now: now).map(Self.actions(for:)) ?? []
    }

    /// A left click or a notch of the wheel; the rest (other buttons, releases) does nothing.
    static func action(for mouse: MouseEvent) -> Action? {
        switch mouse.kind {
        case .press(.left): .clicked(row: mouse.row, column: mouse.column)
        case .wheelUp: .wheelTurned(row: mouse.row, column: mouse.column, notches: -1)
        case .wheelDown: .wheelTurned(row: mouse.row, column: mouse.column, notches: 1)
        default: nil
        }
    }

    static func actions(for outcome: KeySequenceMatcher.Outcome) -> [Action] {
        switch outcome {
        case .command(let command): [.keySequencePending(nil), .commandIssued(command)]
        case .pending(let display): [.keySequencePending(display)]
        case .text(let character): [.keySequencePending(nil), .textTyped(String(character))]
        case .unbound(let sequence): [.keyUnbound(sequence.description)]
        case .cancelled: [.keySequencePending(nil)]
        }
    }
}
