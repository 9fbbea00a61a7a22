import Foundation

/// Text over the whole screen: help, or the messages. Moving keys scroll it, up to its last
/// page; any other key closes it.
public struct Overlay: Sendable, Equatable {
    public enum Content: Sendable, Equatable { case help, messages }

    public var content: Content
    /// The first line shown.
    public private(set) var scroll = 0
    /// Lines as last drawn, so scrolling stops at the end; unknown (0) before the first frame.
    public private(set) var lineCount = 0

    public init(_ content: Content) {
        self.content = content
    }

    /// Applies a key; answers false when the key closes the overlay. `height` is the lines
    /// shown at once.
    mutating func handle(_ command: Command, height: Int) -> Bool {
        let page = max(height - 1, 1)
        let end = end(height: height)
        scroll = min(scroll, end)
        switch command {
        case .cursorDown, .scrollDown: scroll(by: 1, height: height)
        case .cursorUp, .scrollUp: scroll(by: -1, height: height)
        case .pageDown, .scrollPageDown, .halfPageDown: scroll(by: page, height: height)
        case .pageUp, .scrollPageUp, .halfPageUp: scroll(by: -page, height: height)
        case .cursorTop, .scrollTop: scroll = 0
        case .cursorBottom, .scrollBottom: scroll = end
        default: return false
        }
        return true
    }

    /// Moves `lines` down (up when negative), within the first and the last page.
    mutating func scroll(by lines: Int, height: Int) {
        scroll = min(max(scroll + lines, 0), end(height: height))
    }

    mutating func laidOut(lineCount: Int, height: Int) {
        self.lineCount = lineCount
        scroll = min(scroll, end(height: height))
    }

    /// The first line shown at the end.
    private func end(height: Int) -> Int {
        lineCount == 0 ? Int.max / 2 : max(lineCount - height, 0)
    }
}
