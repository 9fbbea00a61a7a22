import Foundation

/// The app scoped to help and the messages: moving keys scroll the overlay, and any other key
/// closes it.
extension Reducer {
    static func overlayKey(_ command: Command, state: inout AppState) {
        let height = state.overlayHeight
        let action: Overlay.Action? = switch command {
        case .cursorDown, .scrollDown: .scrolled(lines: 1, height: height)
        case .cursorUp, .scrollUp: .scrolled(lines: -1, height: height)
        case .pageDown, .scrollPageDown, .halfPageDown: .paged(1, height: height)
        case .pageUp, .scrollPageUp, .halfPageUp: .paged(-1, height: height)
        case .cursorTop, .scrollTop: .toTop
        case .cursorBottom, .scrollBottom: .toEnd(height: height)
        default: nil
        }
        guard let action else {
            state.overlay = nil
            return
        }
        state.overlay?.reduce(action)
    }
}
