/// What one key press asks for: an action per email. A plan is carried out as one batch, so
/// one undo takes all of it back, and a plan too long to send in a few seconds asks first.
///
/// Emails are named by id, and a plan made from the selection shares the selection's storage:
/// asking about 60,000 emails copies none of them. Ids no longer listed when the plan starts
/// are skipped, so an email that moved away while the question stood is left alone.
public struct TriagePlan: Sendable, Equatable {
    public private(set) var ids: Set<String>
    /// How many of `ids` were listed when the plan was made: what a question names.
    public private(set) var count: Int
    private var common: TriageRequest.Kind?
    private var each: [String: TriageRequest.Kind] = [:]

    /// One action for every email in `ids`, `count` of which are listed.
    public init(_ kind: TriageRequest.Kind, ids: Set<String>, count: Int) {
        self.ids = ids
        self.count = count
        common = kind
    }

    /// An action of its own for each email, every one of them listed.
    public init(_ kinds: [String: TriageRequest.Kind]) {
        ids = Set(kinds.keys)
        count = kinds.count
        each = kinds
    }

    public var isEmpty: Bool { count == 0 }

    public func kind(of id: String) -> TriageRequest.Kind? {
        guard ids.contains(id) else { return nil }
        return common ?? each[id]
    }

    /// The kind of any one of the plan's actions, for the verb of a sentence.
    public var someKind: TriageRequest.Kind? { common ?? each.values.first }

    /// The deals the plan attaches emails to.
    public var dealIDs: Set<String> {
        if let common { return Set([common.dealID].compactMap { $0 }) }
        return Set(each.values.compactMap(\.dealID))
    }
}

/// How long requests take at Productive's limits of 100 per 10 s and 4,000 per 30 min, for
/// questions that name the cost of a bulk action before it starts.
public enum RequestCost {
    public static let burst = 100
    public static let burstSeconds = 10
    public static let sustained = 4_000
    public static let sustainedSeconds = 1_800

    /// Seconds `requests` take when nothing else uses the token.
    public static func seconds(for requests: Int) -> Int {
        guard requests > 0 else { return 0 }
        let fullWindows = (requests - 1) / sustained
        let rest = requests - fullWindows * sustained
        return fullWindows * sustainedSeconds + rest * burstSeconds / burst
    }

    /// `about 25 s at Productive's limit of 100 per 10 s`, or, past 4,000 requests, the
    /// sustained limit that then decides.
    public static func sentence(for requests: Int) -> String {
        let limit = requests > sustained
            ? "\(grouped(sustained)) per 30 min"
            : "\(burst) per \(burstSeconds) s"
        return "about \(duration(seconds(for: requests))) at Productive's limit of \(limit)"
    }

    public static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(max(seconds, 1)) s" }
        let minutes = (seconds + 30) / 60
        if minutes < 60 { return "\(minutes) min" }
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }

    /// `60,000`: digits grouped by three, the same in every locale.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return number < 0 ? "-" + out : out
    }
}
