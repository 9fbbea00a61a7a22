import Foundation
import IntrayCore
@testable import IntrayTUI
import Keymaps
import Testing

/// State in, screen text out: builds states and renders them on an in-memory canvas.
enum ScreenFixture {
    static let now = Date(timeIntervalSince1970: 1_750_010_000) // 2025-06-15 17:53 UTC

    static func email(_ id: Int, subject: String?, name: String?, address: String, minutesAgo: Double, unread: Bool = false, body: String? = "Hello,\nplease find the quote attached.\n\nBest, Anna") -> Email {
        Email(id: String(id), subject: subject, body: body, from: Person(name: name, address: address),
              to: [Person(name: "Sales", address: "sales@ourco.example")],
              createdAt: now.addingTimeInterval(-minutesAgo * 60), unread: unread)
    }

    static func state(_ emails: [Email], columns: Int = 80, rows: Int = 24, counts: (Int, Int, Int) = (3, 10, 2)) -> AppState {
        var state = AppState()
        _ = Reducer.reduce(&state, .terminalResized(columns: columns, rows: rows))
        _ = Reducer.reduce(&state, .appStarted)
        let meta = PageMeta(currentPage: 1, totalPages: 1, totalCount: counts.0, pageSize: 100)
        _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 1, EmailPage(emails: emails, meta: meta)))
        for (status, count) in [(EmailStatus.resolved, counts.1), (.dismissed, counts.2)] {
            _ = Reducer.reduce(&state, .tabPeeked(status, EmailPage(emails: [], meta: PageMeta(currentPage: 1, totalPages: 1, totalCount: count, pageSize: 100))))
        }
        _ = Reducer.reduce(&state, .tabLoadFinished(.unresolved, generation: 1))
        return state
    }

    /// Renders `state` with the keys of `keymap` (a preset name) and fails the calling test
    /// when any view wrote past the right edge, which ncurses would wrap onto the next row.
    static func render(_ state: AppState, keymap: String = "default", glyphs: Glyphs = .unicode, profileName: String? = nil, quitSecondsLeft: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> GridCanvas {
        try render(state, keymap: Keymap.preset(named: keymap), glyphs: glyphs, profileName: profileName, quitSecondsLeft: quitSecondsLeft, sourceLocation: sourceLocation)
    }

    static func render(_ state: AppState, keymap: Keymap, glyphs: Glyphs = .unicode, profileName: String? = nil, quitSecondsLeft: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> GridCanvas {
        setlocale(LC_ALL, "C.UTF-8")
        let canvas = GridCanvas(rows: state.terminalRows, columns: state.terminalColumns)
        var context = context(keymap, glyphs: glyphs, profileName: profileName)
        context.quitSecondsLeft = quitSecondsLeft
        Screen.render(state, on: canvas, context: context, bodies: BodyCache())
        #expect(canvas.overflows.isEmpty, "written past the right edge: \(canvas.overflows)", sourceLocation: sourceLocation)
        return canvas
    }

    /// The context the terminal renders with for `keymap`, at the fixture's fixed time and zone.
    static func context(_ keymap: Keymap, glyphs: Glyphs = .unicode, profileName: String? = nil) -> RenderContext {
        RenderContext(now: now, zone: .fixed(seconds: 0), glyphs: glyphs, keymap: keymap, profileName: profileName)
    }
}
