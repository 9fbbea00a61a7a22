import CNCursesW
import Foundation
import IntrayCore
import Keymaps

/// The interactive app: owns the terminal and the state, runs on one thread. It sleeps in
/// `poll` on the terminal, the mailbox that effects answer into, and the signal pipe; each
/// key or answer goes through `Reducer.reduce`, effects go to `perform`, and a frame is
/// drawn after anything happened. Idle means no timer and no CPU.
public final class TerminalApp {
    public struct Options {
        public var environment: [String: String]
        /// How long curses waits after ESC for the rest of an arrow's sequence; the key decoder
        /// adds no wait of its own, so a lone Esc is answered after this.
        public var escapeDelay: Duration
        public var sequenceTimeout: Duration
        public var pageSize: Int
        /// How long an action can be undone before it is sent.
        public var undoWindow: Duration
        /// How long quitting may wait for actions still in flight before it gives up and says so.
        public var quitDeadline: Duration
        /// Dispatched once the app has started, e.g. what the journal held from an earlier session.
        public var startupActions: [Action] = []
        /// How often the tab on screen is asked for new mail; nil never.
        public var refreshInterval: Duration?
        /// With no key for this long, asking for new mail stops (and so does every wake-up).
        public var pollingStopsAfterIdle: Duration = .seconds(30 * 60)
        /// The config profile in use, shown in the tabs line.
        public var profileName: String?
        /// Clicks and the wheel move the cursor, scroll and switch tabs (`mouse = true`).
        public var mouse = false
        /// Where Productive's web app shows an email (`email_web_url`).
        public var emailWebAddress: EmailWebAddress?
        /// Emails shown are kept on disk (`cache_bodies = true`).
        public var keepsShownEmails = false

        /// Zero: a terminal writes an arrow's or an alt- key's bytes at once, so they arrive
        /// in one burst, and an ESC that ends its burst is a lone Esc.
        public static let standardEscapeDelay: Duration = .zero

        public init(environment: [String: String], escapeDelay: Duration = standardEscapeDelay, sequenceTimeout: Duration = .seconds(1), pageSize: Int = 100, undoWindow: Duration = .seconds(5), quitDeadline: Duration = .seconds(20), profileName: String? = nil) {
            self.profileName = profileName
            self.environment = environment
            self.escapeDelay = escapeDelay
            self.sequenceTimeout = sequenceTimeout
            self.pageSize = pageSize
            self.undoWindow = undoWindow
            self.quitDeadline = quitDeadline
        }
    }

    /// How the app ended, for the message printed after the terminal is restored.
    public struct Outcome: Sendable {
        public var state: AppState
        /// Actions shown as done that Productive had not confirmed when the app ended.
        public var unfinished: [TriageRequest] { state.unconfirmed }
        /// Actions Productive refused during the session.
        public var refusals: [Refusal] { state.refusals }
    }

    private let keymap: Keymap
    private let mailbox: ActionMailbox
    private let perform: (Effect) -> Void
    private let options: Options
    private var state = AppState()
    private var router: KeyRouter
    private let bodies = BodyCache()
    private let lines = ListLines()
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var exitRequested = false
    private var needsRender = true
    private var quitStarted: ContinuousClock.Instant?
    /// How long the terminal is left as it is while the server's first answer is awaited, so a
    /// refused token or an unreachable server is said in one sentence instead of behind an inbox.
    static let firstAnswerWait: Duration = .seconds(6)
    private var shownQuitSeconds: Int?
    private var spinnerFrame = 0
    private var lastKey: ContinuousClock.Instant
    private var lastPoll: ContinuousClock.Instant
    private var lastSpin: ContinuousClock.Instant

    public init(keymap: Keymap, mailbox: ActionMailbox, options: Options, perform: @escaping (Effect) -> Void) {
        self.keymap = keymap
        self.mailbox = mailbox
        self.options = options
        self.perform = perform
        router = KeyRouter(keymap: keymap, sequenceTimeout: options.sequenceTimeout, acceptsMouse: options.mouse)
        started = clock.now
        lastSpin = clock.now
        lastKey = clock.now
        lastPoll = clock.now
        state.pageSize = options.pageSize
        state.undoWindow = options.undoWindow
        state.emailWebAddress = options.emailWebAddress
        state.keepsShownEmails = options.keepsShownEmails
    }

