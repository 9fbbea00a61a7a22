import Foundation

/// Why a command cannot run now, as lazygit says of its bindings: the status bar dims its hint,
/// and pressing it says the reason instead of doing nothing. Cheap enough for every frame: it
/// looks at the cursor's email and the queues' sizes, never the whole selection.
extension Reducer {
    public static func unavailable(_ command: Command, in state: AppState) -> String? {
        let noEmail = state.cursorRow == nil && state.selection.isEmpty
        switch command {
        case .resolve, .attach, .dismiss, .delete:
            if noEmail { return "No email to \(verb(of: command))." }
        case .toggleSelection, .focusDetail, .toggleReader, .filterBySender, .copyID:
            if state.cursorRow == nil { return "No email here." }
        case .undo:
            if state.queued.isEmpty && state.outbox.isEmpty {
                return "Nothing to undo: actions already sent to Productive cannot be taken back."
            }
        default:
            break
        }
        guard state.selection.isEmpty, let email = state.cursorRow else { return nil }
        switch command {
        case .dismiss where email.status == .dismissed:
            return "Already dismissed."
        case .resolve:
            guard let dealID = state.suggestions.dealID(for: email.from), email.linkedID == dealID else { return nil }
            return "Already linked to \(state.deals[dealID].map(dealLabel) ?? "deal \(dealID)"): nothing to resolve."
        default:
            return nil
        }
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
