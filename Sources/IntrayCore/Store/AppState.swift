import Foundation

/// Which pane keys go to.
public enum Focus: Sendable, Equatable {
    case list
    case detail
}

/// A one-sentence message in the status bar.
public struct StatusMessage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, error }

    /// A key worth naming after the sentence, e.g. "Press R to retry." The store does not know
    /// the keymap, so the view names the key, and says nothing when the keymap leaves it unbound.
    public struct KeyHint: Sendable, Equatable {
        public var command: Command
        /// What pressing it does, after the key: "to retry".
        public var purpose: String

        public init(_ command: Command, _ purpose: String) {
            self.command = command
            self.purpose = purpose
        }
    }

    public var text: String
    public var kind: Kind
    public var hint: KeyHint?

    public init(_ text: String, kind: Kind = .info, hint: KeyHint? = nil) {
        self.text = text
        self.kind = kind
        self.hint = hint
    }
}

/// A triage request on the way to the server.
public struct TriageRequest: Sendable, Equatable, Identifiable {
    public enum Kind: Sendable, Equatable {
        case attach(Deal)
        case dismiss
        case delete
    }

    public var id: Int
    public var kind: Kind
    /// The email as it was before, and the tab it was taken from, to put it back on failure.
    public var email: EmailRow
    public var from: EmailStatus
    /// Actions taken by one key press share a batch: one undo takes them all back.
    public var batch: Int
    /// Tries made so far.
    public var attempt = 0
    /// The last try may have landed: read the email before sending again.
    public var rereadFirst = false
    /// Left unconfirmed by an earlier session and taken over from the journal; its email is
    /// known by id only until it is read.
    public var fromEarlierSession = false

    public init(id: Int, kind: Kind, email: EmailRow, from: EmailStatus, batch: Int = 0) {
        self.id = id
        self.kind = kind
        self.email = email
        self.from = from
        self.batch = batch
    }

    /// The tab the email moves to, nil when it leaves the inbox.
    public var destination: EmailStatus? {
        switch kind {
        case .attach: .resolved
        case .dismiss: .dismissed
        case .delete: nil
        }
    }
}

/// An action Productive refused, with its sentence.
public struct Refusal: Sendable, Equatable {
    public var action: TriageRequest
    public var reason: String

    public init(action: TriageRequest, reason: String) {
        self.action = action
        self.reason = reason
    }
}

/// Everything the screen shows and the store knows. One value; `reduce` is its only writer.
public struct AppState: Sendable, Equatable {
    /// What each tab has listed and counted, and which one is on screen.
    public internal(set) var tabs = Tabs()
    public var activeTab: EmailStatus { tabs.active }
    /// The rows of the active tab the search lets through, the cursor and the pane's window.
    public internal(set) var list = VisibleList()
    /// Indices into the active tab's emails that the search lets through, in order.
    public var visible: [Int] { list.rows }
    /// Index into `visible`.
    public var cursor: Int { list.cursor }
    /// First visible row of the list pane.
    public var listTop: Int { list.top }
    /// The emails selected, and the pattern typed to select more.
    public internal(set) var selected = Selection()
    /// The ids of the emails selected.
    public var selection: Set<String> { selected.ids }
    /// How every tab is sorted; the server's order until the user picks another.
    public var listOrder: ListOrder { tabs.order }
    /// The pattern typed to select by, while it is typed.
    public var selectionPattern: SelectionPattern? { selected.pattern }
    public var focus: Focus = .list
    public var detailScroll = 0
    /// Wrapped line count of the detail body as last drawn, so paging can stop at the end.
    public var detailLineCount = 0
    public var search = SearchState()
    public var filter = FilterState()
    /// The wall clock as last observed (`timePassed`), for dates such as `7d`.
    public var now = Date(timeIntervalSince1970: 0)
    public var picker: DealPicker?
    public var confirmation: Confirmation?
    /// Help or the messages, over the panes.
    public var overlay: Overlay?
    /// The links of the email in the detail pane, and the number typed to open one.
    public var links = LinkState()
    /// The message in the status bar and the last ones said.
    public internal(set) var messages = Messages()
    /// The message in the status bar: setting one says it (and keeps it in the history), nil
    /// moves on to the key hints.
    public var status: StatusMessage? {
        get { messages.current }
        set { messages.reduce(newValue.map(Messages.Action.said) ?? .movedOn) }
    }
    /// The last messages, oldest first, for the messages overlay, where long ones read whole.
    public var history: [StatusMessage] { messages.history }
    /// Half-typed key sequence, e.g. `g…`.
    public var pendingKeys: String?
    /// Actions shown as done and not sent yet: in their undo window, or waiting their turn.
    public internal(set) var undoQueue = UndoQueue()
    /// Actions shown as done that wait out the undo window before they are sent.
    public var queued: [Int: TriageRequest] { undoQueue.queued }
    /// How long an action can be undone before it is sent; zero sends at once.
    public var undoWindow: Duration = .zero
    /// Actions whose undo window closed, waiting their turn to be sent, oldest first.
    public var outbox: Outbox { undoQueue.outbox }
    /// Actions sent to Productive and not yet answered; at most `Outbox.concurrency`.
    public var inFlight: [Int: TriageRequest] = [:]
    /// Actions that failed in a way worth another try, waiting out their backoff.
    public var retrying: [Int: TriageRequest] = [:]
    /// Actions Productive refused this session, named again on exit.
    public var refusals: [Refusal] = []
    /// Full emails (body, recipients) for the detail pane, fetched around the cursor.
    public var details = EmailDetails()
    /// Emails that arrived while the app was open, marked until the cursor visits them.
    public var newIDs: Set<String> { tabs.newIDs }
    /// Sender texts shared by the rows of every tab.
    public var sharedText = SharedText()
    /// The next number handed out by `Reducer.nextID` (or offered to a child as a tag, see
    /// `Reducer.markUsed`): action ids, batch ids and the tags of searches and fetches all come
    /// from it, so no two are ever the same.
    public var nextSerial = 1
    public var isQuitting = false
    /// Some request of this session was answered, so the token and the address work.
    public var hasHeardFromServer = false
    /// Why the inbox could not be opened at all (a refused token, an unreachable server): the
    /// app leaves before showing an inbox it cannot have, and says this on exit.
    public var startFailure: APIError?
    public var layoutMode: LayoutMode = .automatic
    /// The email is read on the whole screen; the panes come back when it ends.
    public var isReading = false
    public var terminalColumns = 80
    public var terminalRows = 24
    /// Deals known by id, for names of resolved emails and the picker.
    public var deals: [String: Deal] = [:]
    /// The deal last used per sender address and per sender domain (lowercased).
    public var suggestions = DealSuggestions()
    public var pageSize = 100
    /// Where Productive's web app shows an email, when the user said (`email_web_url`).
    public var emailWebAddress: EmailWebAddress?
    /// Emails the detail pane shows are kept on disk (`cache_bodies = true`): each is handed
    /// to the runtime once with `keepEmail`.
    public var keepsShownEmails = false

