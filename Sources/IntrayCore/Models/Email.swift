import Foundation

/// Which tab of the inbox an email belongs to. Productive derives it: dismissed when
/// `dismissed_at` is set, resolved when the email is linked to a record, unresolved otherwise.
public enum EmailStatus: Int, Sendable, Hashable, CaseIterable, Codable {
    case unresolved = 1
    case resolved = 2
    case dismissed = 3

    /// Productive's rule: dismissed when `dismissed_at` is set, resolved when linked to a record.
    public init(dismissedAt: Date?, linkedType: String?, linkedID: String?) {
        if dismissedAt != nil {
            self = .dismissed
        } else if linkedID != nil || linkedType != nil {
            self = .resolved
        } else {
            self = .unresolved
        }
    }

    public var title: String {
        switch self {
        case .unresolved: "Unresolved"
        case .resolved: "Resolved"
        case .dismissed: "Dismissed"
        }
    }
}

/// A sender or recipient, already reduced to what can be shown.
public struct Person: Sendable, Hashable, Codable {
    public var name: String?
    public var address: String?

    public init(name: String? = nil, address: String? = nil) {
        self.name = name?.isEmpty == true ? nil : name
        self.address = address?.isEmpty == true ? nil : address
    }

    /// The name when there is one, else the address, else an empty string.
    public var displayName: String { name ?? address ?? "" }

    /// `Name <address>`, or whichever half exists.
    public var fullDisplay: String {
        switch (name, address) {
        case let (name?, address?): "\(name) <\(address)>"
        case let (name?, nil): name
        case let (nil, address?): address
        case (nil, nil): ""
        }
    }

    /// The part after `@` of the address, lowercased.
    public var domain: String? {
        guard let address else { return nil }
        // In ASCII every byte but a CR is a character of its own: the last `@` byte is the last
        // `@`, found without breaking the address into characters (list rows ask every frame).
        let isASCII = address.utf8.allSatisfy { $0 < 0x80 }
        let found = isASCII ? address.utf8.lastIndex(of: UInt8(ascii: "@")) : address.lastIndex(of: "@")
        guard let at = found else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        return domain.isEmpty ? nil : domain
    }
}

/// One email of the Productive inbox, as the client decoded it.
public struct Email: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var subject: String?
    public var snippet: String?
    public var body: String?
    public var bodyHTML: String?
    public var bodyTruncated: Bool
    public var from: Person?
    public var to: [Person]
    public var cc: [Person]
    public var participants: [Person]
    public var createdAt: Date
    public var receivedAt: Date?
    public var deliveredAt: Date?
    public var dismissedAt: Date?
    public var linkedType: String?
    public var linkedID: String?
    public var unread: Bool
    public var outgoing: Bool
    public var autoLinked: Bool
    /// The sender's person id (`relationships.creator`), when the server sent it.
    public var creatorID: String?

    public init(
        id: String, subject: String? = nil, snippet: String? = nil, body: String? = nil,
        bodyHTML: String? = nil, bodyTruncated: Bool = false, from: Person? = nil,
        to: [Person] = [], cc: [Person] = [], participants: [Person] = [],
        createdAt: Date, receivedAt: Date? = nil, deliveredAt: Date? = nil,
        dismissedAt: Date? = nil, linkedType: String? = nil, linkedID: String? = nil,
        unread: Bool = false, outgoing: Bool = false, autoLinked: Bool = false, creatorID: String? = nil
    ) {
        self.id = id
        self.subject = subject
        self.snippet = snippet
        self.body = body
        self.bodyHTML = bodyHTML
        self.bodyTruncated = bodyTruncated
        self.from = from
        self.to = to
        self.cc = cc
        self.participants = participants
        self.createdAt = createdAt
        self.receivedAt = receivedAt
        self.deliveredAt = deliveredAt
        self.dismissedAt = dismissedAt
        self.linkedType = linkedType
        self.linkedID = linkedID
        self.unread = unread
        self.outgoing = outgoing
        self.autoLinked = autoLinked
        self.creatorID = creatorID
    }

    public var status: EmailStatus {
        EmailStatus(dismissedAt: dismissedAt, linkedType: linkedType, linkedID: linkedID)
    }

    /// The subject, or `(no subject)` when it is missing or blank.
    public var displaySubject: String { Self.displaySubject(subject) }

    static func displaySubject(_ subject: String?) -> String {
        // Asked for every row on screen in every frame: no Foundation trimming, which copies,
        // and no Unicode property looked up when the first byte is visible ASCII.
        guard let subject else { return "(no subject)" }
        if let first = subject.utf8.first, first > 0x20, first < 0x80 { return subject }
        return subject.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) ? subject : "(no subject)"
    }

    /// When the email arrived, as best known: received, else delivered, else created.
    public var date: Date { receivedAt ?? deliveredAt ?? createdAt }
}
