import IntrayCore

/// A key bound to a command in one context.
public struct Binding: Hashable, Sendable {
    public let keys: KeySequence
    public let command: Command

    public init(keys: KeySequence, command: Command) {
        self.keys = keys
        self.command = command
    }
}

/// The keys of every context, validated as a whole: a `Keymap` value only exists once the
/// preset and the user's changes passed every check, so nothing downstream sees part of one.
public struct Keymap: Sendable, Equatable {
    /// Where the bindings came from.
    public enum Source: Sendable, Equatable {
        /// A built-in preset, unchanged.
        case preset
        /// A file (the user file or `--keymap PATH`) applied on top of `presetName`.
        case file(path: String)
    }

    /// The preset the bindings start from: "default", "vim" or "emacs".
    public let presetName: String
    public let source: Source
    /// Each context's own table; see `lookupOrder(for:)` for how contexts fall back.
    public let bindings: [KeyContext: [KeySequence: Command]]
    /// The same bindings in the order they were written, so help lists "j, down" and not "down, j".
    let ordered: [KeyContext: [Binding]]

    init(presetName: String, source: Source, ordered: [KeyContext: [Binding]]) {
        self.presetName = presetName
        self.source = source
        self.ordered = ordered.filter { !$0.value.isEmpty }
        self.bindings = self.ordered.mapValues { table in
            Dictionary(table.map { ($0.keys, $0.command) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// The tables a key is looked up in, first match wins. The list and the detail pane fall
    /// back to `global`; the picker, the prompt and the confirmation are modal and use only
    /// their own table, so a stray key there can neither quit nor act on an email.
    public static func lookupOrder(for context: KeyContext) -> [KeyContext] {
        switch context {
        case .list, .detail: [context, .global]
        case .global, .picker, .prompt, .confirm: [context]
        }
    }

    /// Whether unbound printable keys type text in this context (the deal filter, the search).
    public static func takesText(_ context: KeyContext) -> Bool {
        context == .picker || context == .prompt
    }

    /// The command `keys` runs in `context`, following `lookupOrder(for:)`.
    public func command(for keys: KeySequence, in context: KeyContext) -> Command? {
        for table in Self.lookupOrder(for: context) {
            if let command = bindings[table]?[keys] { return command }
        }
        return nil
    }

    /// The sequences that run `command` from `context`, in the order they were written,
    /// e.g. for a hint such as "press ? for help". Sequences shadowed by the context's own
    /// table are left out.
    public func sequences(for command: Command, in context: KeyContext) -> [KeySequence] {
        var seen = Set<KeySequence>()
        var result: [KeySequence] = []
        for table in Self.lookupOrder(for: context) {
            for binding in ordered[table] ?? [] where seen.insert(binding.keys).inserted {
                if binding.command == command { result.append(binding.keys) }
            }
        }
        return result
    }

    /// The first sequence written for each command that runs from `context`: what
    /// `sequences(for:in:).first` answers, for every command in one pass.
    public func firstSequences(in context: KeyContext) -> [Command: KeySequence] {
        var seen = Set<KeySequence>()
        var first: [Command: KeySequence] = [:]
        for table in Self.lookupOrder(for: context) {
            for binding in ordered[table] ?? [] where seen.insert(binding.keys).inserted && first[binding.command] == nil {
                first[binding.command] = binding.keys
            }
        }
        return first
    }

    /// The bindings of one context's own table, in the order they were written.
    public func bindings(in context: KeyContext) -> [Binding] {
        ordered[context] ?? []
    }
}
