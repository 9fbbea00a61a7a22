/// What the panes show at a cell of the screen, found through the same `ScreenLayout`, list
/// offset and tab titles the views draw with, so a click lands on what is drawn there.
public enum ScreenTarget: Equatable, Sendable {
    case tab(EmailStatus)
    /// The list row of the email at this position among the visible ones.
    case listRow(Int)
    /// The list pane below its last email.
    case list
    case detail
    /// The tabs line beside the titles, the border between the panes, the status line.
    case nothing
}

extension AppState {
    /// What the panes show at a cell, counted from zero at the top left. A picker or an
    /// overlay drawn over them is for the caller to consider.
    public func target(atRow row: Int, column: Int) -> ScreenTarget {
        let layout = self.layout
        if layout.tabs.contains(row: row, column: column) {
            let title = TabTitle.all(self, in: layout.tabs).first { $0.columns.contains(column) }
            return title.map { .tab($0.status) } ?? .nothing
        }
        if layout.list.contains(row: row, column: column) {
            let position = listTop + row - layout.list.row
            return position < visible.count ? .listRow(position) : .list
        }
        return layout.detail.contains(row: row, column: column) ? .detail : .nothing
    }
}
