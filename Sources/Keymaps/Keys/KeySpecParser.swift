/// Why a key spec such as "ctrl-x pgdown" could not be read.
public struct KeySpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. `unknown key name "pgdown"`.
    public let message: String
    /// A hint, e.g. `did you mean "pgdn"?`, when there is one.
    public let suggestion: String?

    public var description: String {
        suggestion.map { "\(message)\n\($0)" } ?? message
    }
}

extension Key {
    /// Reads one key spec: a single character ("j", "G", "é", "#"), a key name ("enter",
    /// "pgdn", "f5", "shift-tab"), or modifiers before either ("ctrl-x", "C-x", "alt-<",
    /// "M-x", "ctrl-alt-f"). Names and modifiers ignore case; single characters do not.
    public static func parse(_ spec: String) throws(KeySpecError) -> Key {
        if spec.isEmpty {
            throw KeySpecError(message: "empty key name", suggestion: nil)
        }
        if spec.contains(where: \.isWhitespace) && spec.count > 1 {
            throw KeySpecError(
                message: "\"\(spec)\" is several keys, not one",
                suggestion: "parse it as a KeySequence")
        }
        var remainder = Substring(spec)
        var ctrl = false, alt = false, shift = false
        while let (modifier, rest) = splitModifier(remainder) {
            switch modifier {
            case .ctrl where ctrl, .alt where alt, .shift where shift:
                throw KeySpecError(message: "\"\(spec)\" repeats a modifier", suggestion: nil)
            case .ctrl: ctrl = true
            case .alt: alt = true
            case .shift: shift = true
            }
            remainder = rest
        }
        var key = try base(String(remainder), in: spec)
        if shift {
            key = try applyShift(to: key, in: spec)
        }
        if ctrl {
            key = try applyCtrl(to: key, in: spec)
        }
        return alt ? .alt(key) : key
    }

    private enum Modifier { case ctrl, alt, shift }

    private static let modifierPrefixes: [(String, Modifier)] = [
        ("ctrl-", .ctrl), ("control-", .ctrl), ("c-", .ctrl),
        ("alt-", .alt), ("meta-", .alt), ("m-", .alt),
        ("shift-", .shift), ("s-", .shift),
    ]

    private static func splitModifier(_ text: Substring) -> (Modifier, Substring)? {
        let lowered = text.lowercased()
        for (prefix, modifier) in modifierPrefixes where lowered.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            if !rest.isEmpty { return (modifier, rest) }
        }
        return nil
    }

    private static func base(_ text: String, in spec: String) throws(KeySpecError) -> Key {
        if text.count == 1, let character = text.first {
            if character == " " { return .space }
            guard character.isTypable else {
                throw KeySpecError(
                    message: "\"\(spec)\" holds an invisible control character",
                    suggestion: "write the key by name, e.g. \"tab\" or \"ctrl-a\"")
            }
            return .character(character)
        }
        let lowered = text.lowercased()
        let name = aliases[lowered] ?? lowered
        if let key = names.first(where: { $0.name == name })?.key {
            return key
        }
        let known = names.map(\.name) + ["ctrl-x", "alt-x"]
        throw KeySpecError(
            message: "unknown key name \"\(text)\"",
            suggestion: Suggestion.didYouMean(text, among: known + aliases.keys.sorted())
                ?? "keys are single characters, names such as \"enter\" or \"pgdn\", "
                + "or ctrl-/alt- before a key")
    }

    private static func applyShift(to key: Key, in spec: String) throws(KeySpecError) -> Key {
        if key == .tab { return .backTab }
        if case .character(let character) = key, character.uppercased() != String(character) {
            throw KeySpecError(
                message: "\"\(spec)\": shift is only written for tab",
                suggestion: "write the shifted character itself: \"\(character.uppercased())\"")
        }
        throw KeySpecError(
            message: "\"\(spec)\": shift is only written for tab",
            suggestion: "write the shifted character itself, e.g. \"G\" or \"?\"")
    }

    private static func applyCtrl(to key: Key, in spec: String) throws(KeySpecError) -> Key {
        let character: Character
        switch key {
        case .character(let typed): character = Character(typed.lowercased())
        case .space: character = " "
        default:
            throw ctrlError(spec)
        }
        // The byte a terminal sends for these is the byte of another key.
        switch character {
        case "h": return .backspace
        case "i": return .tab
        case "j", "m": return .enter
        case "[": return .escape
        case "@", " ": return .ctrl(" ")
        case "a"..."z", "\\", "]", "^", "_": return .ctrl(character)
        default: throw ctrlError(spec)
        }
    }

    private static func ctrlError(_ spec: String) -> KeySpecError {
        KeySpecError(
            message: "\"\(spec)\" cannot be typed: terminals send ctrl only with a letter, space, [ \\ ] ^ or _",
            suggestion: "use alt- instead, or another key")
    }
}

extension KeySequence {
    /// Reads a spec of keys separated by spaces, e.g. "g g" or "ctrl-x ctrl-c".
    public static func parse(_ spec: String) throws(KeySpecError) -> KeySequence {
        var keys: [Key] = []
        for token in spec.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            keys.append(try Key.parse(String(token)))
        }
        guard let sequence = KeySequence(keys) else {
            throw KeySpecError(
                message: "empty key", suggestion: "write a key such as \"j\", \"enter\" or \"g g\"")
        }
        return sequence
    }
}

extension Character {
    /// Whether a key press can type this character: not a control character.
    var isTypable: Bool {
        !unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
    }
}
