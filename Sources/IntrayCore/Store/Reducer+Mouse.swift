/// Clicks and the wheel, with `mouse = true`. A click only points: at a row, a pane or a tab,
/// never at an action on an email. While the deal picker, a prompt or a confirmation waits for
/// an answer the mouse does nothing, so no click lands on an email behind a question.
extension Reducer {
    /// Lines the list, the detail pane or an overlay moves for a notch of the wheel, as most
    /// terminal programs move.
    public static let linesPerNotch = 3

    static func clicked(row: Int, column: Int, state: inout AppState) -> [Effect] {
        guard acceptsPointer(state), state.overlay == nil else { return [] }
        let target = state.target(atRow: row, column: column)
        if target != .nothing { moveOnFromLastMessage(&state) }
        switch target {
        case .tab(let status):
            return switchTab(to: status, state: &state)
        case .listRow(let position):
            state.focus = .list
            moveCursor(&state, to: position)
        case .list:
            state.focus = .list
        case .detail:
            if state.cursorRow != nil { state.focus = .detail }
        case .nothing:
            break
        }
        return []
    }

    /// Moves what is under the pointer, whichever pane has the keys: the list's cursor, the
    /// detail pane's text, or the help or messages overlay wherever it is turned.
    static func wheelTurned(row: Int, column: Int, notches: Int, state: inout AppState) {
        guard acceptsPointer(state) else { return }
        let lines = notches * linesPerNotch
        if state.overlay != nil {
            let height = state.overlayHeight
            state.overlay?.reduce(.wheelTurned(lines: lines, height: height))
            return
        }
        switch state.target(atRow: row, column: column) {
        case .listRow, .list:
            moveOnFromLastMessage(&state)
            moveCursor(&state, by: lines)
        case .detail:
            moveOnFromLastMessage(&state)
            scrollDetail(&state, by: lines)
        case .tab, .nothing:
            break
        }
    }

    /// Not while a question waits for its answer (the picker, a prompt, a confirmation: the
    /// keys go there), nor while the screen is too small to show the panes.
    private static func acceptsPointer(_ state: AppState) -> Bool {
        switch keyContext(of: state) {
        case .confirm, .picker, .prompt: false
        case .global, .list, .detail: !state.layout.isTooSmall
        }
    }
}
