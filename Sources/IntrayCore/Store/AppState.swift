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

/// The deal picker opened by `attach` (or by `resolve` without a suggestion).
public struct DealPicker: Sendable, Equatable {
    public var query = ""
    public var deals: [Deal] = []
    public var cursor = 0
    /// True while the search for the typed query runs; `deals` then belong to an older query.
    public var isLoading = true
    /// Enter was pressed while searching: attach to the top result when the answer comes.
    public var choosesWhenAnswered = false
    /// Tags the latest search; answers with another tag are stale and ignored.
    public var searchTag = 0
    public var error: APIError?
    /// The emails to attach, as they were when the picker opened.
    public var emails: [EmailRow]
    /// The deal last used for the emails' sender, listed first and marked when it is found.
    public var suggestedID: String?
    /// Deals used lately, listed next, newest first.
    public var recentIDs: [String] = []

    public init(emails: [EmailRow]) {
        self.emails = emails
    }

    public var emailIDs: [String] { emails.map(\.id) }

    /// The server's answer in the picker's order: the suggested deal, then recent ones, then
    /// the rest as the server sorted them. Only deals the answer holds are listed.
    public func ordered(_ deals: [Deal]) -> [Deal] {
        let first = ([suggestedID].compactMap { $0 } + recentIDs)
        var rank: [String: Int] = [:]
        for (index, id) in first.enumerated() where rank[id] == nil { rank[id] = index }
        guard !rank.isEmpty else { return deals }
        let ranked = deals.enumerated().map { (rank[$0.element.id] ?? first.count + $0.offset, $0.element) }
        return ranked.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The deal Enter would attach to; none while a search runs, since the rows shown then
    /// answer an older query.
    public var highlighted: Deal? { !isLoading && deals.indices.contains(cursor) ? deals[cursor] : nil }
}

/// A yes/no question standing between a key and an action that deletes, or that costs many
/// requests: the emails it would act on, as they were when it was asked.
public struct Confirmation: Sendable, Equatable {
    public enum Subject: Sendable, Equatable {
        case delete([EmailRow])
        /// A plan large enough that its cost in requests is worth a question.
        case bulk(TriagePlan)
    }
    public var subject: Subject
    public var question: String

    public init(subject: Subject, question: String) {
        self.subject = subject
        self.question = question
    }
}

/// A pattern typed to select by: the status bar counts what it matches as it is typed, and
/// Enter adds those emails to the selection.
public struct SelectionPattern: Sendable, Equatable {
    public var text = ""
    /// The listed emails it matches, counted when the text changes rather than per frame.
    public var matchCount = 0
}

/// The search typed after `/`. While it is typed, it narrows the listed emails at once to
/// those whose sender or subject contain every word, ignoring case and diacritics. Enter keeps
/// it and also searches the bodies, which the list does not hold (`BodySearch`).
public struct SearchState: Sendable, Equatable {
    public var text = ""
    /// True while the prompt is open and keys go to it.
    public var isEditing = false
    /// The body search for `text`, started by Enter.
    public var bodies: BodySearch?

    public init(text: String = "", isEditing: Bool = false) {
        self.text = text
        self.isEditing = isEditing
    }
}

/// The filter typed after `f`: people and creation dates, sent to the server for every tab,
/// so the tabs' counts are the filtered totals.
public struct FilterState: Sendable, Equatable {
    /// The line as applied, shown in the tabs line; empty when nothing is filtered.
    public var applied = ""
    /// What the applied line asks of `GET /emails`, the status left to each tab.
    public var filter = EmailFilter()
    /// The line being typed while the prompt is open.
    public var editing: String?
    /// Why the typed line cannot be used, shown on the line until it changes.
    public var error: String?

    public init() {}
}

/// A search of the bodies of one tab: the server's pages of that tab are read again, the API's
/// largest at a time, and only the ids of emails whose body matches are kept.
public struct BodySearch: Sendable, Equatable {
    /// Tags this search; answers with another tag are stale and ignored.
    public var tag: Int
    public var status: EmailStatus
    public var matches: Set<String> = []
    public var pagesRead = 0
    public var totalPages: Int?
    public var isRunning = true
    public var error: APIError?

