import Foundation

/// Text over the whole screen: help, or the messages. Moving keys scroll it, up to its last
/// page; any other key closes it. A child of the store: it changes only its own scroll.
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

    /// What happened to the overlay; `height` is the lines shown at once.
    enum Action: Sendable, Equatable {
        /// A key moved it `lines` down, or up when negative.
        case scrolled(lines: Int, height: Int)
        /// A key moved it a page down, or up when negative.
        case paged(Int, height: Int)
        /// The mouse wheel moved it `lines` down, or up when negative.
        case wheelTurned(lines: Int, height: Int)
        case toTop
        case toEnd(height: Int)
        /// The overlay was drawn in this many lines.
        case laidOut(lineCount: Int, height: Int)
    }

    mutating func reduce(_ action: Action) {
        switch action {
        case .scrolled(let lines, let height):
            scroll = min(scroll, end(height: height))
            scroll(by: lines, height: height)
        case .paged(let pages, let height):
            scroll = min(scroll, end(height: height))
            scroll(by: pages * max(height - 1, 1), height: height)
        case .wheelTurned(let lines, let height):
            scroll(by: lines, height: height)
        case .toTop:
            scroll = 0
        case .toEnd(let height):
            scroll = end(height: height)
        case .laidOut(let lineCount, let height):
            self.lineCount = lineCount
            scroll = min(scroll, end(height: height))
        }
    }

    /// Moves `lines` down (up when negative), within the first and the last page.
    private mutating func scroll(by lines: Int, height: Int) {
        scroll = min(max(scroll + lines, 0), end(height: height))
    }

    /// The first line shown at the end.
    private func end(height: Int) -> Int {
        lineCount == 0 ? Int.max / 2 : max(lineCount - height, 0)
    }
}
