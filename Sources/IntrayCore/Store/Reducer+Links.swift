import Foundation

/// What the runtime did with a link the user chose to open.
public enum LinkOpening: Sendable, Equatable {
    /// A browser was started on it, detached; the name it goes by, such as `firefox`.
    case openedInBrowser(String)
    /// The browser could not be started, and why (`No such file or directory`).
    case browserFailed(browser: String, reason: String)
    /// No display to start a browser on (an SSH session): the terminal's clipboard takes it.
    case noDisplay
    /// A display, but neither `$BROWSER` nor `xdg-open`: the terminal's clipboard takes it.
    case noBrowser
}

/// The app scoped to the links: the key asks for a number in the status line, and the number
/// chosen is checked against the links of the email under the cursor and opened.
extension Reducer {
    /// The schemes Intray hands on; anything else (`file:`, `ftp:`, `tel:`) could run or
    /// fetch something the reader did not mean to.
    static let openableSchemes = ["http://", "https://", "mailto:"]

    /// Why the open-link key cannot run now, or nil.
    static func linksUnavailable(_ state: AppState) -> String? {
        guard let email = state.cursorRow else { return "No email here." }
        guard let links = state.links.addresses(of: email.id) else { return "This email is not loaded yet, so its links are not known." }
        return links.isEmpty ? "This email has no links." : nil
    }

    /// Keys while the number is asked for.
    static func linkPrompt(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .promptSubmit: return reduceLinks(.submitted, state: &state)
        case .promptCancel: return reduceLinks(.cancelled, state: &state)
        case .promptDeleteBackward: return reduceLinks(.erased, state: &state)
        case .quit: return quit(&state)
        default: return []
        }
    }

    /// Runs an action in the links and opens the link chosen.
    static func reduceLinks(_ action: LinkState.Action, state: inout AppState) -> [Effect] {
        state.links.reduce(action).flatMap { outcome -> [Effect] in
            switch outcome {
            case .chosen(let number): openLink(numbered: number, state: &state)
            }
        }
    }

    static func openLink(numbered typed: String, state: inout AppState) -> [Effect] {
        if let reason = linksUnavailable(state) {
            state.status = StatusMessage(reason, kind: .error)
            return []
        }
        let links = state.links.addresses
        guard let number = Int(typed), links.indices.contains(number - 1) else {
            let numbers = links.count == 1 ? "has only link 1" : "has links 1 to \(links.count)"
            state.status = StatusMessage(typed.isEmpty ? "No link opened: no number was typed." : "There is no link \(typed): this email \(numbers).", kind: .error)
            return []
        }
        let address = links[number - 1]
        let lowered = address.lowercased()
        guard openableSchemes.contains(where: lowered.hasPrefix) else {
            state.status = StatusMessage("Link \(number) was not opened: Intray opens only http, https and mailto links, and \(schemeOf(address)).", kind: .error)
            return []
        }
        return [.openLink(address)]
    }

    /// "this is a file: link", or "this one has no scheme (www.example.com)".
    static func schemeOf(_ address: String) -> String {
        let scheme = address.prefix { $0 != ":" }
        let isScheme = scheme.count < address.count && scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
        return isScheme ? "this is a \(scheme.lowercased()): link" : "this one has no scheme (\(address))"
    }

    /// The runtime's answer. Without a browser the address goes to the terminal's clipboard,
    /// which may or may not take it: the sentence says it was sent, not that it arrived.
    static func linkOpened(_ address: String, _ opening: LinkOpening, state: inout AppState) -> [Effect] {
        switch opening {
        case .openedInBrowser(let browser):
            state.status = StatusMessage("Opened \(address) in \(browser).", kind: .success)
            return []
        case .browserFailed(let browser, let reason):
            state.status = StatusMessage("Could not start \(browser) (\(reason)): sent \(address) to the clipboard instead, if the terminal allows OSC 52.", kind: .error)
        case .noDisplay:
            state.status = StatusMessage("No display: sent \(address) to the clipboard, if the terminal allows OSC 52.")
        case .noBrowser:
            state.status = StatusMessage("No browser ($BROWSER is unset, xdg-open missing): sent \(address) to the clipboard, if the terminal allows OSC 52.")
        }
        return [.copyToClipboard(address)]
    }
}
