import Foundation

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


extension Reducer {
    static func prompt(_ command: Command, state: inout AppState) -> [Effect] {
        switch command {
        case .promptSubmit:
            state.search.isEditing = false
            guard !state.search.text.isEmpty else { return [] }
            return startBodySearch(&state)
        case .promptCancel:
            let wasSearching = state.search.bodies != nil
            state.search = SearchState()
            state.status = nil
            return applySearch(&state) + (wasSearching ? [.cancelBodySearch] : [])
        case .promptDeleteBackward:
            guard !state.search.text.isEmpty else { return [] }
            state.search.text.removeLast()
            return applySearch(&state)
        case .quit:
            return quit(&state)
        default:
            return []
        }
    }

    /// The typed text changed: the list narrows by sender and subject at once, and a body
    /// search for the old text stops. Text typed at the end only narrows what is shown (each
    /// word still contains what it did), so only the rows shown are tested again.
    static func applySearch(_ state: inout AppState, narrowing: Bool = false) -> [Effect] {
        let stopped = state.search.bodies != nil
        state.search.bodies = nil
        if narrowing && !stopped {
            narrowVisible(&state)
        } else {
            recomputeVisible(&state, keepingCursorOn: state.cursorRow?.id)
        }
        state.detailScroll = 0
        return stopped ? [.cancelBodySearch] : []
    }

    static func startBodySearch(_ state: inout AppState) -> [Effect] {
        let tag = nextID(&state)
        state.search.bodies = BodySearch(tag: tag, status: state.activeTab)
        let count = state.visible.count
        state.status = StatusMessage("\(RequestCost.grouped(count)) \(count == 1 ? "email matches" : "emails match") “\(state.search.text)” by sender or subject; searching the bodies…")
        return [.searchBodies(state.activeTab, text: state.search.text, tag: tag, filter: state.filter.filter)]
    }

    /// Another tab is shown: a kept search searches its bodies instead.
    static func restartBodySearch(_ state: inout AppState) -> [Effect] {
        guard state.search.bodies != nil else { return [] }
        state.search.bodies = nil
        return [.cancelBodySearch] + startBodySearch(&state)
    }

    static func bodiesSearched(tag: Int, matches: [String], pagesRead: Int, totalPages: Int, state: inout AppState) {
        guard state.search.bodies?.tag == tag else { return }
        state.search.bodies!.pagesRead = pagesRead
        state.search.bodies!.totalPages = totalPages
        let fresh = matches.filter { !state.search.bodies!.matches.contains($0) }
        guard !fresh.isEmpty else { return }
        state.search.bodies!.matches.formUnion(fresh)
        if state.search.bodies!.status == state.activeTab {
            recomputeVisible(&state, keepingCursorOn: state.cursorRow?.id)
        }
    }

    static func bodySearchEnded(tag: Int, error: APIError?, state: inout AppState) {
        guard var search = state.search.bodies, search.tag == tag else { return }
        search.isRunning = false
        search.error = error
        state.search.bodies = search
        if let error {
            state.status = StatusMessage("Could not search the bodies: \(error.message) Sender and subject matches are shown.", kind: .error)
            return
        }
        let count = state.visible.count
        state.status = StatusMessage("\(RequestCost.grouped(count)) \(count == 1 ? "email matches" : "emails match") “\(state.search.text)” in sender, subject or body.")
    }
}

/// Matches emails against the search text: every word must appear in one of the fields,
/// ignoring case and diacritics. A list row offers its sender and subject; a whole email its
/// body too.
public struct SearchMatcher: Sendable {
    private let words: [Word]

    public init(_ text: String) {
        words = text.split(whereSeparator: \.isWhitespace).map { Word(String($0)) }
    }

    public var isEmpty: Bool { words.isEmpty }

    public func matches(_ email: EmailRow) -> Bool {
        words.allSatisfy { word in
            word.isFound(in: email.from?.name) || word.isFound(in: email.from?.address) || word.isFound(in: email.subject)
        }
    }

    public func matches(_ email: Email) -> Bool {
        words.allSatisfy { word in
            [email.from?.name, email.from?.address, email.subject, email.body ?? email.bodyHTML, email.snippet].contains { word.isFound(in: $0) }
        }
    }

    /// One typed word, found ignoring case and diacritics. Most rows and words are ASCII, and
    /// for those a byte comparison gives what Foundation's folding search would, without it.
    private struct Word: Sendable {
        let text: String
        /// The word's bytes lowercased, when it is all ASCII.
        let asciiLowered: [UInt8]?

        init(_ text: String) {
            self.text = text
            asciiLowered = text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.map(Self.lowered) : nil
        }

        func isFound(in field: String?) -> Bool {
            guard let field else { return false }
            if let needle = asciiLowered, let found = field.utf8.withContiguousStorageIfAvailable({ Self.asciiSearch(needle, in: $0) }), let found {
                return found
            }
            return field.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }

        /// Whether `needle` occurs in `haystack` ignoring ASCII case; nil when the haystack has
        /// a byte past ASCII before a match, where folding could match what bytes do not.
        static func asciiSearch(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool? {
            guard !needle.isEmpty else { return true }
            let last = haystack.count - needle.count
            var start = 0
            while start <= last {
                var offset = 0
                while offset < needle.count {
                    let byte = haystack[start + offset]
                    if byte >= 0x80 { return nil }
                    if lowered(byte) != needle[offset] { break }
                    offset += 1
                }
                if offset == needle.count { return true }
                start += 1
            }
            return haystack.contains { $0 >= 0x80 } ? nil : false
        }

        static func lowered(_ byte: UInt8) -> UInt8 {
            (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        }
    }
}
