/// One copy of each sender and deal-link text the list holds. A busy inbox hears from the same
/// few hundred people thousands of times; rows built through here share those strings' storage
/// instead of each holding its own, which is most of a row's size after the subject.
public struct SharedText: Sendable, Equatable {
    private var people: Set<Person> = []
    private var words: Set<String> = []

    public init() {}

    public static func == (a: SharedText, b: SharedText) -> Bool { true }

    public var distinctPeople: Int { people.count }

    /// The row for `email`, its sender and link type shared with earlier rows.
    public mutating func row(for email: Email) -> EmailRow {
        var row = EmailRow(email)
        if let from = row.from { row.from = people.insert(from).memberAfterInsert }
        if let type = row.linkedType { row.linkedType = words.insert(type).memberAfterInsert }
        return row
    }
}