    public init(tag: Int, status: EmailStatus) {
        self.tag = tag
        self.status = status
    }
}

/// Everything the screen shows and the store knows. One value; `reduce` is its only writer.
public struct AppState: Sendable, Equatable {
    public var tabs: [EmailStatus: InboxTab] = [.unresolved: InboxTab(), .resolved: InboxTab(), .dismissed: InboxTab()]
    public var activeTab: EmailStatus = .unresolved
    /// Indices into the active tab's emails that the search lets through, in order.
    public internal(set) var visible: [Int] = []
    /// Index into `visible`.
    public internal(set) var cursor = 0
    /// First visible row of the list pane.
    public internal(set) var listTop = 0
    public var selection: Set<String> = []
    /// The pattern typed to select by, while it is typed.
    public var selectionPattern: SelectionPattern?
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
    /// The message in the status bar; each new one also goes to `history`.
    public var status: StatusMessage? {
        didSet {
            guard let status, status != oldValue else { return }
            history.append(status)
            if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        }
    }
    /// The last messages, oldest first, for the messages overlay, where long ones read whole.
    public private(set) var history: [StatusMessage] = []
    public static let historyLimit = 50
    /// Half-typed key sequence, e.g. `g…`.
    public var pendingKeys: String?
    /// Actions shown as done that wait out the undo window before they are sent.
    public var queued: [Int: TriageRequest] = [:]
    /// How long an action can be undone before it is sent; zero sends at once.
    public var undoWindow: Duration = .zero
    /// Actions whose undo window closed, waiting their turn to be sent, oldest first.
    public var outbox = Outbox()
    /// Actions sent to Productive and not yet answered; at most `Outbox.concurrency`.
    public var inFlight: [Int: TriageRequest] = [:]
    /// Actions that failed in a way worth another try, waiting out their backoff.
    public var retrying: [Int: TriageRequest] = [:]
    /// Actions Productive refused this session, named again on exit.
    public var refusals: [Refusal] = []
    /// Full emails (body, recipients) for the detail pane, fetched around the cursor.
    public var details = EmailDetails()
    /// Emails that arrived while the app was open, marked until the cursor visits them.
    public var newIDs: Set<String> = []
    /// Sender texts shared by the rows of every tab.
    public var sharedText = SharedText()
    /// The next number handed out by `Reducer.nextID`: action ids, batch ids and the tags of
    /// searches and fetches all come from it, so no two are ever the same.
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

    public init() {}

    public var layout: ScreenLayout { ScreenLayout(columns: terminalColumns, rows: terminalRows, mode: isReading ? .reader : layoutMode) }

    public func tab(_ status: EmailStatus) -> InboxTab { tabs[status] ?? InboxTab() }

    public var current: InboxTab { tab(activeTab) }

    /// The email under the cursor.
    public var cursorRow: EmailRow? { row(atVisible: cursor) }

    /// The row shown at `position` in the list, if there is one.
    public func row(atVisible position: Int) -> EmailRow? {
        guard visible.indices.contains(position) else { return nil }
        let rows = tabs[activeTab]?.rows ?? []
        let index = visible[position]
        return rows.indices.contains(index) ? rows[index] : nil
    }

    /// The emails the next triage action applies to: the selection when there is one
    /// (in list order), else the email under the cursor.
    public var targetRows: [EmailRow] {
        if selection.isEmpty { return cursorRow.map { [$0] } ?? [] }
        return current.rows.filter { selection.contains($0.id) }
    }

    /// Everything shown as done that the server has not confirmed yet.
    public var unconfirmedCount: Int { queued.count + outbox.count + inFlight.count + retrying.count }

    /// Every action shown as done that the server has not confirmed, oldest first.
    public var unconfirmed: [TriageRequest] {
        (Array(queued.values) + Array(outbox.waiting) + Array(inFlight.values) + Array(retrying.values)).sorted { $0.id < $1.id }
    }

    public var isLoadingAnything: Bool {
        tabs.values.contains { $0.load.isLoading } || search.bodies?.isRunning == true
    }

    /// Lines of the list pane.
    public var listHeight: Int { max(layout.list.height, 1) }

    /// Lines of the help or messages overlay inside its box.
    public var overlayHeight: Int { max(layout.rows - 3, 1) }

    /// Lines of the detail pane below its rule, where the headers and the body scroll as one text.
    public var detailBodyHeight: Int { max(layout.detail.height - 1, 1) }
}
