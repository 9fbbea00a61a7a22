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
        return withUnsafePointer(to: email) { matches($0, folds: &folds) }
    }

    public func matches(_ email: Email) -> Bool {
        var folds = Folds()
        return words.allSatisfy { word in
            [email.from?.name, email.from?.address, email.subject, email.body ?? email.bodyHTML, email.snippet].contains { word.isFound(in: $0, folds: &folds) }
        }
    }

    /// The indices among `indices` whose rows match, or whose ids are in `found` (by a body
    /// search), in their order. `senders` are those of the `SharedText` that built the rows:
    /// a sender is tested once per scan for all the rows from it, and a row's subject only for
    /// the words its sender lacks, and only when the subject's sketch allows them. Fields are
    /// read in place, and nearly every field is answered from its bytes: a field that is not
    /// ASCII is folded only when it holds letters that may fold to ASCII (see `Word.scan`).
    public func matching(_ indices: some Sequence<Int>, in rows: [EmailRow], senders: [Person], orIn found: Set<String> = []) -> [Int] {
        var folds = Folds()
        var answers = SenderAnswers(count: words.count <= SenderAnswers.maxWords ? senders.count : 0)
        return rows.withUnsafeBufferPointer { rows in
            senders.withUnsafeBufferPointer { senders in
                indices.filter { index in
                    let row = rows.baseAddress! + index
                    let number = Int(row.pointee.sender.value)
                    let isMatch = if number < answers.count {
                        subjectHolds(missing: answers.missing(number, words) { word in
                            word.isFound(in: senders[number].name, folds: &folds) || word.isFound(in: senders[number].address, folds: &folds)
                        }, row, folds: &folds)
                    } else {
                        matches(row, folds: &folds)
                    }
                    return isMatch || (!found.isEmpty && found.contains(row.pointee.id))
                }
            }
        }
    }

    // The row is passed by pointer, so that its subject is read only when it must be: a
    // subject is a heap object of its own, and reading it is most of the cost of a row.

    @inline(__always)
    private func matches(_ row: UnsafePointer<EmailRow>, folds: inout Folds) -> Bool {
        words.allSatisfy { word in
            word.isFound(in: row.pointee.from?.name, folds: &folds) || word.isFound(in: row.pointee.from?.address, folds: &folds)
                || (row.pointee.subjectSketch.mayHold(word.sketch) && word.isFound(in: row.pointee.subject, folds: &folds))
        }
    }

    /// Whether the row's subject holds every word whose bit is set in `missing`.
    @inline(__always)
    private func subjectHolds(missing: UInt64, _ row: UnsafePointer<EmailRow>, folds: inout Folds) -> Bool {
        var missing = missing
        while missing != 0 {
            let word = words[missing.trailingZeroBitCount]
            guard row.pointee.subjectSketch.mayHold(word.sketch), word.isFound(in: row.pointee.subject, folds: &folds) else { return false }
            missing &= missing - 1
        }
        return true
    }

    /// For each numbered sender, the words its name and address lack, found the first time a
    /// scan meets a row from it: a scan costs one test per sender it meets, however many rows
    /// each sent.
    struct SenderAnswers {
        /// One bit per word, and the top bit to tell an answer from none yet.
        static let maxWords = 63
        private static let known: UInt64 = 1 << 63
        private var answers: [UInt64]

        init(count: Int) { answers = Array(repeating: 0, count: count) }

        var count: Int { answers.count }

        /// The bits of the words that sender `number` lacks; `isFound` tests a word against it.
        @inline(__always)
        mutating func missing(_ number: Int, _ words: [Word], isFound: (Word) -> Bool) -> UInt64 {
            let answer = answers[number]
            if answer != 0 { return answer & ~Self.known }
            var missing: UInt64 = 0
            for (index, word) in words.enumerated() where !isFound(word) { missing |= 1 << UInt64(index) }
            answers[number] = missing | Self.known
            return missing
        }
    }

    /// Texts already folded during one scan: by Foundation, by the text as it came, for words
    /// that are not ASCII; and a buffer for `LatinFolding`, for words that are.
    struct Folds {
        private var known: [String: String] = [:]
        var latin: [UInt8] = []

        mutating func of(_ text: String) -> String {
            if let folded = known[text] { return folded }
            let folded = Word.fold(text)
            if known.count < 50_000 { known[text] = folded }
            return folded
        }
    }

    /// One typed word, found ignoring case and diacritics, as Foundation's folding finds it.
    struct Word: Sendable {
        /// The word folded, as UTF-8, and whether that is all ASCII.
        let folded: [UInt8]
        let isASCII: Bool
        /// What a text must hold to hold the word.
        let sketch: LetterSketch

        init(_ text: String) {
            folded = Array(Self.fold(text).utf8)
            isASCII = folded.allSatisfy { $0 < 0x80 }
            sketch = isASCII ? LetterSketch(word: folded) : .none
        }

        static func fold(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }

        func isFound(in field: String?, folds: inout Folds) -> Bool {
            guard let field else { return false }
            if isASCII {
                switch Self.scan(folded, in: field) {
                case .found: return true
                case .absent: return false
                case .needsFolding:
                    LatinFolding.fold(field, into: &folds.latin)
                    return folds.latin.withUnsafeBufferPointer { Self.contains(folded, in: $0) }
                }
            }
            var text = folds.of(field)
            return text.withUTF8 { Self.contains(folded, in: $0) }
        }

        enum RawAnswer { case found, absent, needsFolding }

        /// What a field says about an ASCII word before any folding. Folding only removes marks
        /// and case, so a match among the field's ASCII letters stands; without one, only
        /// letters that could fold to ASCII (Latin ones, combining marks, ligatures, letterlike
        /// symbols) can make one, and a field without them (Chinese, Cyrillic, …) has none.
        static func scan(_ needle: [UInt8], in field: String) -> RawAnswer {
            var field = field
            return field.withUTF8 { bytes in
                if contains(needle, in: bytes) { return .found }
                return mayFoldToASCII(bytes) ? .needsFolding : .absent
            }
        }

        /// Whether `needle` occurs in `haystack`, ASCII letters compared without case.
        static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !needle.isEmpty else { return true }
            guard haystack.count >= needle.count else { return false }
            for start in 0...(haystack.count - needle.count) {
                var offset = 0
                while offset < needle.count, lowered(haystack[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            return false
        }

        /// Whether UTF-8 `bytes` hold a character in a block whose letters may fold to ASCII:
        /// U+0080–U+036F, Latin Extended Additional, letterlike symbols, Latin ligatures.
        static func mayFoldToASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0xC2 && byte <= 0xCD { return true }
                if index + 1 < bytes.count {
                    let next = bytes[index + 1]
                    if byte == 0xE1 && (0xB8...0xBB).contains(next) { return true }
                    if byte == 0xE2 && (0x84...0x85).contains(next) { return true }
                    if byte == 0xEF && (0xAC...0xAD).contains(next) { return true }
                }
                index += 1
            }
            return false
        }

        static func lowered(_ byte: UInt8) -> UInt8 {
            (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        }
    }
}
