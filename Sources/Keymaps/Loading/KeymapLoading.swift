import Foundation
import IntrayCore

extension Keymap {
    /// The built-in presets: "default", "vim", "emacs".
    public static var presetNames: [String] { Presets.names }

    /// A built-in preset, unchanged.
    public static func preset(named name: String) throws(KeymapError) -> Keymap {
        guard let text = Presets.text(named: name) else {
            throw unknownPreset(name, origin: "keymap")
        }
        let origin = "\(name).toml"
        let document = try KeymapDocument.parse(text, origin: origin, isPreset: true)
        return try KeymapBuilder.build(document, over: nil, presetName: name, source: .preset, origin: origin)
    }

    /// A keymap file's text applied on top of the preset it extends (default: "default").
    /// `origin` is the path shown in errors and in `source`.
    public static func parse(_ text: String, origin: String) throws(KeymapError) -> Keymap {
        let document = try KeymapDocument.parse(text, origin: origin, isPreset: false)
        let presetName = document.extends ?? "default"
        return try KeymapBuilder.build(
            document, over: try preset(named: presetName), presetName: presetName,
            source: .file(path: origin), origin: origin)
    }

    /// The keymap to run with.
    ///
    /// - `selection` (from `--keymap`): a preset name, or the path of a keymap file.
    /// - otherwise `userFile` if it exists (see `defaultUserFile(environment:)`),
    /// - otherwise the "default" preset.
    ///
    /// Throws before anything else happens; there is never a partial keymap.
    public static func load(selection: String?, userFile: URL?) throws(KeymapError) -> Keymap {
        if let selection {
            if presetNames.contains(selection) {
                return try preset(named: selection)
            }
            let looksLikePath = selection.contains("/") || selection.hasSuffix(".toml")
                || FileManager.default.fileExists(atPath: selection)
            guard looksLikePath else { throw unknownPreset(selection, origin: "--keymap") }
            return try load(file: URL(fileURLWithPath: selection), origin: selection)
        }
        if let userFile, FileManager.default.fileExists(atPath: userFile.path) {
            return try load(file: userFile, origin: userFile.path)
        }
        return try preset(named: "default")
    }

    /// `load(selection:userFile:)` with the user file `defaultUserFile(environment:)` names.
    public static func load(selection: String?, environment: [String: String]) throws(KeymapError) -> Keymap {
        try load(selection: selection, userFile: defaultUserFile(environment: environment))
    }

    /// `$XDG_CONFIG_HOME/intray/keymap.toml`, or `~/.config/intray/keymap.toml` when
    /// XDG_CONFIG_HOME is unset, empty or relative (the XDG spec says to ignore a relative one).
    public static func defaultUserFile(environment: [String: String]) -> URL {
        let configHome: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            configHome = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                .map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            configHome = home.appendingPathComponent(".config", isDirectory: true)
        }
        return configHome.appendingPathComponent("intray", isDirectory: true)
            .appendingPathComponent("keymap.toml", isDirectory: false)
    }

    private static func load(file: URL, origin: String) throws(KeymapError) -> Keymap {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            let reason = FileManager.default.fileExists(atPath: file.path)
                ? "cannot read the keymap file (\(error.localizedDescription))"
                : "no such keymap file"
            throw KeymapError(origin: origin, position: nil, message: reason, suggestion: nil)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw KeymapError(
                origin: origin, position: nil, message: "the keymap file is not UTF-8 text", suggestion: nil)
        }
        return try parse(text, origin: origin)
    }

    private static func unknownPreset(_ name: String, origin: String) -> KeymapError {
        KeymapError(
            origin: origin, position: nil, message: "unknown preset \"\(name)\"",
            suggestion: Suggestion.didYouMean(name, among: presetNames)
                ?? "presets are \(presetNames.joined(separator: ", ")); a path to a .toml file also works")
    }
}
