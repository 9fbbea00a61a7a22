/// A line and column in a source text, both from 1; columns count Unicode scalars, as
/// TOMLKit (toml++) does for its syntax errors.
public struct SourcePosition: Hashable, Comparable, Sendable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// Where a key and its value are written in a TOML document.
struct LocatedKey: Equatable {
    let key: SourcePosition
    let value: SourcePosition?
}

/// Finds where each key of a TOML document is written, because TOMLKit parses values but
/// does not keep their positions, and a keymap error must point at the line the user wrote.
///
/// It runs only on text TOMLKit has already accepted, so it skips over values rather than
/// checking them. Paths are unescaped keys: `[list]` then `"g g" = …` is `["list", "g g"]`.
struct TOMLKeyLocator {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var found: [[String]: LocatedKey] = [:]
    private var repeats: [(path: [String], position: SourcePosition)] = []

    /// Every key path in `text` with its first position; tables record their header.
    static func locate(_ text: String) -> [[String]: LocatedKey] {
        var locator = TOMLKeyLocator(scalars: Array(text.unicodeScalars))
        locator.document()
        return locator.found
    }

    /// Keys and table headers written again after their first time, in file order, so a
    /// "cannot redefine" syntax error can name the key and where it first was.
    static func repeats(in text: String) -> [(path: [String], position: SourcePosition)] {
        var locator = TOMLKeyLocator(scalars: Array(text.unicodeScalars))
        locator.document()
        return locator.repeats
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }

    private mutating func skipBlanks() {
        while let scalar = peek(), scalar == " " || scalar == "\t" { advance() }
    }

    /// Skips blanks, newlines and comments.
    private mutating func skipTrivia() {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                advance()
            } else if scalar == "#" {
                while let next = peek(), next != "\n" { advance() }
            } else {
                return
            }
        }
    }

    private mutating func document() {
        var table: [String] = []
        while true {
            skipTrivia()
            guard let scalar = peek() else { return }
            let before = index
            if scalar == "[" {
                let isArray = peek(1) == "["
                advance(isArray ? 2 : 1)
                table = record(dottedKey(), under: [], value: nil)
                while let next = peek(), next != "\n" { advance() }
            } else {
                keyValue(under: table)
            }
            if index == before { advance() }
        }
    }

    private mutating func keyValue(under prefix: [String]) {
        let parts = dottedKey()
        skipBlanks()
        if peek() == "=" { advance() }
        skipBlanks()
        let path = record(parts, under: prefix, value: position)
        value(at: path)
    }

    /// Records every path `parts` opens below `prefix` and returns the full path.
    private mutating func record(
        _ parts: [(name: String, position: SourcePosition)], under prefix: [String],
        value: SourcePosition?
    ) -> [String] {
        var path = prefix
        for (offset, part) in parts.enumerated() {
            path.append(part.name)
            let isLast = offset == parts.count - 1
            if isLast, found[path] != nil {
                repeats.append((path, part.position))
            }
            if found[path] == nil {
                found[path] = LocatedKey(key: part.position, value: isLast ? value : nil)
            }
        }
        return path
    }

    private mutating func dottedKey() -> [(name: String, position: SourcePosition)] {
        var parts: [(String, SourcePosition)] = []
        while true {
            skipBlanks()
            let start = position
            let before = index
            let name: String
            switch peek() {
            case "\"": name = basicString()
            case "'": name = literalString()
            default: name = bareKey()
            }
            if index == before { return parts }
            parts.append((name, start))
            skipBlanks()
            guard peek() == "." else { return parts }
            advance()
        }
    }

    private mutating func bareKey() -> String {
        var name = String.UnicodeScalarView()
        while let scalar = peek(), isBareKeyScalar(scalar) {
            name.append(scalar)
            advance()
        }
        return String(name)
    }

    private func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    private mutating func value(at path: [String]) {
        switch peek() {
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" { multilineString(quote: "\"") } else { _ = basicString() }
        case "'":
            if peek(1) == "'" && peek(2) == "'" { multilineString(quote: "'") } else { _ = literalString() }
        case "[":
            advance()
            while true {
                skipTrivia()
                guard let scalar = peek() else { return }
                if scalar == "]" { advance(); return }
                if scalar == "," { advance(); continue }
                let before = index
                value(at: path)
                if index == before { advance() }
            }
        case "{":
            advance()
            while true {
                skipBlanks()
                guard let scalar = peek() else { return }
                if scalar == "}" { advance(); return }
                if scalar == "," { advance(); continue }
                let before = index
                keyValue(under: path)
                if index == before { advance() }
            }
        default:
            while let scalar = peek(), !",]}#\n".unicodeScalars.contains(scalar) { advance() }
        }
    }

    /// Reads a `"…"` string and returns its unescaped text.
    private mutating func basicString() -> String {
        advance()
        var text = String.UnicodeScalarView()
        while let scalar = peek(), scalar != "\"", scalar != "\n" {
            advance()
            guard scalar == "\\", let escaped = peek() else {
                text.append(scalar)
                continue
            }
            advance()
            switch escaped {
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "r": text.append("\r")
            case "b": text.append("\u{8}")
            case "f": text.append("\u{C}")
            case "e": text.append("\u{1B}")
            case "u", "U":
                let digits = escaped == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<digits {
                    guard let digit = peek() else { break }
                    hex.unicodeScalars.append(digit)
                    advance()
                }
                if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) {
                    text.append(decoded)
                }
            default: text.append(escaped)
            }
        }
        if peek() == "\"" { advance() }
        return String(text)
    }

    private mutating func literalString() -> String {
        advance()
        var text = String.UnicodeScalarView()
        while let scalar = peek(), scalar != "'", scalar != "\n" {
            text.append(scalar)
            advance()
        }
        if peek() == "'" { advance() }
        return String(text)
    }

    private mutating func multilineString(quote: Unicode.Scalar) {
        advance(3)
        while let scalar = peek() {
            if scalar == "\\" && quote == "\"" {
                advance(2)
            } else if scalar == quote && peek(1) == quote && peek(2) == quote {
                advance(3)
                // Up to two more quotes belong to the content just before the closing ones.
                var extra = 0
                while peek() == quote && extra < 2 { advance(); extra += 1 }
                return
            } else {
                advance()
            }
        }
    }
}
