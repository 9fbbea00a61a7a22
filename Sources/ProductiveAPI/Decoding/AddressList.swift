import IntrayCore
import MailText

/// Mail address text as people write it: `"Ana Horvat" <ana@example.com>, bob@example.com`.
enum AddressList {
    /// Splits on commas outside quotes and angle brackets, then reads each part. Terminal
    /// control sequences are cut out first: their `;` and `<` are not address syntax, and
    /// `ESC ]0;title BEL Eve <eve@x>` is Eve.
    static func parse(_ text: String) -> [Person] {
        let text = TerminalText.sanitizeLine(text, lineBreak: " ", placeholder: "")
        // Every character that matters here is ASCII, so the UTF-8 is scanned and cut between
        // bytes: a cut never splits a character, and no character is built until a part is.
        let utf8 = text.utf8
        var people: [Person] = []
        var inQuotes = false, inAngle = false
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: "\""): inQuotes.toggle()
            case UInt8(ascii: "<") where !inQuotes: inAngle = true
            case UInt8(ascii: ">") where !inQuotes: inAngle = false
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                if !inQuotes, !inAngle {
                    if let person = person(String(text[start..<index])) { people.append(person) }
                    start = utf8.index(after: index)
                }
            default: break
            }
            index = utf8.index(after: index)
        }
        if let person = person(String(text[start...])) { people.append(person) }
        return people
    }

    /// `Name <a@b>`, `<a@b>`, `a@b`, or a bare name.
    static func person(_ text: String) -> Person? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let utf8 = trimmed.utf8
        if let open = utf8.lastIndex(of: UInt8(ascii: "<")), let close = utf8.lastIndex(of: UInt8(ascii: ">")), open < close {
            let address = String(trimmed[utf8.index(after: open)..<close]).trimmingWhitespace()
            let name = unquote(String(trimmed[..<open]).trimmingWhitespace())
            return Person(name: name, address: address)
        }
        if utf8.contains(UInt8(ascii: "@")), !utf8.contains(UInt8(ascii: " ")) { return Person(address: trimmed) }
        return Person(name: unquote(trimmed))
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        return String(text.dropFirst().dropLast())
    }
}
