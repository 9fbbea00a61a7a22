/// Where a key binding applies. `global` bindings work in the list and the detail pane
/// wherever those do not bind the same key themselves; the picker, the prompt and the
/// confirmation are modal and use only their own bindings (the picker and the prompt take
/// unbound printable keys as text). See `Keymap.lookupOrder(for:)`.
public enum KeyContext: String, Sendable, Hashable, CaseIterable, Codable {
    case global, list, detail, picker, prompt, confirm

    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .list: "Inbox list"
        case .detail: "Detail pane"
        case .picker: "Deal picker"
        case .prompt: "Search prompt"
        case .confirm: "Confirmation"
        }
    }
}

/// Every request a user can make by key. One table: the keymap parser validates names
/// against it, the reducer dispatches on it and the help screen lists it.
public enum Command: String, Sendable, Hashable, CaseIterable, Codable {
    case quit = "app.quit"
    case help = "app.help"
    case messages = "app.messages"
    case refresh = "app.refresh"
    case toggleLayout = "app.toggle-layout"
    case showUnresolved = "tab.unresolved"
    case showResolved = "tab.resolved"
    case showDismissed = "tab.dismissed"
    case nextTab = "tab.next"
    case search = "search.start"
    case searchNext = "search.next"
    case searchPrevious = "search.previous"
    case filter = "filter.start"
    case clearFilter = "filter.clear"
    case filterBySender = "filter.sender"

    case cursorDown = "cursor.down"
    case cursorUp = "cursor.up"
    case cursorTop = "cursor.top"
    case cursorBottom = "cursor.bottom"
    case pageDown = "cursor.page-down"
    case pageUp = "cursor.page-up"
    case halfPageDown = "cursor.half-page-down"
    case halfPageUp = "cursor.half-page-up"
    case toggleSelection = "selection.toggle"
    case selectAll = "selection.all"
    case selectSuggested = "selection.suggested"
    case selectByPattern = "selection.pattern"
    case invertSelection = "selection.invert"
    case clearSelection = "selection.clear"
    case focusDetail = "focus.detail"

    case resolve = "email.resolve"
    case attach = "email.attach"
    case dismiss = "email.dismiss"
    case delete = "email.delete"
    case undo = "email.undo"

    case scrollDown = "detail.scroll-down"
    case scrollUp = "detail.scroll-up"
    case scrollPageDown = "detail.page-down"
    case scrollPageUp = "detail.page-up"
    case scrollTop = "detail.top"
    case scrollBottom = "detail.bottom"
    case focusList = "focus.list"
    case toggleReader = "detail.reader"
    case copyID = "email.copy-id"
    case sortList = "list.sort"
    case openLink = "email.open-link"
    case openInProductive = "email.open-in-productive"

    case pickerDown = "picker.down"
    case pickerUp = "picker.up"
    case pickerChoose = "picker.choose"
    case pickerCancel = "picker.cancel"
    case pickerDeleteBackward = "picker.delete-backward"

    case promptSubmit = "prompt.submit"
    case promptCancel = "prompt.cancel"
    case promptDeleteBackward = "prompt.delete-backward"

    case confirmYes = "confirm.yes"
    case confirmNo = "confirm.no"

