import Foundation
import IntrayCore
import MailText

/// Marks where the words of the search appear in a line as drawn, found as the search finds
/// them (case and accents ignored).
enum SearchHighlight {
    static func words(_ state: AppState) -> [String] {
        state.search.text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Overdraws each match of `words` in `line` (drawn at `origin`) with the match role, where
    /// it lies within the display columns `within` of the line.
    static func mark(_ words: [String], in line: String, row: Int, origin: Int, within: Range<Int>, on canvas: some Canvas) {
        for match in matches(of: words, in: line) where within.contains(match.column) && match.column + DisplayWidth.of(match.text) <= within.upperBound {
            canvas.put(match.text, row: row, column: origin + match.column, role: .match)
        }
    }

    /// Each match's display column in `line` and its text.
    static func matches(of words: [String], in line: String) -> [(column: Int, text: String)] {
        var found: [(column: Int, text: String)] = []
        for word in words where !word.isEmpty {
            var searchRange = line.startIndex..<line.endIndex
            while let range = line.range(of: word, options: [.caseInsensitive, .diacriticInsensitive], range: searchRange) {
                found.append((DisplayWidth.of(String(line[..<range.lowerBound])), String(line[range])))
                searchRange = range.upperBound..<line.endIndex
            }
        }
        return found
    }
}
