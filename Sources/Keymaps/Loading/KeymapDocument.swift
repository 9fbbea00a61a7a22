import Foundation
import IntrayCore
import TOMLKit

/// One keymap file as written: the preset it extends and its lines in file order, each
/// already checked on its own (key names, action names, contexts, keys written twice).
/// Checks that need the preset underneath happen in `KeymapBuilder`.
struct KeymapDocument {
    enum Action: Equatable {
        case bind(Command)
        /// `"x" = "none"`: remove the key from the preset's table.
        case unbind
    }

    struct Entry {
        let context: KeyContext
        /// The key spec as written, for messages.
        let spec: String
        let keys: KeySequence
        let action: Action
        let position: SourcePosition
    }

    /// The value of `extends`, if the file has one.
    let extends: String?
    let entries: [Entry]

    static let unbindWord = "none"

    /// Parses and checks `text`. `origin` names the file in errors; presets may not extend.
    static func parse(_ text: String, origin: String, isPreset: Bool) throws(KeymapError) -> KeymapDocument {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw syntaxError(error, text: text, origin: origin)
        } catch {
            throw KeymapError(origin: origin, position: nil, message: "invalid TOML: \(error)", suggestion: nil)
        }
        var reader = Reader(origin: origin, isPreset: isPreset, locations: TOMLKeyLocator.locate(text))
        try reader.read(root)
        return KeymapDocument(extends: reader.extends, entries: reader.entries)
    }

    private static func syntaxError(_ error: TOMLParseError, text: String, origin: String) -> KeymapError {
        let begin = error.source.begin
        let position = SourcePosition(line: begin.line, column: begin.column)
        if error.description.contains("redefine"), let repeated = repeatedKey(on: begin.line, in: text) {
            return KeymapError(
                origin: origin, position: repeated.position, message: repeated.message,
                suggestion: repeated.suggestion)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = begin.line >= 1 && begin.line <= lines.count ? lines[begin.line - 1] : ""
        return KeymapError(
            origin: origin, position: position, message: "invalid TOML: \(error.description)",
            suggestion: quotingHint(for: line, error: error.description))
    }

    /// The usual slips: a key such as ? or # left unquoted, or an action without quotes.
    private static func quotingHint(for line: Substring, error: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let equals = trimmed.firstIndex(of: "="), !trimmed.hasPrefix("[") else { return nil }
        let key = trimmed[..<equals].trimmingWhitespace()
        let value = trimmed[trimmed.index(after: equals)...].prefix { $0 != "#" }
            .trimmingWhitespace()
        let isBare = { (text: String) in
            !text.isEmpty && text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_".contains($0) }
        }
        let isQuoted = key.hasPrefix("\"") || key.hasPrefix("'")
        if !isQuoted && !key.contains(".") && !isBare(key) {
            return "put the key in quotes: \"\(key)\" = …"
        }
        if error.contains("value"), !value.isEmpty, !value.hasPrefix("\""), !value.hasPrefix("'") {
            return "put the action in quotes: \(key) = \"\(value)\""
        }
        return nil
    }

    /// A key or table written twice, which TOMLKit refuses with a garbled message.
    private static func repeatedKey(on line: Int, in text: String)
        -> (position: SourcePosition, message: String, suggestion: String)?
    {
        guard let repeated = TOMLKeyLocator.repeats(in: text).first(where: { $0.position.line == line }),
              let first = TOMLKeyLocator.locate(text)[repeated.path]
        else { return nil }
        let path = repeated.path
        if first.value == nil {
            let header = path.joined(separator: ".")
            return (repeated.position, "[\(header)] is written twice: first on line \(first.key.line)",
                    "put all of [\(header)]'s keys under one header")
        }
        let what = path.count == 2 ? "is bound twice in [\(path[0])]" : "is written twice"
        return (repeated.position, "\"\(path.last!)\" \(what): first on line \(first.key.line)",
                "keep one of the two lines")
    }
}

/// Walks the parsed TOML in file order and turns it into entries, stopping at the first problem.
private struct Reader {
    let origin: String
    let isPreset: Bool
    let locations: [[String]: LocatedKey]
    var extends: String?
    var entries: [KeymapDocument.Entry] = []
    /// Where each key sequence was first written in each table, to refuse it twice.
    private var written: [KeyContext: [KeySequence: (spec: String, position: SourcePosition)]] = [:]

    init(origin: String, isPreset: Bool, locations: [[String]: LocatedKey]) {
        self.origin = origin
        self.isPreset = isPreset
        self.locations = locations
    }

    private enum Item {
        case setting(name: String, value: TOMLValueConvertible)
        case binding(context: KeyContext, spec: String, value: TOMLValueConvertible)
    }