    /// One line for the help screen.
    public var summary: String {
        switch self {
        case .quit: "Quit (pending actions are committed first)"
        case .help: "Show or hide this help"
        case .messages: "Show every refused action and the last 50 messages, whole"
        case .refresh: "Reload the current tab from the server"
        case .toggleLayout: "Switch between stacked and side-by-side panes"
        case .showUnresolved: "Show unresolved emails"
        case .showResolved: "Show resolved emails"
        case .showDismissed: "Show dismissed emails"
        case .nextTab: "Show the next tab"
        case .search: "Search: sender and subject as you type, Enter searches bodies too"
        case .searchNext: "Jump to the next search match"
        case .searchPrevious: "Jump to the previous search match"
        case .filter: "Filter every tab on the server: after:DATE before:DATE from:ID to:ID with:ID"
        case .clearFilter: "Clear the filter"
        case .filterBySender: "Filter every tab to this email's sender"
        case .cursorDown: "Move down"
        case .cursorUp: "Move up"
        case .cursorTop: "Jump to the first email"
        case .cursorBottom: "Jump to the last email"
        case .pageDown: "Page down"
        case .pageUp: "Page up"
        case .halfPageDown: "Half a page down"
        case .halfPageUp: "Half a page up"
        case .toggleSelection: "Select or unselect the email"
        case .selectAll: "Select every email in the tab"
        case .selectSuggested: "Select every email with a suggested deal, so one resolve attaches them all"
        case .selectByPattern: "Select the emails whose sender or subject hold every typed word"
        case .invertSelection: "Invert the selection"
        case .clearSelection: "Clear the selection"
        case .focusDetail: "Read the email in the detail pane"
        case .resolve: "Resolve: attach to the suggested deal"
        case .attach: "Attach to a deal chosen in a picker"
        case .dismiss: "Dismiss"
        case .delete: "Delete (asks first)"
        case .undo: "Undo the last action while it waits to be sent"
        case .scrollDown: "Scroll down"
        case .scrollUp: "Scroll up"
        case .scrollPageDown: "Scroll a page down"
        case .scrollPageUp: "Scroll a page up"
        case .scrollTop: "Scroll to the top"
        case .scrollBottom: "Scroll to the end"
        case .focusList: "Back to the list"
        case .toggleReader: "Read the email on the whole screen, or go back to the panes"
        case .copyID: "Copy the email's id to the clipboard, where the terminal allows it"
        case .sortList: "Sort the list: newest first, oldest first, by sender (for this session)"
        case .openLink: "Open a link of the body by its number: in a browser, or over SSH to the clipboard"
        case .openInProductive: "Open the email in Productive's web app, at the address email_web_url gives"
        case .pickerDown: "Next deal"
        case .pickerUp: "Previous deal"
        case .pickerChoose: "Attach to the highlighted deal"
        case .pickerCancel: "Close the picker"
        case .pickerDeleteBackward: "Delete the last typed character"
        case .promptSubmit: "Keep the search (or apply the filter) and go back to the list"
        case .promptCancel: "Cancel the search (or the filter being typed)"
        case .promptDeleteBackward: "Delete the last typed character"
        case .confirmYes: "Yes"
        case .confirmNo: "No"
        }
    }

    /// The help line for the command where it is bound: in the detail pane the cursor keys
    /// move to the next or previous email, since scrolling has keys of its own there.
    public func summary(in context: KeyContext) -> String {
        switch (self, context) {
        case (.cursorDown, .detail): "Next email"
        case (.cursorUp, .detail): "Previous email"
        case (.cursorTop, .detail): "First email"
        case (.cursorBottom, .detail): "Last email"
        default: summary
        }
    }

    /// The contexts this command means something in. A keymap binding it elsewhere is refused.
    public var contexts: Set<KeyContext> {
        switch self {
        case .quit, .help, .messages, .refresh, .toggleLayout, .showUnresolved, .showResolved,
             .showDismissed, .nextTab, .search, .searchNext, .searchPrevious, .filter, .clearFilter, .filterBySender:
            [.global, .list, .detail]
        case .cursorDown, .cursorUp, .cursorTop, .cursorBottom, .pageDown, .pageUp,
             .halfPageDown, .halfPageUp, .toggleSelection, .selectAll, .selectSuggested, .selectByPattern, .invertSelection, .clearSelection,
             .focusDetail, .resolve, .attach, .dismiss, .delete, .undo, .toggleReader, .copyID, .sortList, .openLink, .openInProductive:
            [.list, .detail]
        case .scrollDown, .scrollUp, .scrollPageDown, .scrollPageUp, .scrollTop,
             .scrollBottom, .focusList:
            [.detail]
        case .pickerDown, .pickerUp, .pickerChoose, .pickerCancel, .pickerDeleteBackward:
            [.picker]
        case .promptSubmit, .promptCancel, .promptDeleteBackward:
            [.prompt]
        case .confirmYes, .confirmNo:
            [.confirm]
        }
    }
}
