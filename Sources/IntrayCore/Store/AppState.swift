import Foundation

/// Which pane keys go to.
public enum Focus: Sendable, Equatable {
    case list
    case detail
}

/// A one-sentence message in the status bar.
public struct StatusMessage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// A triage request on the way to the server.
public struct PendingAction: Sendable, Equatable, Identifiable {
    public enum Kind: Sendable, Equatable {
        case attach(Deal)
        case dismiss
        case delete
    }

    public var id: Int
    public var kind: Kind
    /// The email as it was before, and the tab it was taken from, to put it back on failure.
    public var email: Email
    public var from: EmailStatus
    /// Actions taken by one key press share a batch: one undo takes them all back.
    public var batch: Int

    public init(id: Int, kind: Kind, email: Email, from: EmailStatus, batch: Int = 0) {
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

/// The deal picker opened by `attach` (or by `resolve` without a suggestion).
public struct DealPicker: Sendable, Equatable {
    public var query = ""
    public var deals: [Deal] = []
    public var cursor = 0
    public var isLoading = true
    /// Tags the latest search; answers with another tag are stale and ignored.
    public var searchTag = 0
    public var error: APIError?
    public var emailIDs: [String]

    public init(emailIDs: [String]) {
        self.emailIDs = emailIDs
    }

    public var highlighted: Deal? { deals.indices.contains(cursor) ? deals[cursor] : nil }
}

/// A yes/no question standing between a key and an irreversible action.
public struct Confirmation: Sendable, Equatable {
    public enum Subject: Sendable, Equatable { case delete(emailIDs: [String]) }
    public var subject: Subject
    public var question: String

    public init(subject: Subject, question: String) {
        self.subject = subject
        self.question = question
    }
}

/// The search typed after `/`: it narrows the list to emails whose sender, subject or body
/// contain every word, ignoring case and diacritics.
public struct SearchState: Sendable, Equatable {
    public var text = ""
    /// True while the prompt is open and keys go to it.
    public var isEditing = false

    public init(text: String = "", isEditing: Bool = false) {
        self.text = text
        self.isEditing = isEditing
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
    public var focus: Focus = .list
    public var detailScroll = 0
    /// Wrapped line count of the detail body as last drawn, so paging can stop at the end.
    public var detailLineCount = 0
    public var search = SearchState()
    public var picker: DealPicker?
    public var confirmation: Confirmation?
    public var isHelpShown = false
    public var helpScroll = 0
    public var status: StatusMessage?
    /// Half-typed key sequence, e.g. `g…`.
    public var pendingKeys: String?
    /// Actions shown as done that wait out the undo window before they are sent.
    public var queued: [Int: PendingAction] = [:]
    /// How long an action can be undone before it is sent; zero sends at once.
    public var undoWindow: Duration = .zero
    /// Actions sent to Productive and not yet answered.
    public var inFlight: [Int: PendingAction] = [:]
    public var nextActionID = 1
    public var isQuitting = false
    public var layoutMode: LayoutMode = .automatic
    public var terminalColumns = 80
    public var terminalRows = 24
    /// Deals known by id, for names of resolved emails and the picker.
    public var deals: [String: Deal] = [:]
    /// The deal last used per sender address and per sender domain (lowercased).
    public var suggestions = DealSuggestions()
    public var pageSize = 100

    public init() {}

    public var layout: ScreenLayout { ScreenLayout(columns: terminalColumns, rows: terminalRows, mode: layoutMode) }

    public func tab(_ status: EmailStatus) -> InboxTab { tabs[status] ?? InboxTab() }

    public var current: InboxTab { tab(activeTab) }

    /// The email under the cursor.
    public var cursorEmail: Email? {
        guard visible.indices.contains(cursor) else { return nil }
        let tab = current
        let index = visible[cursor]
        return tab.emails.indices.contains(index) ? tab.emails[index] : nil
    }

    /// The emails the next triage action applies to: the selection when there is one
    /// (in list order), else the email under the cursor.
    public var targetEmails: [Email] {
        if selection.isEmpty { return cursorEmail.map { [$0] } ?? [] }
        return current.emails.filter { selection.contains($0.id) }
    }

    public var isLoadingAnything: Bool { tabs.values.contains { $0.load.isLoading } }

    /// Lines of the list pane.
    public var listHeight: Int { max(layout.list.height, 1) }

    /// Lines of the detail body below its headers.
    public var detailBodyHeight: Int { max(layout.detail.height - DetailLayout.headerLines, 1) }
}

/// The fixed part of the detail pane, shared by the reducer (for paging) and the view.
public enum DetailLayout {
    /// Title rule, subject, from, to/cc, date, status, blank line.
    public static let headerLines = 7
}