    public init() {}

    public var layout: ScreenLayout { ScreenLayout(columns: terminalColumns, rows: terminalRows, mode: isReading ? .reader : layoutMode) }

    public func tab(_ status: EmailStatus) -> InboxTab { tabs[status] }

    public var current: InboxTab {
        _read { yield tabs.current }
    }

    /// The email under the cursor.
    public var cursorRow: EmailRow? { row(atVisible: cursor) }

    /// Whether there is a row under the cursor (`cursorRow != nil`), found without copying it.
    public var hasCursorRow: Bool {
        visible.indices.contains(cursor) && tabs.current.rows.indices.contains(visible[cursor])
    }

    /// The row shown at `position` in the list, if there is one.
    public func row(atVisible position: Int) -> EmailRow? {
        guard visible.indices.contains(position) else { return nil }
        let index = visible[position]
        return tabs.current.rows.indices.contains(index) ? tabs.current.rows[index] : nil
    }

    /// The emails the next triage action applies to, by id: the selection when there is one,
    /// else the email under the cursor. The selection is answered as it is, without a copy.
    public var targetIDs: Set<String> {
        if selection.isEmpty { return cursorRow.map { [$0.id] } ?? [] }
        return selection
    }

    /// The target emails themselves, in list order; this copies every one of them.
    public var targetRows: [EmailRow] {
        if selection.isEmpty { return cursorRow.map { [$0] } ?? [] }
        return current.rows.filter { selection.contains($0.id) }
    }

    /// How many emails the next triage action applies to. The selection names only listed
    /// emails, so its size is the answer, except while a new listing of the tab runs and may
    /// not have brought every selected email back yet: then they are looked up.
    public var targetCount: Int {
        if selection.isEmpty { return cursorRow == nil ? 0 : 1 }
        guard selected.mayNameUnlisted else { return selection.count }
        let tab = tabs.current
        return selection.lazy.filter(tab.contains).count
    }

    /// Everything shown as done that the server has not confirmed yet.
    public var unconfirmedCount: Int { queued.count + outbox.count + inFlight.count + retrying.count }

    /// Every action shown as done that the server has not confirmed, oldest first.
    public var unconfirmed: [TriageRequest] {
        (Array(queued.values) + Array(outbox.waiting) + Array(inFlight.values) + Array(retrying.values)).sorted { $0.id < $1.id }
    }

    public var isLoadingAnything: Bool {
        tabs.isListingAny || search.bodies?.isRunning == true
    }

    /// Lines of the list pane.
    public var listHeight: Int { max(layout.list.height, 1) }

    /// Lines of the help or messages overlay inside its box.
    public var overlayHeight: Int { max(layout.rows - 3, 1) }

    /// Lines of the detail pane below its rule, where the headers and the body scroll as one text.
    public var detailBodyHeight: Int { max(layout.detail.height - 1, 1) }
}
