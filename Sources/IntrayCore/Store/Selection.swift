import Foundation

/// Which emails the next triage action applies to, and the pattern typed to select more. A
/// child of the store: the app hands it the ids an action needs (the emails listed, those with
/// a suggested deal, those a pattern matches), and it answers what the app must say or count.
public struct Selection: Sendable, Equatable {
    public private(set) var ids: Set<String> = []
    /// The pattern typed to select by, while it is typed.
    public private(set) var pattern: SelectionPattern?
    /// The tab on screen is being listed anew while emails are selected: until the listing
    /// ends and the selection keeps only what it lists, it may name emails the tab no longer
    /// holds.
    public private(set) var mayNameUnlisted = false

    public init() {}

    enum Action: Sendable, Equatable {
        case toggled(String)
        case suggestedChosen(Set<String>)
        case allChosen(Set<String>)
        case inverted(listed: Set<String>)
        case cleared
        /// The emails listed were replaced (another tab, another filter): nothing stays selected.
        case listReplaced
        /// These emails left the list for an action of their own.
        case emailsTaken(Set<String>)
        /// The tab on screen started to be listed anew; the emails come back page by page.
        case listingRestarted
        /// That listing ended (whole or not) and lists these of the selected emails.
        case listingEnded(stillListed: Set<String>)
        case patternOpened
        case patternTyped(String)
        case patternErased
        case patternCounted(matches: Int)
        case patternSubmitted(matching: Set<String>)
        case patternCancelled
    }

    /// What the app must do after an action; `count` is how many are selected now.
    enum Outcome: Sendable, Equatable {
        /// Count the emails listed that the pattern matches, and answer `patternCounted`.
        case countMatches(pattern: String)
        case selectedSuggested(count: Int)
        case selectedAll(count: Int)
        case inverted(count: Int)
        case cleared
        case addedMatches(added: Int, pattern: String, matchedAny: Bool, count: Int)
    }

    mutating func reduce(_ action: Action) -> [Outcome] {
        switch action {
        case .toggled(let id):
            if ids.remove(id) == nil { ids.insert(id) }
            return []
        case .suggestedChosen(let suggested):
            replaceIDs(with: suggested)
            mayNameUnlisted = false
            return [.selectedSuggested(count: ids.count)]
        case .allChosen(let listed):
            replaceIDs(with: listed)
            mayNameUnlisted = false
            return [.selectedAll(count: ids.count)]
        case .inverted(let listed):
            replaceIDs(with: listed.subtracting(ids))
            mayNameUnlisted = false
            return [.inverted(count: ids.count)]
        case .cleared:
            replaceIDs(with: [])
            mayNameUnlisted = false
            return [.cleared]
        case .listReplaced:
            replaceIDs(with: [])
            mayNameUnlisted = false
            return []
        case .emailsTaken(let taken):
            ids.subtract(taken)
            return []
        case .listingRestarted:
            mayNameUnlisted = !ids.isEmpty
            return []
        case .listingEnded(let stillListed):
            replaceIDs(with: stillListed)
            mayNameUnlisted = false
            return []
        case .patternOpened:
            pattern = SelectionPattern()
            return []
        case .patternTyped(let text):
            guard pattern != nil else { return [] }
            pattern!.text += text
            return [.countMatches(pattern: pattern!.text)]
        case .patternErased:
            guard let text = pattern?.text, !text.isEmpty else { return [] }
            pattern!.text.removeLast()
            return [.countMatches(pattern: pattern!.text)]
        case .patternCounted(let matches):
            pattern?.matchCount = matches
            return []
        case .patternSubmitted(let matching):
            guard let text = pattern?.text else { return [] }
            pattern = nil
            let added = matching.subtracting(ids).count
            ids.formUnion(matching)
            return [.addedMatches(added: added, pattern: text, matchedAny: !matching.isEmpty, count: ids.count)]
        case .patternCancelled:
            pattern = nil
            return []
        }
    }
}

extension Selection {
    /// The ids the selection held are freed off this thread (`ReleaseElsewhere`).
    private mutating func replaceIDs(with new: Set<String>) {
        var old = new
        swap(&ids, &old)
        ReleaseElsewhere.release(consume old)
    }
}

/// A pattern typed to select by: the status bar counts what it matches as it is typed, and
/// Enter adds those emails to the selection.
public struct SelectionPattern: Sendable, Equatable {
    public var text = ""
    /// The listed emails it matches, counted when the text changes rather than per frame.
    public var matchCount = 0
}
