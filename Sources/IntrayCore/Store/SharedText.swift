/// One copy of each sender and deal-link text the list holds. A busy inbox hears from the same
/// few hundred people thousands of times; rows built through here share those strings' storage
/// instead of each holding its own, which is most of a row's size after the subject.
///
/// Senders are numbered as they first come, and each row carries its sender's number, so a
/// search can test a word against each sender once instead of against every row's copy.
public struct SharedText: Sendable, Equatable {
    private var numbers: [Person: UInt32] = [:]
    /// The senders met so far, by number.
    public private(set) var senders: [Person] = []
    private var words: Set<String> = []

    public init() {}

    public static func == (a: SharedText, b: SharedText) -> Bool { true }

    public var distinctPeople: Int { senders.count }

    /// The row for `email`, its sender and link type shared with earlier rows.
    public mutating func row(for email: Email) -> EmailRow {
        var row = EmailRow(email)
        if let from = row.from {
            let number = numbers[from] ?? {
                let number = UInt32(senders.count)
                senders.append(from)
                numbers[from] = number
                return number
            }()
            row.from = senders[Int(number)]
            row.sender = SenderNumber(number)
        }
        if let type = row.linkedType { row.linkedType = words.insert(type).memberAfterInsert }
        return row
    }
}

/// Which of `SharedText.senders` a row's sender is: a shortcut for search, not part of the
/// email, so rows that differ only in it are equal (`==` is always true; compare `value`).
/// A row drops it when its sender changes, so it names the row's sender among those of the
/// `SharedText` that built the row.
public struct SenderNumber: Sendable, Hashable {
    let value: UInt32

    init(_ value: UInt32) { self.value = value }

    /// A row not built through `SharedText`.
    static let none = SenderNumber(.max)

    public static func == (a: SenderNumber, b: SenderNumber) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    /// The number, nil for a row not built through `SharedText`.
    public var number: Int? { value == Self.none.value ? nil : Int(value) }
}
