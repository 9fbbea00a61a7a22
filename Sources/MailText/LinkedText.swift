/// A body as the reader sees it: sanitised text with a number after each link
/// (`Read more [1]`), and the links in number order, so that a key can open link 2 by its
/// number, as w3m and aerc do.
///
/// Links are numbered in the order they end in the text; an address that comes again gets
/// the number it already has. Addresses are sanitised like every other text from a
/// stranger (escape sequences and controls become `�`, invisible characters go), so what
/// is listed is exactly what would be opened.
public struct LinkedText: Sendable, Equatable {
    /// The text, safe to draw, with `[n]` after each link.
    public var text: String
    /// Link n's address at index n - 1, each address once.
    public var links: [String]

    public init(text: String, links: [String] = []) {
        self.text = text
        self.links = links
    }

    /// What the detail pane and `intray show` read: the plain body, else the HTML body as
    /// text, else the snippet, with their links numbered.
    public static func body(plain: String?, html: String?, snippet: String?) -> LinkedText {
        if let plain, plain.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { return Self.plain(plain) }
        if let html, !html.isEmpty { return HTMLText.linked(html) }
        if let snippet, !snippet.isEmpty { return Self.plain(snippet) }
        return LinkedText(text: "(no body)")
    }

    /// A plain-text body, sanitised, with a number after each bare `http://` or `https://`
    /// address (after the `>` of one written `<https://…>`). Punctuation that ends a
    /// sentence is not part of the address, nor is a closing bracket that opens nowhere in it.
    public static func plain(_ body: String) -> LinkedText {
        var numbers = LinkNumbers()
        let text = PlainAddress.numbered(TerminalText.sanitize(body), &numbers)
        return LinkedText(text: text, links: numbers.links)
    }

    /// An `href` as a browser reads it, or nil for one not worth a number: in-page anchors,
    /// scripts, inline data and embedded parts. Tabs and line breaks inside are dropped and
    /// spaces around it trimmed, as browsers do; a space inside is written `%20`.
    public static func address(fromHref href: String) -> String? {
        // Most hrefs are printable ASCII without spaces: nothing to drop, sanitise, trim or escape.
        let isPlain = href.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        var visible = href
        if !isPlain {
            let joined = String(String.UnicodeScalarView(href.unicodeScalars.filter { !["\t", "\n", "\r"].contains($0) }))
            visible = TerminalText.sanitizeLine(joined, lineBreak: "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "%20")
        }
        guard !visible.isEmpty else { return nil }
        let lowered = visible.lowercased()
        for hidden in ["#", "javascript:", "data:", "cid:", "vbscript:"] where lowered.hasPrefix(hidden) { return nil }
        return visible
    }

    /// The block under the body: `heading`, then `[n] address` a line each. With a width,
    /// an address too long for its line wraps under its start, and one that would take more
    /// than `maxLinesPerLink` lines is shortened in the middle.
    public func listing(heading: String = "Links", width: Int? = nil, ellipsis: String = "…") -> String {
        guard !links.isEmpty else { return "" }
        let markerWidth = "[\(links.count)] ".count
        var lines = [heading]
        for (index, link) in links.enumerated() {
            let number = "[\(index + 1)]"
            let marker = number + String(copies: " ", count: markerWidth - number.utf8.count)
            guard let width, width - markerWidth >= Self.narrowest else {
                lines.append(marker + link)
                continue
            }
            let room = width - markerWidth
            // Shortened, the last line reads `…` and the address's end.
            let short = Self.shortened(link, toWidth: room * Self.maxLinesPerLink, endWidth: room - DisplayWidth.of(ellipsis), ellipsis: ellipsis)
            let pieces = Self.pieces(short, width: room)
            let indent = String(repeating: " ", count: markerWidth)
            lines += pieces.enumerated().map { ($0.offset == 0 ? marker : indent) + $0.element }
        }
        return lines.joined(separator: "\n")
    }

    /// The text with the listing after it, a blank line between.
    public func readable(heading: String = "Links", width: Int? = nil, ellipsis: String = "…") -> String {
        links.isEmpty ? text : text + "\n\n" + listing(heading: heading, width: width, ellipsis: ellipsis)
    }

    static let maxLinesPerLink = 4
    /// Narrower than this, addresses are not wrapped by the listing (the pane wraps them).
    static let narrowest = 12

    /// `address` cut into pieces of at most `width` columns.
    static func pieces(_ address: String, width: Int) -> [String] {
        // ASCII but CR: one column a byte, so the pieces are runs of `width` bytes.
        if width > 0, address.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let utf8 = address.utf8
            return stride(from: 0, to: utf8.count, by: width).map { start in
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                return String(address[lower..<utf8.index(lower, offsetBy: min(width, utf8.count - start))])
            }
        }
        var pieces: [String] = []
        var piece = ""
        var used = 0
        for character in address {
            let columns = DisplayWidth.of(character)
            if used + columns > width, !piece.isEmpty {
                pieces.append(piece)
                piece = ""
                used = 0
            }
            piece.append(character)
            used += columns
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }

    /// `address` within `width` columns: its start (the host and the path's beginning say
    /// where it goes) and its last `endWidth` columns, the middle given up for `ellipsis`.
    static func shortened(_ address: String, toWidth width: Int, endWidth: Int, ellipsis: String) -> String {
        guard DisplayWidth.of(address) > width else { return address }
        var end = ""
        var used = 0
        for character in address.reversed() {
            let columns = DisplayWidth.of(character)
            if used + columns > endWidth { break }
            end.insert(character, at: end.startIndex)
            used += columns
        }
        let start = DisplayWidth.truncate(address, toWidth: width - used, ellipsis: ellipsis)
        return start + end
    }
}

/// Hands out link numbers: a new address gets the next one, a known address its own.
struct LinkNumbers {
    private(set) var links: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func number(for address: String) -> Int {
        if let known = numbers[address] { return known }
        links.append(address)
        numbers[address] = links.count
        return links.count
    }
}

/// Finds bare `http://` and `https://` addresses in sanitised plain text.
enum PlainAddress {
    /// `text` with ` [n]` after each address (after the `>` of one written `<https://…>`),
    /// numbered by `numbers`.
    static func numbered(_ text: String, _ numbers: inout LinkNumbers) -> String {
        var result = ""
        var copied = text.startIndex
        var searchFrom = text.startIndex
        while let found = next(in: text, from: searchFrom) {
            var markAt = found.upperBound
            if found.lowerBound > text.startIndex, text[text.index(before: found.lowerBound)] == "<",
               markAt < text.endIndex, text[markAt] == ">" {
                markAt = text.index(after: markAt)
            }
            let number = numbers.number(for: String(text[found]))
            result += text[copied..<markAt]
            result += " [\(number)]"
            copied = markAt
            searchFrom = markAt
        }
        guard copied > text.startIndex else { return text }
        result += text[copied...]
        return result
    }

