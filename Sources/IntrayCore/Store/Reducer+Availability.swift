import Foundation

/// Why a command cannot run now, as lazygit says of its bindings: the status bar dims its hint,
/// and pressing it says the reason instead of doing nothing. Cheap enough for every frame: it
/// looks at the cursor's email and the queues' sizes, never the whole selection.
extension Reducer {
    public static func unavailable(_ command: Command, in state: AppState) -> String? {
        // Asked for every hint of every frame: the row is copied only where it is read.
        let hasCursorRow = state.hasCursorRow
        switch command {
        case .resolve, .attach, .dismiss, .delete:
            if !hasCursorRow && state.selection.isEmpty { return noEmail(to: command) }
        case .toggleSelection, .focusDetail, .toggleReader, .filterBySender, .copyID:
            if !hasCursorRow { return "No email here." }
        case .openLink:
            return linksUnavailable(state)
        case .openInProductive:
            if !hasCursorRow { return "No email here." }
            if state.emailWebAddress == nil { return noWebAddress }
        case .undo:
            if state.queued.isEmpty && state.outbox.isEmpty {
                return nothingToUndo
            }
        default:
            break
        }
        guard state.selection.isEmpty else { return nil }
        switch command {
        case .dismiss where state.cursorRow?.status == .dismissed:
            return "Already dismissed."
        case .resolve:
            guard let email = state.cursorRow, let dealID = state.suggestions.dealID(for: email.from), email.linkedID == dealID else { return nil }
            return alreadyLinked(to: dealID, state)
        default:
            return nil
        }
    }

    static let noWebAddress = "Set email_web_url in config.toml to open emails in Productive."

    static let nothingToUndo = "Nothing to undo: actions already sent to Productive cannot be taken back."

    static func noEmail(to command: Command) -> String { "No email to \(verb(of: command))." }

    static func alreadyLinked(to dealID: String, _ state: AppState) -> String {
        "Already linked to \(state.deals[dealID].map(dealLabel) ?? "deal \(dealID)"): nothing to resolve."
    }

    private static func verb(of command: Command) -> String {
        switch command {
        case .resolve: "resolve"
        case .attach: "attach"
        case .dismiss: "dismiss"
        default: "delete"
        }
    }
}
