import Foundation

/// Actions an earlier session showed as done and Productive never confirmed, found in the
/// journal at start, sorted into what this session sends and what it only reports.
public struct EarlierSession: Sendable, Equatable {
    /// One journal entry as the sorting needs it.
    public struct Entry: Sendable, Equatable {
        public var action: TriageRequest
        public var isOwnAccount: Bool
        public var recordedAt: Date

        public init(action: TriageRequest, isOwnAccount: Bool, recordedAt: Date) {
            self.action = action
            self.isOwnAccount = isOwnAccount
            self.recordedAt = recordedAt
        }
    }

    /// Entries older than this are reported and kept, never sent: the inbox has moved on.
    public static let maximumAge: TimeInterval = 7 * 24 * 3600

    /// Sent now, each email re-read first so nothing is done twice.
    public var toSend: [TriageRequest] = []
    /// Kept in the journal because they are older than a week.
    public var tooOld: [TriageRequest] = []
    /// Kept in the journal because they belong to another server or organization.
    public var otherAccount: [TriageRequest] = []
    /// Entries of other Intray processes still running: their process id and how many.
    public var heldByOthers: [HeldEntries] = []

    public struct HeldEntries: Sendable, Equatable {
        public var pid: Int32
        public var count: Int

        public init(pid: Int32, count: Int) {
            self.pid = pid
            self.count = count
        }
    }

    public init() {}

    public init(entries: [Entry], heldByOthers: [HeldEntries] = [], now: Date) {
        for entry in entries {
            if !entry.isOwnAccount {
                otherAccount.append(entry.action)
            } else if now.timeIntervalSince(entry.recordedAt) > Self.maximumAge {
                tooOld.append(entry.action)
            } else {
                var action = entry.action
                action.rereadFirst = true
                action.fromEarlierSession = true
                toSend.append(action)
            }
        }
        self.heldByOthers = heldByOthers
    }

    public var isEmpty: Bool { toSend.isEmpty && tooOld.isEmpty && otherAccount.isEmpty && heldByOthers.isEmpty }

    /// What the status bar says at start, e.g. "3 actions from your last session were not
    /// confirmed: dismiss 2, attach 1 to Acme intranet (D-1005). Sending what has not taken
    /// effect; each email is read first."
    public var summary: String {
        var sentences: [String] = []
        if !toSend.isEmpty {
            let count = toSend.count == 1 ? "1 action from your last session was" : "\(RequestCost.grouped(toSend.count)) actions from your last session were"
            sentences.append("\(count) not confirmed: \(Self.describe(toSend)). Sending what has not taken effect; each email is read first.")
        }
        let kept = tooOld.count + otherAccount.count
        if kept > 0 {
            var why: [String] = []
            if !tooOld.isEmpty { why.append("\(tooOld.count) older than a week") }
            if !otherAccount.isEmpty { why.append("\(otherAccount.count) for another server or organization") }
            sentences.append("\(kept) unconfirmed \(kept == 1 ? "action is" : "actions are") kept in the journal and not sent (\(why.joined(separator: ", "))).")
        }
        for held in heldByOthers {
            sentences.append("\(held.count) unconfirmed \(held.count == 1 ? "action belongs" : "actions belong") to Intray process \(held.pid), still running; it sends them.")
        }
        return sentences.joined(separator: " ")
    }

    /// `dismiss 2, attach 1 to Acme intranet (D-1005), delete 1`.
    static func describe(_ actions: [TriageRequest]) -> String {
        var dismiss = 0, delete = 0
        var attach: [(Deal, Int)] = []
        for action in actions {
            switch action.kind {
            case .dismiss: dismiss += 1
            case .delete: delete += 1
            case .attach(let deal):
                if let index = attach.firstIndex(where: { $0.0.id == deal.id }) { attach[index].1 += 1 } else { attach.append((deal, 1)) }
            }
        }
        var parts: [String] = []
        if dismiss > 0 { parts.append("dismiss \(dismiss)") }
        parts += attach.map { "attach \($0.1) to \(Reducer.dealLabel($0.0))" }
        if delete > 0 { parts.append("delete \(delete)") }
        return parts.joined(separator: ", ")
    }
}