    public func run() throws -> Outcome {
        SignalPipe.install()
        var rows: Int32 = 0, columns: Int32 = 0
        if intray_terminal_size(STDOUT_FILENO, &rows, &columns) == 0 { dispatch(.terminalResized(columns: Int(columns), rows: Int(rows))) }
        dispatch(.appStarted)
        for action in options.startupActions { dispatch(action) }
        awaitFirstAnswer()
        if exitRequested { return Outcome(state: state) }

        let session = try TerminalSession(environment: options.environment, escapeDelayMilliseconds: Int(options.escapeDelay.components.attoseconds / 1_000_000_000_000_000), tracksMouse: options.mouse)
        defer { session.end() }
        SignalPipe.install()
        let capabilities = TerminalCapabilities.current(palette: Palette(useColor: session.useColor), asciiOnly: !session.isUTF8)
        let canvas = TerminalCanvas(window: session.window, capabilities: capabilities)
        defer { canvas.handBack() }
        var context = RenderContext(now: Date(), glyphs: session.isUTF8 ? .unicode : .ascii, keymap: keymap, profileName: options.profileName)
        context.tracksMouse = options.mouse
        dispatch(.terminalResized(columns: canvas.columns, rows: canvas.rows))
        var drawnFrame = -1
        var spinners: [SpinnerCell] = []
        while !exitRequested {
            // A dirty flag, not a copy of the last drawn state: a retained copy would make the
            // next page or action copy every loaded email instead of changing the tab in place.
            if needsRender || drawnFrame != spinnerFrame {
                context.now = Date()
                context.spinnerFrame = spinnerFrame
                context.quitSecondsLeft = quitSecondsLeft
                if needsRender {
                    let feedback = inPlace { Screen.render($0, on: canvas, context: context, bodies: bodies, lines: lines) }
                    spinners = feedback.spinners
                    needsRender = false
                    if let emailID = feedback.emailID, let lineCount = feedback.detailLineCount, lineCount != state.detailLineCount {
                        learnLayout(emailID: emailID, lineCount: lineCount)
                    }
                    if let lineCount = feedback.overlayLineCount, lineCount != state.overlay?.lineCount {
                        observe(.overlayLaidOut(lineCount: lineCount))
                    }
                    if let learned = feedback.linksLearned(by: state) { observe(learned) }
                    if needsRender { continue }
                } else {
                    Screen.turn(spinners, on: canvas, context: context)
                }
                canvas.present()
                drawnFrame = spinnerFrame
            }
            let ready = waitForInput(timeout: pollTimeout())
            readKeys(session: session, canvas: canvas)
            if ready.mailbox { for action in mailbox.take() { dispatch(action) } }
            if ready.signals { for signal in SignalPipe.drain() { handle(signal: signal, session: session, canvas: canvas) } }
            tick()
        }
        return Outcome(state: state)
    }

    private func dispatch(_ action: Action) {
        let wasDirty = needsRender
        needsRender = true
        // A neighbour fetched ahead changes nothing on screen until the cursor reaches it.
        if case .detailLoaded(let id, _, _) = action, id != inPlace({ $0.cursorRow?.id }) { needsRender = wasDirty }
        let wasLoading = inPlace { $0.isLoadingAnything }
        defer { if wasLoading && !inPlace({ $0.isLoadingAnything }) { MemoryRelease.returnFreedPages() } }
        for effect in Reducer.reduce(&state, action) {
            if effect == .exit {
                exitRequested = true
            } else if case .copyToClipboard(let text) = effect {
                Clipboard.copy(text)
            } else {
                perform(effect)
            }
        }
        if quitStarted == nil && inPlace({ $0.isQuitting }) { quitStarted = clock.now }
    }

    /// Reads the state where it is: reading a computed property of it through `self` copies
    /// the whole state first (every reference in it retained and released), and these are
    /// read several times for every key.
    private func inPlace<T>(_ read: (inout AppState) -> T) -> T {
        read(&state)
    }

    /// An action that changes nothing on screen, such as the clock read as keys arrive.
    private func observe(_ action: Action) {
        let wasDirty = needsRender
        dispatch(action)
        needsRender = wasDirty
    }

    /// The store learns the detail body's length after a frame; that needs another frame only
    /// when it moves the scroll position, so a key costs one frame.
    private func learnLayout(emailID: String, lineCount: Int) {
        let scroll = state.detailScroll
        dispatch(.detailLaidOut(emailID: emailID, lineCount: lineCount))
        needsRender = state.detailScroll != scroll
    }

    /// Ctrl-C, SIGTERM and SIGHUP all quit the same way as `q`: what is in flight is finished
    /// first. A resize lays the screen out again; Ctrl-Z suspends.
    private func handle(signal: Int32, session: TerminalSession, canvas: TerminalCanvas) {
        if signal == SIGTSTP {
            suspend(session: session, canvas: canvas)
            return
        }
        guard signal == SIGWINCH else {
            dispatch(.terminationRequested)
            return
        }
        var rows: Int32 = 0, columns: Int32 = 0
        guard intray_terminal_size(STDOUT_FILENO, &rows, &columns) == 0 else { return }
        resizeterm(rows, columns)
        canvas.updateSize()
        dispatch(.terminalResized(columns: canvas.columns, rows: canvas.rows))
    }

    /// Ctrl-Z between frames: the terminal goes back to the shell as it was, the process stops,
    /// and on `fg` the terminal is taken again and drawn whole. Nothing draws meanwhile: this
    /// is the UI thread.
    private func suspend(session: TerminalSession, canvas: TerminalCanvas) {
        canvas.handBack()
        session.suspend()
        SignalPipe.stopProcess()
        canvas.redrawAll()
        session.resume()
        needsRender = true
    }

