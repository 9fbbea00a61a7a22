import Foundation
import IntrayCore
import Keymaps

/// The user's `config.toml`, read and checked: every key is optional and absent keys keep
/// their defaults. Holds no credentials taken from the environment; `AppConfiguration`
/// merges those in, because the environment wins over the file.
public struct ConfigFile: Sendable, Equatable {
    /// Where the token comes from when the environment has none.
    public enum TokenSource: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        /// A shell command whose first line of output is the token (`token_command`).
        case command(String)
        /// The token written in the file itself (`token`), discouraged.
        case literal(String)

        public var description: String {
            switch self {
            case .command: "token_command"
            case .literal: "token (redacted)"
            }
        }

        public var debugDescription: String { description }
        // `dump` and the default struct description walk children; show none.
        public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }
    }

    public static let defaultSequenceTimeoutMilliseconds = 1000
    public static let sequenceTimeoutRange = 100...10_000
    public static let defaultPageSize = 100
    public static let pageSizeRange = 1...200
    public static let defaultUndoSeconds = 5
    public static let undoSecondsRange = 0...60
    public static let defaultRefreshSeconds = 60
    public static let refreshSecondsRange = 0...3600

    /// The file these values came from (it need not exist).
    public var url: URL
    /// `url` as messages show it: `~/…` under the home directory.
    public var displayPath: String
    public var apiURL: URL?
    /// Digits only, already checked.
    public var organizationID: String?
    public var token: TokenSource?
    /// A preset name, or an absolute path to a keymap file (relative paths in the file
    /// are taken from the file's own directory).
    public var keymap: String?
    public var sequenceTimeoutMilliseconds: Int = ConfigFile.defaultSequenceTimeoutMilliseconds
    public var pageSize: Int = ConfigFile.defaultPageSize
    /// How long an action can be undone before it is sent (`undo_seconds`); 0 sends at once.
    public var undoSeconds: Int = ConfigFile.defaultUndoSeconds
    /// `refresh_seconds`: how often the tab on screen is asked for new mail; 0 never.
    public var refreshSeconds: Int = ConfigFile.defaultRefreshSeconds
    /// `cache_bodies`: keep the emails the detail pane showed on disk (`BodyArchive`).
    public var cacheBodies = false
    /// `mouse`: clicks and the wheel work in the app; off by default, since the terminal then
    /// leaves selecting text to shift-drag.
    public var mouse = false
    /// `email_web_url`: where Productive's web app shows an email, with `{id}` for its id.
    public var emailWebAddress: EmailWebAddress?
    /// The chosen profile's `email_web_url`, else the file's.
    public var emailWebAddressInUse: EmailWebAddress? { profile?.emailWebAddress ?? emailWebAddress }
    /// The `[profile.NAME]` tables, by name.
    public var profiles: [String: ConfigProfile] = [:]
    /// The profile chosen with `--profile` or `INTRAY_PROFILE`, if any.
    public var profile: ConfigProfile?

    public init(url: URL, displayPath: String) {
        self.url = url
        self.displayPath = displayPath
    }

    /// How long to wait for the rest of a multi-key sequence (`sequence_timeout_ms`).
    public var sequenceTimeout: Duration { .milliseconds(sequenceTimeoutMilliseconds) }

    /// `$XDG_CONFIG_HOME/intray/config.toml`, or `~/.config/intray/config.toml`; next to the
    /// user keymap file so both follow the same XDG rules.
    public static func defaultURL(environment: [String: String]) -> URL {
        Keymap.defaultUserFile(environment: environment)
            .deletingLastPathComponent()
            .appendingPathComponent("config.toml", isDirectory: false)
    }

    /// Reads the file at `defaultURL(environment:)`; a missing file means all defaults.
    public static func load(environment: [String: String]) throws(AppConfiguration.Problem) -> ConfigFile {
        try load(from: defaultURL(environment: environment), environment: environment)
    }

    /// Reads and checks the file at `url`; a missing file means all defaults. A file that
    /// holds `token` must be private to its owner (mode `600` or stricter).
    public static func load(from url: URL, environment: [String: String]) throws(AppConfiguration.Problem) -> ConfigFile {
        let display = displayPath(of: url, home: environment["HOME"])
        let contents: ConfigFileContents
        do {
            guard let read = try ConfigFileContents.read(url) else {
                return ConfigFile(url: url, displayPath: display)
            }
            contents = read
        } catch {
            throw AppConfiguration.Problem(description: "Cannot read \(display): \(error.reason).")
        }
        guard let text = String(data: contents.data, encoding: .utf8) else {
            throw AppConfiguration.Problem(description: "\(display) is not UTF-8 text.")
        }
        let file = try ConfigFileParser.parse(
            text, url: url, displayPath: display, home: environment["HOME"])
        if case .literal = file.token, contents.mode & 0o077 != 0 {
            throw AppConfiguration.Problem(description: """
                \(display) holds a token but other users have access to it: \
                run `chmod 600 \(shellWord(for: url, displayPath: display))`, \
                or better, replace token with token_command.
                """)
        }
        return file
    }

    /// `~/…` for a path under `home`, so messages match what the user typed.
    static func displayPath(of url: URL, home: String?) -> String {
        let path = url.standardizedFileURL.path
        guard let home, !home.isEmpty else { return path }
        let prefix = home.hasSuffix("/") ? home : home + "/"
        return path.hasPrefix(prefix) ? "~/" + path.dropFirst(prefix.count) : path
    }

    /// The path as one shell word: the `~/…` form when it needs no quoting, else the full
    /// path in single quotes.
    static func shellWord(for url: URL, displayPath: String) -> String {
        let plain = { (text: Substring) in
            !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+,:@%".contains($0)) }
        }
        if displayPath.hasPrefix("~/"), plain(displayPath.dropFirst(2)) { return displayPath }
        let path = url.standardizedFileURL.path
        if plain(path[...]) { return path }
        return "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