    mutating func read(_ root: TOMLTable) throws(KeymapError) {
        var items: [(path: [String], item: Item)] = []
        for name in root.keys {
            guard let value = root[name] else { continue }
            if let context = KeyContext(rawValue: name), let table = value.table {
                for spec in table.keys {
                    guard let binding = table[spec] else { continue }
                    items.append(([name, spec], .binding(context: context, spec: spec, value: binding)))
                }
            } else {
                items.append(([name], .setting(name: name, value: value)))
            }
        }
        // TOMLKit's tables are unordered; report the problem nearest the top first.
        items.sort { keyPosition($0.path) < keyPosition($1.path) }
        for (path, item) in items {
            switch item {
            case .setting(let name, let value):
                try readSetting(name, value, at: path)
            case .binding(let context, let spec, let value):
                try readBinding(context, spec, value, at: path)
            }
        }
    }

    private func keyPosition(_ path: [String]) -> SourcePosition {
        if let located = locations[path] { return located.key }
        // Not found only if the locator misread valid TOML: point at the enclosing table.
        return path.count > 1 ? keyPosition(Array(path.dropLast())) : SourcePosition(line: 1, column: 1)
    }

    private func valuePosition(_ path: [String]) -> SourcePosition {
        locations[path]?.value ?? keyPosition(path)
    }

    private func error(_ position: SourcePosition, _ message: String, _ suggestion: String?) -> KeymapError {
        KeymapError(origin: origin, position: position, message: message, suggestion: suggestion)
    }

    private mutating func readSetting(_ name: String, _ value: TOMLValueConvertible, at path: [String]) throws(KeymapError) {
        let tables = KeyContext.allCases.map(\.rawValue)
        if let context = KeyContext(rawValue: name) {
            throw error(
                keyPosition(path), "\"\(name)\" must be a table of key bindings",
                "write the bindings under a [\(context.rawValue)] header")
        }
        if name == "extends" {
            try readExtends(value, at: path)
        } else if value.table != nil {
            throw error(
                keyPosition(path), "unknown table [\(name)]",
                Suggestion.closest(to: name, among: tables).map { "did you mean [\($0)]?" }
                    ?? "tables are " + tables.map { "[\($0)]" }.joined(separator: ", "))
        } else {
            throw error(
                keyPosition(path), "unknown setting \"\(name)\"",
                Suggestion.didYouMean(name, among: ["extends"] + tables)
                    ?? "the only setting is extends = \"PRESET\"; bindings go under a table such as [list]")
        }
    }

    private mutating func readExtends(_ value: TOMLValueConvertible, at path: [String]) throws(KeymapError) {
        let presets = Presets.names
        let list = presets.map { "\"\($0)\"" }.joined(separator: ", ")
        if isPreset {
            throw error(keyPosition(path), "a preset cannot extend another preset", nil)
        }
        guard let name = value.string else {
            throw error(valuePosition(path), "extends must be a preset name in quotes", "presets are \(list)")
        }
        guard presets.contains(name) else {
            throw error(
                valuePosition(path), "unknown preset \"\(name)\"",
                Suggestion.didYouMean(name, among: presets) ?? "presets are \(list)")
        }
        extends = name
    }

    private mutating func readBinding(
        _ context: KeyContext, _ spec: String, _ value: TOMLValueConvertible, at path: [String]
    ) throws(KeymapError) {
        let position = keyPosition(path)
        let keys: KeySequence
        do {
            keys = try KeySequence.parse(spec)
        } catch {
            throw self.error(position, error.message, error.suggestion)
        }
        if keys.keys.dropFirst().contains(.escape) {
            throw error(
                position, "\"\(spec)\" cannot be typed: esc cancels a half-typed sequence",
                "use esc alone or as the first key")
        }
        guard let name = value.string else {
            throw error(
                valuePosition(path), "the action for \"\(spec)\" in [\(context.rawValue)] must be a name in quotes",
                "e.g. \"\(spec)\" = \"\(Command.allCases.first { $0.contexts.contains(context) }!.rawValue)\" or \"none\"")
        }
        let action: KeymapDocument.Action
        if name == KeymapDocument.unbindWord {
            action = .unbind
        } else if let command = Command(rawValue: name) {
            guard command.contexts.contains(context) else {
                let places = KeyContext.allCases.filter(command.contexts.contains).map { "[\($0.rawValue)]" }
                throw error(
                    valuePosition(path),
                    "\"\(name)\" cannot be bound in [\(context.rawValue)]: it applies in \(places.joined(separator: ", "))",
                    "move the line to \(Self.list(places, last: "or"))")
            }
            action = .bind(command)
        } else {
            throw error(
                valuePosition(path), "unknown action \"\(name)\"",
                Suggestion.didYouMean(name, among: Command.allCases.map(\.rawValue) + [KeymapDocument.unbindWord])
                    ?? "`intray keys` lists the actions; \"none\" unbinds a key")
        }
        if let first = written[context]?[keys] {
            throw error(
                position,
                "\"\(spec)\" is bound twice in [\(context.rawValue)]: it is the same key as \"\(first.spec)\" on line \(first.position.line)",
                "keep one of the two lines")
        }
        written[context, default: [:]][keys] = (spec, position)
        entries.append(.init(context: context, spec: spec, keys: keys, action: action, position: position))
    }

    static func list(_ items: [String], last: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(last) " + items.last!
    }
}
