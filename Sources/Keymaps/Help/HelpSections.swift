import IntrayCore

/// One context's bindings for the help screen.
public struct HelpSection: Equatable, Sendable {
    public let context: KeyContext
    /// E.g. "Inbox list".
    public let title: String
    public let rows: [HelpRow]

    public init(context: KeyContext, title: String, rows: [HelpRow]) {
        self.context = context
        self.title = title
        self.rows = rows
    }
}

/// One command and the keys that run it.
public struct HelpRow: Equatable, Sendable {
    /// The key specs, e.g. "j, down" or "g g".
    public let keys: String
    public let command: Command
    /// E.g. "Move down".
    public let summary: String

    public init(keys: String, command: Command, summary: String) {
        self.keys = keys
        self.command = command
        self.summary = summary
    }
}

extension Keymap {
    /// The bindings by context in `KeyContext.allCases` order, each context's own table only
    /// (global bindings are in the "Everywhere" section), rows in `Command.allCases` order and
    /// keys in the order they were written. Contexts with no bindings are left out.
    public func helpSections() -> [HelpSection] {
        KeyContext.allCases.compactMap { context in
            let table = bindings(in: context)
            let rows = Command.allCases.compactMap { command -> HelpRow? in
                let keys = table.filter { $0.command == command }.map(\.keys.description)
                guard !keys.isEmpty else { return nil }
                return HelpRow(keys: keys.joined(separator: ", "), command: command, summary: command.summary(in: context))
            }
            return rows.isEmpty ? nil : HelpSection(context: context, title: context.title, rows: rows)
        }
    }

    /// A plain-text table of every binding, for `intray keys`: a heading saying where the
    /// keymap came from, then one block per context with keys and summaries in two columns.
    public func helpTable() -> String {
        let sections = helpSections()
        let width = sections.flatMap(\.rows).map(\.keys.count).max() ?? 0
        var lines: [String] = []
        switch source {
        case .preset: lines.append("Keymap: preset \"\(presetName)\"")
        case .file(let path): lines.append("Keymap: \(path) (extends preset \"\(presetName)\")")
        }
        for section in sections {
            lines.append("")
            lines.append(section.title)
            for row in section.rows {
                let padding = String(repeating: " ", count: width - row.keys.count)
                lines.append("  \(row.keys)\(padding)  \(row.summary)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