    /// Waits, before the terminal is taken over, until the first listing is answered, fails or
    /// takes longer than `firstAnswerWait`; a signal meanwhile quits as it would later.
    private func awaitFirstAnswer() {
        let deadline = clock.now + Self.firstAnswerWait
        while !exitRequested, !state.hasHeardFromServer, state.current.load.isLoading, clock.now < deadline {
            var fds = [
                pollfd(fd: mailbox.readEnd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SignalPipe.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            _ = poll(&fds, nfds_t(fds.count), Int32(max(milliseconds(until: deadline), 1)))
            for action in mailbox.take() { dispatch(action) }
            for signal in SignalPipe.drain() where signal != SIGWINCH {
                if signal == SIGTSTP { SignalPipe.stopProcess() } else { dispatch(.terminationRequested) }
            }
        }
    }

    /// Whole seconds until quitting stops waiting for answers, rounded up.
    private var quitSecondsLeft: Int? {
        guard let quitStarted else { return nil }
        let left = options.quitDeadline - (clock.now - quitStarted)
        return max(Int(left.components.seconds) + (left.components.attoseconds > 0 ? 1 : 0), 0)
    }

    private func pollTimeout() -> Int32 {
        if let deadline = router.deadline {
            return Int32(max(min(milliseconds(until: deadline), 1000), 1))
        }
        if inPlace({ $0.isLoadingAnything || !$0.inFlight.isEmpty || $0.isQuitting }) { return 100 }
        if inPlace({ !$0.queued.isEmpty }) { return 1000 }
        if let nextPoll { return Int32(max(min(milliseconds(until: nextPoll), 60_000), 1)) }
        return -1
    }

    /// When to ask for new mail next; nil when polling is off or the user has been away.
    private var nextPoll: ContinuousClock.Instant? {
        guard let interval = options.refreshInterval, clock.now - lastKey < options.pollingStopsAfterIdle else { return nil }
        return lastPoll + interval
    }

    /// Sleeps until a key, an answer or a signal arrives, or `timeout` ms pass; answers which
    /// of the two pipes has something to read, so that neither is read for nothing. Keys are
    /// always read: ncurses may hold some it read ahead.
    private func waitForInput(timeout: Int32) -> (mailbox: Bool, signals: Bool) {
        var fds = (
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: mailbox.readEnd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalPipe.readEnd, events: Int16(POLLIN), revents: 0)
        )
        let count = withUnsafeMutableBytes(of: &fds) { poll($0.baseAddress!.assumingMemoryBound(to: pollfd.self), 3, timeout) }
        // An error (EINTR) says nothing about the pipes: both are read.
        guard count >= 0 else { return (true, true) }
        return (fds.1.revents != 0, fds.2.revents != 0)
    }

    private func readKeys(session: TerminalSession, canvas: TerminalCanvas) {
        var code: UInt32 = 0
        while true {
            let result = intray_get_wch(session.window, &code)
            if result == intray_err() { break }
            let now = clock.now
            if result == intray_key_code_yes() {
                let keyCode = Int32(bitPattern: code)
                if keyCode == intray_key_resize() {
                    canvas.updateSize()
                    dispatch(.terminalResized(columns: canvas.columns, rows: canvas.rows))
                } else if let key = TerminalKeys.key(forCode: keyCode) {
                    deliver(router.decode(.key(key), at: now))
                }
            } else if let scalar = Unicode.Scalar(code) {
                deliver(router.decode(.scalar(scalar), at: now))
            }
        }
    }

    private func tick() {
        let now = clock.now
        deliver(router.decode(.none, at: now))
        for action in router.timeout(now: now) { dispatch(action) }
        if clock.now - lastSpin >= .milliseconds(100), inPlace({ $0.isLoadingAnything || !$0.inFlight.isEmpty }) {
            spinnerFrame += 1
            lastSpin = clock.now
        }
        if let nextPoll, clock.now >= nextPoll {
            lastPoll = clock.now
            dispatch(.pollDue)
        }
        if let quitStarted, clock.now - quitStarted > options.quitDeadline {
            exitRequested = true
        }
        if let left = quitSecondsLeft, left != shownQuitSeconds {
            shownQuitSeconds = left
            needsRender = true
        }
    }

    private func deliver(_ events: [KeyDecoder.Event]) {
        if !events.isEmpty {
            observe(.timePassed(now: Date()))
            // Back from being away: look for new mail at once rather than a minute later.
            if let interval = options.refreshInterval, clock.now - lastKey >= options.pollingStopsAfterIdle { lastPoll = clock.now - interval }
            lastKey = clock.now
        }
        for event in events {
            let now = clock.now
            for action in inPlace({ router.actions(for: event, in: $0, at: now) }) { dispatch(action) }
        }
    }

    private func milliseconds(until deadline: ContinuousClock.Instant) -> Int {
        let remaining = deadline - clock.now
        return Int(remaining.components.seconds) * 1000 + Int(remaining.components.attoseconds / 1_000_000_000_000_000) + 1
    }
}
