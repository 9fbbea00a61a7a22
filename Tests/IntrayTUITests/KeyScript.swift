import Foundation
import IntrayCore
@testable import IntrayTUI
import Keymaps
import Testing

/// Keys in, screens out: a state driven by typed keys through the `KeyRouter` the terminal
/// uses, with one keymap preset, rendered whole as the terminal would show it.
///
/// Effects are not performed: a script answers for Productive itself with `dispatch`, e.g.
/// the deals a picker search finds. Keys arrive 10 ms apart, well inside the sequence timeout,
/// so `g g` is one sequence; `wait` lets the time run out.
struct KeyScript {
    let keymap: Keymap
    private(set) var state: AppState
    private(set) var router: KeyRouter
    private(set) var now = ContinuousClock.now
    /// The effects every key and answer asked for, in order.
    private(set) var effects: [Effect] = []

    /// `mouse` is the config's `mouse = true`: whether mouse reports are acted on.
    init(_ preset: String, emails: [Email], columns: Int = 80, rows: Int = 24, counts: (Int, Int, Int) = (3, 10, 2), mouse: Bool = false) throws {
        keymap = try Keymap.preset(named: preset)
        router = KeyRouter(keymap: keymap, acceptsMouse: mouse)
        state = ScreenFixture.state(emails, columns: columns, rows: rows, counts: counts)
        state.undoWindow = .seconds(5) // as the app is configured by default
    }

    /// Presses keys written as key specs separated by spaces, e.g. "j j x", "g g", "ctrl-x ctrl-c".
    mutating func press(_ script: String) throws {
        for key in try KeySequence.parse(script).keys {
            now += .milliseconds(10)
            for action in router.actions(for: key, in: state, at: now) { dispatch(action) }
        }
    }

    /// Sends raw terminal input through the key decoder as one burst, as a terminal sends an
    /// escape sequence, e.g. "\u{1b}v" for alt-v, "\u{13}" for ctrl-s or "\u{1b}[<0;5;3M" for
    /// a click, then ends the burst as the run loop does once nothing more is there to read:
    /// an ESC left last stands alone.
    mutating func type(_ raw: String) {
        now += .milliseconds(10)
        for scalar in raw.unicodeScalars {
            route(router.decode(.scalar(scalar), at: now))
        }
        route(router.decode(.none, at: now))
    }

    /// A key curses decoded from its escape sequence (an arrow, a function key), as one burst.
    mutating func type(_ key: Key) {
        now += .milliseconds(10)
        route(router.decode(.key(key), at: now))
        route(router.decode(.none, at: now))
    }

    /// Lets a half-typed sequence run out, as the run loop's tick does.
    mutating func wait(_ duration: Duration) {
        now += duration
        for action in router.timeout(now: now) { dispatch(action) }
    }

    /// An action from anywhere but the keyboard: an answer from Productive, a resize.
    mutating func dispatch(_ action: Action) {
        effects += Reducer.reduce(&state, action)
    }

    /// The screen as text, one string per row, trailing spaces removed.
    func screen(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try canvas(sourceLocation: sourceLocation).lines
    }

    /// Draws a frame and tells the store what drawing learned (the links the detail pane
    /// numbered), as the run loop does after every key; answers the screen.
    mutating func draw(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let lines = try screen(sourceLocation: sourceLocation)
        let feedback = Screen.render(state, on: GridCanvas(rows: state.terminalRows, columns: state.terminalColumns), context: ScreenFixture.context(keymap), bodies: BodyCache())
        if let learned = feedback.linksLearned(by: state) { dispatch(learned) }
        return lines
    }

    func canvas(sourceLocation: SourceLocation = #_sourceLocation) throws -> GridCanvas {
        try ScreenFixture.render(state, keymap: keymap, sourceLocation: sourceLocation)
    }

    private mutating func route(_ events: [KeyDecoder.Event]) {
        for event in events {
            for action in router.actions(for: event, in: state, at: now) { dispatch(action) }
        }
    }
}
