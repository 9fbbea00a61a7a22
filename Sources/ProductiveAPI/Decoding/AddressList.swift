import IntrayCore
import MailText

/// Mail address text as people write it: `"Ana Horvat" <ana@example.com>, bob@example.com`.
enum AddressList {
    /// Splits on commas outside quotes and angle brackets, then reads each part. Terminal
    /// control sequences are cut out first: their `;` and `<` are not address syntax, and
    /// `ESC ]0;title BEL Eve <eve@x>` is Eve.
    static func parse(_ text: String) -> [Person] {
        let text = TerminalText.sanitizeLine(text, lineBreak: " ", placeholder: "")
        var parts: [String] = []
        var current = ""
        var inQuotes = false, inAngle = false
        for character in text {
            switch character {
            case "\"": inQuotes.toggle()
            case "<" where !inQuotes: inAngle = true
            case ">" where !inQuotes: inAngle = false
            case ",", ";":
                if !inQuotes, !inAngle {
                    parts.append(current)
                    current = ""
                    continue
                }
            default: break
            }
            current.append(character)
        }
        parts.append(current)
        return parts.compactMap(person)
    }

    /// `Name <a@b>`, `<a@b>`, `a@b`, or a bare name.
    static func person(_ text: String) -> Person? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        if let open = trimmed.lastIndex(of: "<"), let close = trimmed.lastIndex(of: ">"), open < close {
            let address = String(trimmed[trimmed.index(after: open)..<close]).trimmingWhitespace()
            let name = unquote(String(trimmed[..<open]).trimmingWhitespace())
            return Person(name: name, address: address)
        }
        if trimmed.contains("@"), !trimmed.contains(" ") { return Person(address: trimmed) }
        return Person(name: unquote(trimmed))
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        return String(text.dropFirst().dropLast())
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
