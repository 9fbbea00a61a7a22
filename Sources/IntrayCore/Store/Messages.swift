/// The sentence in the status bar, and the last ones said, for the messages overlay where long
/// ones read whole. A child of the store: a sentence said stands until the next key moves on
/// from it, and stays in the history.
public struct Messages: Sendable, Equatable {
    public static let limit = 50

    /// What the status bar says; nil while it shows the key hints.
    public private(set) var current: StatusMessage?
    /// The last messages, oldest first, at most `limit`.
    public private(set) var history: [StatusMessage] = []

    public init() {}

    enum Action: Sendable, Equatable {
        case said(StatusMessage)
        /// The status bar goes back to the key hints; what it said stays in the history.
        case movedOn
    }

    mutating func reduce(_ action: Action) {
        switch action {
        case .said(let message):
            guard message != current else { return }
            current = message
            history.append(message)
            if history.count > Self.limit { history.removeFirst(history.count - Self.limit) }
        case .movedOn:
            current = nil
        }
    }
}