    /// The next address at or after `start`. Scans the UTF-8 bytes for `http`, since bodies
    /// run to megabytes and most hold no address at all.
    static func next(in text: String, from start: String.Index) -> Range<String.Index>? {
        let utf8 = text.utf8
        var index = start
        while let found = nextH(in: utf8, from: index) {
            index = utf8.index(after: found)
            guard let schemeEnd = schemeEnd(in: utf8, at: found) else { continue }
            if found > text.startIndex, let before = text[..<found].unicodeScalars.last,
               before.properties.isAlphabetic || ("0"..."9").contains(before) {
                continue
            }
            var end = schemeEnd
            while end < text.endIndex, !endsAddress(text[end]) { end = text.index(after: end) }
            end = trimmingTrailingPunctuation(text, schemeEnd..<end)
            guard end > schemeEnd else { continue }
            return found..<end
        }
        return nil
    }

    /// The first `http` (in any case) at or after `index`, found in the string's bytes where it
    /// keeps them in one piece; else the first `h` or `H`.
    private static func nextH(in utf8: String.UTF8View, from index: String.Index) -> String.Index? {
        let start = utf8.distance(from: utf8.startIndex, to: index)
        let offset: Int?? = utf8.withContiguousStorageIfAvailable { bytes in
            // `| 0x20` lowers an ASCII capital and leaves no other byte equal to these letters.
            bytes.indices[start...].first { at in
                bytes[at] | 0x20 == UInt8(ascii: "h") && at + 3 < bytes.count && bytes[at + 1] | 0x20 == UInt8(ascii: "t")
                    && bytes[at + 2] | 0x20 == UInt8(ascii: "t") && bytes[at + 3] | 0x20 == UInt8(ascii: "p")
            }
        }
        guard let offset else { return utf8[index...].firstIndex { $0 == UInt8(ascii: "h") || $0 == UInt8(ascii: "H") } }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    private static let schemes = [Array("http://".utf8), Array("https://".utf8)]

    /// Where the host starts when `http://` or `https://` (in any case) starts at `index`.
    private static func schemeEnd(in utf8: String.UTF8View, at index: String.Index) -> String.Index? {
        for scheme in schemes {
            var position = index
            var matched = true
            for expected in scheme {
                guard position < utf8.endIndex, lowercased(utf8[position]) == expected else {
                    matched = false
                    break
                }
                position = utf8.index(after: position)
            }
            if matched { return position }
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    static func endsAddress(_ character: Character) -> Bool {
        switch character {
        case "<", ">", "\"", "`", "\u{FFFD}": true
        default: character.isWhitespace
        }
    }

    /// The end of an address without the sentence's punctuation after it, and without
    /// closing brackets that close nothing opened inside it (`(see https://x.example/a)`).
    static func trimmingTrailingPunctuation(_ text: String, _ range: Range<String.Index>) -> String.Index {
        var end = range.upperBound
        while end > range.lowerBound {
            let last = text[text.index(before: end)]
            let candidate = text[range.lowerBound..<text.index(before: end)]
            let drop: Bool = switch last {
            case ".", ",", ";", ":", "!", "?", "'", "*", "…": true
            case ")": candidate.filter { $0 == "(" }.count < candidate.filter { $0 == ")" }.count + 1
            case "]": candidate.filter { $0 == "[" }.count < candidate.filter { $0 == "]" }.count + 1
            default: false
            }
            guard drop else { break }
            end = text.index(before: end)
        }
        return end
    }
}
