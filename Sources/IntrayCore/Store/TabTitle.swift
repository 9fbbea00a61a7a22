/// A tab's title in the tabs line, such as ` 2 Resolved 10 `, and the columns it takes. The
/// tabs line draws these and a click picks from them, so the two cannot disagree.
public struct TabTitle: Equatable, Sendable {
    public var status: EmailStatus
    public var text: String
    public var columns: Range<Int>

    /// Every tab's title from the left of `rect`, each followed by a one-column separator.
    /// Titles are ASCII (a digit, an English word, a count), so each character is one column.
    public static func all(_ state: AppState, in rect: Rect) -> [TabTitle] {
        var column = rect.column
        return EmailStatus.allCases.map { status in
            let count = state.tab(status).totalCount.map { " \($0)" } ?? ""
            let text = " \(status.rawValue) \(status.title)\(count) "
            let width = text.utf8.count
            defer { column += width + 1 }
            return TabTitle(status: status, text: text, columns: column..<(column + width))
        }
    }
}
