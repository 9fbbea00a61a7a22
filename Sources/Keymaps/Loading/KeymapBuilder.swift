import IntrayCore

/// Applies a checked `KeymapDocument` on top of its preset and refuses the result if keys
/// clash: a key that both runs an action and starts a longer sequence, or unbinds nothing.
enum KeymapBuilder {
    static func build(
        _ document: KeymapDocument, over base: Keymap?, presetName: String, source: Keymap.Source,
        origin: String
    ) throws(KeymapError) -> Keymap {
        var ordered = base?.ordered ?? [:]
        var written: [KeyContext: [KeySequence: KeymapDocument.Entry]] = [:]
        for entry in document.entries {
            var table = ordered[entry.context] ?? []
            let existing = table.firstIndex { $0.keys == entry.keys }
            switch entry.action {
            case .unbind:
                guard let existing else {
                    throw unbindsNothing(entry, base: base, presetName: presetName, origin: origin)
                }
                table.remove(at: existing)
            case .bind(let command):
                let binding = Binding(keys: entry.keys, command: command)
                if let existing { table[existing] = binding } else { table.append(binding) }
                written[entry.context, default: [:]][entry.keys] = entry
            }
            ordered[entry.context] = table
        }
        for entry in document.entries where entry.action != .unbind {
            for context in contexts(sharingKeysWith: entry.context) {
                for binding in ordered[context] ?? []
                where entry.keys.isStrictPrefix(of: binding.keys) || binding.keys.isStrictPrefix(of: entry.keys) {
                    let other = written[context]?[binding.keys]
                    // A clash between two lines of the file is reported at the later one.
                    if let other, other.position > entry.position { continue }
                    throw clash(entry, with: binding, in: context, writtenAs: other, presetName: presetName, origin: origin)
                }
            }
        }
        return Keymap(presetName: presetName, source: source, ordered: ordered)
    }

    /// The tables a key typed in `context` can meet: its own and those that fall back to it
    /// or that it falls back to.
    private static func contexts(sharingKeysWith context: KeyContext) -> [KeyContext] {
        if context == .global {
            return KeyContext.allCases.filter { Keymap.lookupOrder(for: $0).contains(.global) }
        }
        return Keymap.lookupOrder(for: context)
    }

    private static func clash(
        _ entry: KeymapDocument.Entry, with binding: Binding, in context: KeyContext,
        writtenAs other: KeymapDocument.Entry?, presetName: String, origin: String
    ) -> KeymapError {
        let otherSpec = other?.spec ?? binding.keys.description
        let otherText = context == entry.context ? "\"\(otherSpec)\"" : "\"\(otherSpec)\" in [\(context.rawValue)]"
        let place = other.map { "on line \($0.position.line)" } ?? "from preset \"\(presetName)\""
        let here = "\"\(entry.spec)\" in [\(entry.context.rawValue)]"
        var message = entry.keys.isStrictPrefix(of: binding.keys)
            ? "\(here) is also the start of \(otherText) \(place)"
            : "\(here) starts with \(otherText) \(place)"
        if context != entry.context {
            let fallingBack = entry.context == .global ? context : entry.context
            message += ", and [\(fallingBack.rawValue)] falls back to [global]"
        }
        let fix = other == nil
            ? "unbind it with \"\(otherSpec)\" = \"none\" in [\(context.rawValue)], or choose another key"
            : "change one of the two lines"
        return KeymapError(
            origin: origin, position: entry.position, message: message,
            suggestion: "a key cannot both run an action and start a sequence: \(fix)")
    }

    private static func unbindsNothing(
        _ entry: KeymapDocument.Entry, base: Keymap?, presetName: String, origin: String
    ) -> KeymapError {
        let here = "\"\(entry.spec)\" = \"none\" unbinds nothing"
        guard let base else {
            return KeymapError(
                origin: origin, position: entry.position, message: "\(here): a preset starts with no keys",
                suggestion: nil)
        }
        let elsewhere = KeyContext.allCases.filter { base.bindings[$0]?[entry.keys] != nil }
        let longer = base.bindings(in: entry.context).first { entry.keys.isStrictPrefix(of: $0.keys) }
        let suggestion: String? =
            if let longer { "did you mean \"\(longer.keys)\"?" }
            else if !elsewhere.isEmpty {
                "preset \"\(presetName)\" binds it in "
                    + elsewhere.map { "[\($0.rawValue)]" }.joined(separator: ", ")
            } else { nil }
        return KeymapError(
            origin: origin, position: entry.position,
            message: "\(here): preset \"\(presetName)\" does not bind it in [\(entry.context.rawValue)]",
            suggestion: suggestion)
    }
}
