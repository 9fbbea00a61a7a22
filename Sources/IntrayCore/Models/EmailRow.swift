import Foundation

/// One email as the list holds it: what a row shows and what triage decides with. The body,
/// the HTML and the recipients are left out; the detail pane fetches them for the email on
/// screen (`EmailDetails`). About a tenth of an `Email`, so 100,000 of them stay small.
public struct EmailRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var subject: String? {
        didSet { keepSketch(of: subject) }
    }
    public var from: Person? {
        didSet { sender = .none }
    }
    public var createdAt: Date
    /// When the email arrived, as best known: received, else delivered, else created.
    public var date: Date
    public var linkedType: String?
    public var linkedID: String?
    /// The sender's person id, when the server sent it.
    public var creatorID: String?
    // Fields are laid out in the order declared; in this one, what a search keeps per row
    // fills the padding after `dismissedAt` and `unread`, so a row is 152 bytes with it as
    // without it.
    public var dismissedAt: Date?
    public var unread: Bool
    private var subjectLetters: UInt16 = 0
    /// Which of `SharedText.senders` `from` is, once `SharedText` built the row.
    public internal(set) var sender = SenderNumber.none
    private var subjectPairs: UInt64 = 0

    /// What letters the subject holds, so a search can pass over the row without reading it.
    var subjectSketch: LetterSketch { LetterSketch(letters: subjectLetters, pairs: subjectPairs) }

    private mutating func keepSketch(of subject: String?) {
        let sketch = LetterSketch(subject)
        subjectLetters = sketch.letters
        subjectPairs = sketch.pairs
    }

    public init(
        id: String, subject: String? = nil, from: Person? = nil, createdAt: Date, date: Date? = nil,
        dismissedAt: Date? = nil, linkedType: String? = nil, linkedID: String? = nil, unread: Bool = false, creatorID: String? = nil
    ) {
        self.id = id
        self.subject = subject
        self.from = from
        self.createdAt = createdAt
        self.date = date ?? createdAt
        self.dismissedAt = dismissedAt
        self.linkedType = linkedType
        self.linkedID = linkedID
        self.unread = unread
        self.creatorID = creatorID
        keepSketch(of: subject)
    }

    public init(_ email: Email) {
        self.init(
            id: email.id, subject: email.subject, from: email.from, createdAt: email.createdAt, date: email.date,
            dismissedAt: email.dismissedAt, linkedType: email.linkedType, linkedID: email.linkedID, unread: email.unread,
            creatorID: email.creatorID
        )
    }

    public var status: EmailStatus {
        EmailStatus(dismissedAt: dismissedAt, linkedType: linkedType, linkedID: linkedID)
    }

    public var displaySubject: String { Email.displaySubject(subject) }
}
