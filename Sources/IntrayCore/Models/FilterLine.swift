import Foundation

/// The filter line: `after:DATE before:DATE from:ID to:ID with:ID`, words in any order,
/// separated by spaces, parsed into the people and dates of an `EmailFilter`.
///
/// - `from:` the sender (`filter[creator_id]`), `to:` a recipient (`filter[recipient_id]`),
///   `with:` either (`filter[sender_or_recipient_id]`); each takes numeric person ids,
///   several separated by commas (`from:12,34`) or by repeating the word.
/// - `after:` / `before:` take what `CreationDate` accepts (`2025-07-24`, `7d`, `2w`, `today`…).
///
/// The status is not part of the line: the tab decides it.
public enum FilterLine {
    /// Why the line cannot be used, as one sentence.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    public static let keys = ["after", "before", "from", "to", "with"]

    /// The filter the line asks for; an empty line is an empty filter.
    public static func parse(_ line: String, now: Date, calendar: Calendar) throws(Problem) -> EmailFilter {
        var filter = EmailFilter()
        for word in line.split(whereSeparator: \.isWhitespace) {
            guard let colon = word.firstIndex(of: ":"), keys.contains(word[..<colon].lowercased()) else {
                throw Problem(description: "“\(word)” is not a filter: use after:DATE, before:DATE, from:ID, to:ID or with:ID.")
            }
            let key = word[..<colon].lowercased()
            let value = String(word[word.index(after: colon)...])
            switch key {
            case "after", "before":
                guard !value.isEmpty else { throw Problem(description: "\(key): needs a date, for example \(key):2025-07-24 or \(key):7d.") }
                guard (key == "after" ? filter.after : filter.before) == nil else {
                    throw Problem(description: "\(key): is given twice; keep one.")
                }
                let date: String
                do { date = try CreationDate.parse(value, now: now, calendar: calendar) } catch { throw Problem(description: error.description) }
                if key == "after" { filter.after = date } else { filter.before = date }
            case "from": filter.creatorIDs += try personIDs(value, option: "from:")
            case "to": filter.recipientIDs += try personIDs(value, option: "to:")
            default: filter.senderOrRecipientIDs += try personIDs(value, option: "with:")
            }
        }
        return filter
    }

    /// Comma-separated numeric person ids, checked; `option` names where they were typed
    /// (`from:` or `--from`) for the error.
    public static func personIDs(_ text: String, option: String) throws(Problem) -> [String] {
        let ids = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard !text.isEmpty else { throw Problem(description: "\(option) needs a person id, for example \(option)\(option.hasSuffix(":") ? "" : " ")123.") }
        for id in ids where id.isEmpty || id.count > 18 || !id.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw Problem(description: "“\(id)” is not a person id: \(option) takes numeric ids such as 123, several separated by commas.")
        }
        return ids
    }

    /// The line that parses back to `filter`'s people and dates (status left out).
    public static func text(for filter: EmailFilter) -> String {
        var words: [String] = []
        if let after = filter.after { words.append("after:\(after)") }
        if let before = filter.before { words.append("before:\(before)") }
        if !filter.creatorIDs.isEmpty { words.append("from:" + filter.creatorIDs.joined(separator: ",")) }
        if !filter.recipientIDs.isEmpty { words.append("to:" + filter.recipientIDs.joined(separator: ",")) }
        if !filter.senderOrRecipientIDs.isEmpty { words.append("with:" + filter.senderOrRecipientIDs.joined(separator: ",")) }
        return words.joined(separator: " ")
    }
}
