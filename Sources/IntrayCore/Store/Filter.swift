import Foundation

/// The filter typed after `f`: people and creation dates, sent to the server for every tab,
/// so the tabs' counts are the filtered totals. A child of the store: it changes only its own
/// state and answers when the filter applied changed, so that the app lists every tab again.
public struct FilterState: Sendable, Equatable {
    /// The line as applied, shown in the tabs line; empty when nothing is filtered.
    public var applied = ""
    /// What the applied line asks of `GET /emails`, the status left to each tab.
    public var filter = EmailFilter()
    /// The line being typed while the prompt is open.
    public var editing: String?
    /// Why the typed line cannot be used, shown on the line until it changes.
    public var error: String?

    public init() {}

    enum Action: Sendable, Equatable {
        case promptOpened
        case textTyped(String)
        case erased
        /// Enter, at `now`, which dates such as `7d` count back from.
        case submitted(now: Date)
        case cancelled
        /// A filter chosen outside the prompt (the sender of an email, or none), and its line.
        case chosen(line: String, EmailFilter)
    }

    enum Outcome: Sendable, Equatable {
        /// The filter applied changed: list every tab again with it. `line` is how it reads,
        /// empty when nothing is filtered.
        case changed(line: String)
    }

    /// Keys while the line is open: Enter applies it (or says in one sentence why it cannot),
    /// Esc closes it, and Esc on an empty line clears the filter.
    mutating func reduce(_ action: Action) -> [Outcome] {
        switch action {
        case .promptOpened:
            editing = applied
            error = nil
        case .textTyped(let text):
            guard editing != nil else { return [] }
            editing! += text
            error = nil
        case .erased:
            if editing?.isEmpty == false { editing!.removeLast() }
            error = nil
        case .submitted(let now):
            guard let line = editing else { return [] }
            do {
                let filter = try FilterLine.parse(line, now: now, calendar: Self.calendar)
                editing = nil
                return choose(line: line, filter)
            } catch {
                self.error = error.description
            }
        case .cancelled:
            guard let line = editing else { return [] }
            editing = nil
            error = nil
            if line.trimmingWhitespace().isEmpty && !applied.isEmpty {
                return choose(line: "", EmailFilter())
            }
        case .chosen(let line, let filter):
            return choose(line: line, filter)
        }
        return []
    }

    /// Dates in the filter line are days in UTC, as the API reads them.
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }

    private mutating func choose(line: String, _ chosen: EmailFilter) -> [Outcome] {
        let trimmed = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard trimmed != applied || chosen != filter else { return [] }
        applied = trimmed
        filter = chosen
        return [.changed(line: trimmed)]
    }
}
