/// Which letters and pairs of adjacent characters a text holds once folded for an ASCII search
/// word (`LatinFolding`), in 80 bits: sixteen of the rarer letters exactly, and the pairs each
/// hashed to one of 64 bits. A row keeps its subject's, so a scan passes over a row whose
/// subject lacks a letter or a pair of a word without reading the subject: a text that holds a
/// word holds each of its letters and pairs. Pairs with whitespace or bytes other than ASCII are
/// left out, since no ASCII search word holds them.
public struct LetterSketch: Sendable, Hashable {
    private(set) var letters: UInt16 = 0
    private(set) var pairs: UInt64 = 0

    /// What a word that is not ASCII requires: nothing, since it is found through Foundation's
    /// folding instead of `LatinFolding`, and every text holds it.
    static let none = LetterSketch()

    /// The sketch of `text` folded.
    init(_ text: String?) {
        guard let text else { return }
        var previous: UInt8 = 0x20
        LatinFolding.forEachByte(of: text) { byte in
            add(previous, byte)
            previous = byte
        }
    }

    /// The sketch of an ASCII word, already folded.
    init(word: [UInt8]) {
        var previous: UInt8 = 0x20
        for byte in word {
            add(previous, byte)
            previous = byte
        }
    }

    /// The two halves of a sketch, as a row keeps them.
    init(letters: UInt16, pairs: UInt64) {
        self.letters = letters
        self.pairs = pairs
    }

    private init() {}

    /// Whether the text may hold `word`: it holds every letter and pair of the word's sketch.
    func mayHold(_ word: LetterSketch) -> Bool {
        letters & word.letters == word.letters && pairs & word.pairs == word.pairs
    }

    private mutating func add(_ previous: UInt8, _ byte: UInt8) {
        guard byte < 0x80 else { return }
        letters |= Self.letterBits[Int(byte)]
        guard Self.mayBeInAWord(previous), Self.mayBeInAWord(byte) else { return }
        let pair = UInt32(previous) << 8 | UInt32(byte)
        pairs |= 1 << UInt64((pair &* 0x9E37_79B1) >> 26)
    }

    /// The bit of each ASCII byte that is one of the letters kept exactly, folded: the rarer
    /// ones, since nearly every subject holds an e or an a and a bit for them would pass it.
    private static let letterBits: [UInt16] = {
        var bits = [UInt16](repeating: 0, count: 128)
        for (bit, letter) in "bcdfghjkmpqvwxyz".utf8.enumerated() { bits[Int(letter)] = 1 << UInt16(bit) }
        return bits
    }()

    /// ASCII and not whitespace, as words are split.
    private static func mayBeInAWord(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
    }
}
