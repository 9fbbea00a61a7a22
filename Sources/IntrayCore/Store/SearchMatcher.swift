import Foundation

/// Matches emails against the search text: every word must appear in one of the fields,
/// ignoring case and diacritics. A list row offers its sender and subject; a whole email its
/// body too.
public struct SearchMatcher: Sendable {
    private let words: [Word]

    public init(_ text: String) {
        words = text.split(whereSeparator: \.isWhitespace).map { Word(String($0)) }
    }

    public var isEmpty: Bool { words.isEmpty }

    public func matches(_ email: EmailRow) -> Bool {
        var folds = Folds()
        return matches(email, folds: &folds)
    }

    public func matches(_ email: Email) -> Bool {
        var folds = Folds()
        return words.allSatisfy { word in
            [email.from?.name, email.from?.address, email.subject, email.body ?? email.bodyHTML, email.snippet].contains { word.isFound(in: $0, folds: &folds) }
        }
    }

    /// The indices among `indices` whose rows match, or whose ids are in `found` (by a body
    /// search), in their order. A sender or subject that is not ASCII is folded once however
    /// many rows share it, so a scan of a whole tab costs byte comparisons for nearly every row.
    public func matching(_ indices: some Sequence<Int>, in rows: [EmailRow], orIn found: Set<String> = []) -> [Int] {
        var folds = Folds()
        return indices.filter { matches(rows[$0], folds: &folds) || (!found.isEmpty && found.contains(rows[$0].id)) }
    }

    private func matches(_ email: EmailRow, folds: inout Folds) -> Bool {
        words.allSatisfy { word in
            word.isFound(in: email.from?.name, folds: &folds) || word.isFound(in: email.from?.address, folds: &folds)
                || word.isFound(in: email.subject, folds: &folds)
        }
    }

    /// Texts already folded during one scan, by the text as it came.
    struct Folds {
        private var known: [String: String] = [:]

        mutating func of(_ text: String) -> String {
            if let folded = known[text] { return folded }
            let folded = Word.fold(text)
            if known.count < 50_000 { known[text] = folded }
            return folded
        }
    }

    /// One typed word, found ignoring case and diacritics. Most fields are ASCII, and for those
    /// a byte comparison gives what folding would, without it; other fields are folded first.
    struct Word: Sendable {
        /// The word folded, and its bytes when that is all ASCII.
        let folded: String
        let foldedASCII: [UInt8]?

        init(_ text: String) {
            folded = Self.fold(text)
            foldedASCII = folded.utf8.allSatisfy { $0 < 0x80 } ? Array(folded.utf8) : nil
        }

        static func fold(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }

        func isFound(in field: String?, folds: inout Folds) -> Bool {
            guard let field else { return false }
            if let needle = foldedASCII, let found = Self.asciiSearch(needle, in: field) { return found }
            let text = folds.of(field)
            if let needle = foldedASCII, let found = Self.asciiSearch(needle, in: text) { return found }
            return text.range(of: folded) != nil
        }

        /// Whether `needle` (lowercase ASCII) occurs in `haystack` ignoring ASCII case; nil
        /// when the haystack has a byte past ASCII before a match, where folding could match
        /// what bytes do not.
        static func asciiSearch(_ needle: [UInt8], in haystack: String) -> Bool? {
            var haystack = haystack
            return haystack.withUTF8 { asciiSearch(needle, in: $0) }
        }

        static func asciiSearch(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool? {
            guard !needle.isEmpty else { return true }
            let last = haystack.count - needle.count
            var start = 0
            while start <= last {
                var offset = 0
                while offset < needle.count {
                    let byte = haystack[start + offset]
                    if byte >= 0x80 { return nil }
                    if lowered(byte) != needle[offset] { break }
                    offset += 1
                }
                if offset == needle.count { return true }
                start += 1
            }
            return haystack.contains { $0 >= 0x80 } ? nil : false
        }

        static func lowered(_ byte: UInt8) -> UInt8 {
            (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        }
    }
}
