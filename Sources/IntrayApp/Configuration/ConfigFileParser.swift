import Foundation
import IntrayCore
import Keymaps
import TOMLKit

/// Turns the text of `config.toml` into a `ConfigFile`, refusing unknown keys and values of
/// the wrong kind with one sentence each. Never puts the value of `token` in a message.
enum ConfigFileParser {
    typealias Problem = AppConfiguration.Problem

    /// Every key the file may hold, in the order the documentation lists them.
    static let keys = ["api_url", "organization_id", "token_command", "token", "keymap", "sequence_timeout_ms", "page_size", "undo_seconds", "refresh_seconds", "cache_bodies", "mouse", "email_web_url"]

    static func parse(_ text: String, url: URL, displayPath: String, home: String?) throws(Problem) -> ConfigFile {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw syntaxProblem(error, text: text, displayPath: displayPath)
        } catch {
            throw Problem(description: "\(displayPath) is not valid TOML.")
        }
        let fail = { (sentence: String) in Problem(description: "\(displayPath): \(sentence)") }

        let unknown = root.keys.filter { !keys.contains($0) && $0 != "profile" }.sorted()
        if let first = unknown.first {
            throw fail(unknownKeySentence(first, others: unknown.count - 1, isTable: root[first]?.type == .table))
        }

        var file = ConfigFile(url: url, displayPath: displayPath)
        if let value = root["api_url"] {
            file.apiURL = try apiURL(value, fail: fail)
        }
        if let value = root["organization_id"] {
            file.organizationID = try organizationID(value, fail: fail)
        }
        if root["token_command"] != nil, root["token"] != nil {
            throw fail("set token_command or token, not both (token_command is the safer one).")
        }
        if let value = root["token_command"] {
            file.token = .command(try tokenCommand(value, fail: fail))
        }
        if let value = root["token"] {
            guard let token = value.string?.trimmingWhitespace(), !token.isEmpty else {
                throw fail("token must be the token in quotes (better: remove it and set token_command).")
            }
            file.token = .literal(token)
        }
        if let value = root["keymap"] {
            file.keymap = try keymap(value, relativeTo: url.deletingLastPathComponent(), home: home, fail: fail)
        }
        if let number = try wholeNumber(root, "sequence_timeout_ms", in: ConfigFile.sequenceTimeoutRange, of: "milliseconds", fail: fail) {
            file.sequenceTimeoutMilliseconds = number
        }
        if let number = try wholeNumber(root, "page_size", in: ConfigFile.pageSizeRange, fail: fail) {
            file.pageSize = number
        }
        if let number = try wholeNumber(root, "undo_seconds", in: ConfigFile.undoSecondsRange, of: "seconds", lowest: "no undo", fail: fail) {
            file.undoSeconds = number
        }
        if let number = try wholeNumber(root, "refresh_seconds", in: ConfigFile.refreshSecondsRange, of: "seconds", lowest: "never", fail: fail) {
            file.refreshSeconds = number
        }
        if let flag = try flag(root, "cache_bodies", fail: fail) {
            file.cacheBodies = flag
        }
        if let flag = try flag(root, "mouse", fail: fail) {
            file.mouse = flag
        }
        if let value = root["email_web_url"] {
            file.emailWebAddress = try emailWebAddress(value, fail: fail)
        }
        if let value = root["profile"] {
            file.profiles = try profiles(value, fail: fail)
        }
        return file
    }

    /// A whole-number key within `range`, or nil when the file does not set it; the sentence
    /// names the unit and what the lowest value means.
    private static func wholeNumber(
        _ root: TOMLTable, _ key: String, in range: ClosedRange<Int>, of unit: String? = nil, lowest: String? = nil,
        fail: (String) -> Problem
    ) throws(Problem) -> Int? {
        guard let value = root[key] else { return nil }
        guard let number = value.int, range.contains(number) else {
            let unitText = unit.map { " of \($0)" } ?? ""
            let lowestText = lowest.map { " (\($0))" } ?? ""
            throw fail("\(key) must be a whole number\(unitText) from \(range.lowerBound)\(lowestText) to \(range.upperBound).")
        }
        return number
    }

    /// A key that is true or false, or nil when the file does not set it.
    private static func flag(_ root: TOMLTable, _ key: String, fail: (String) -> Problem) throws(Problem) -> Bool? {
        guard let value = root[key] else { return nil }
        guard let flag = value.bool else { throw fail("\(key) must be true or false, without quotes.") }
        return flag
    }

    private static func apiURL(_ value: TOMLValueConvertible, fail: (String) -> Problem) throws(Problem) -> URL {
        let expected = "api_url must be an http(s) URL in quotes, such as \"\(AppConfiguration.defaultAPIURL.absoluteString)\"."
        guard let text = value.string else { throw fail(expected) }
        guard let parsed = AppConfiguration.httpURL(text) else {
            throw fail("api_url “\(text)” is not an http(s) URL (for example \(AppConfiguration.defaultAPIURL.absoluteString)).")
        }
        return parsed
    }

    private static func organizationID(_ value: TOMLValueConvertible, fail: (String) -> Problem) throws(Problem) -> String {
        let expected = "organization_id must be your numeric organization id, as a whole number or a string of digits."
        if let number = value.int {
            guard number > 0 else { throw fail(expected) }
            return String(number)
        }
        guard let text = value.string?.trimmingWhitespace(),
              !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber })
        else { throw fail(expected) }
        return text
    }

    private static func tokenCommand(_ value: TOMLValueConvertible, fail: (String) -> Problem) throws(Problem) -> String {
        guard let command = value.string, !command.trimmingWhitespace().isEmpty else {
            throw fail("token_command must be a shell command in quotes that prints the token, such as \"pass show productive\".")
        }
        return command
    }

    /// `[profile.NAME]` tables: each holds only api_url, organization_id, token_command and email_web_url,
    /// and every sentence about one names it.
    private static func profiles(_ value: TOMLValueConvertible, fail: @escaping (String) -> Problem) throws(Problem) -> [String: ConfigProfile] {
        let shape = "profile must hold tables such as [profile.work] with api_url, organization_id, token_command and email_web_url."
        guard let table = value.table else { throw fail(shape) }
        var profiles: [String: ConfigProfile] = [:]
        for name in table.keys.sorted() {
            guard let keys = table[name]?.table else { throw fail(shape) }
            var profile = ConfigProfile(name: name)
            let label = profile.label
            let failInProfile = { (sentence: String) in fail("\(label) \(sentence)") }
            if let unknown = keys.keys.filter({ !ConfigProfile.keys.contains($0) }).sorted().first {
                let hint = unknown == "token" ? " (a profile takes token_command, so the token stays in your password manager)" : ""
                throw failInProfile("has unknown key “\(unknown)”; a profile takes \(ConfigProfile.keys.joined(separator: ", "))\(hint).")
            }
            if let value = keys["api_url"] { profile.apiURL = try apiURL(value, fail: failInProfile) }
            if let value = keys["organization_id"] { profile.organizationID = try organizationID(value, fail: failInProfile) }
            if let value = keys["token_command"] { profile.tokenCommand = try tokenCommand(value, fail: failInProfile) }
            if let value = keys["email_web_url"] { profile.emailWebAddress = try emailWebAddress(value, fail: failInProfile) }
            profiles[name] = profile
        }
        return profiles
    }

    private static func emailWebAddress(_ value: TOMLValueConvertible, fail: (String) -> Problem) throws(Problem) -> EmailWebAddress {
        guard let text = value.string?.trimmingWhitespace(), let address = EmailWebAddress(template: text) else {
            throw fail("email_web_url must be an http(s) address in quotes with {id} where the email's id goes: open an email in Productive and copy its address.")
        }
        return address
    }

    private static func keymap(
        _ value: TOMLValueConvertible, relativeTo directory: URL, home: String?, fail: (String) -> Problem
    ) throws(Problem) -> String {
        let presets = Keymap.presetNames.joined(separator: ", ")
        guard let text = value.string, !text.isEmpty else {
            throw fail("keymap must be a preset name (\(presets)) or the path of a keymap file, in quotes.")
        }
        if Keymap.presetNames.contains(text) { return text }
        guard text.contains("/") || text.hasSuffix(".toml") else {
            throw fail("keymap “\(text)” is neither a preset (\(presets)) nor a path to a .toml keymap file.")
        }
        if text.hasPrefix("~/"), let home, !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(String(text.dropFirst(2))).path
        }
        if text.hasPrefix("/") { return text }
        return directory.appendingPathComponent(text).standardizedFileURL.path
    }

    private static func unknownKeySentence(_ key: String, others: Int, isTable: Bool) -> String {
        let what = isTable ? "unknown table [\(key)]" : "unknown key “\(key)”"
        let more = others == 0 ? "" : " (and \(others) more)"
        if let near = closestKey(to: key) {
            return "\(what)\(more); did you mean \(near)?"
        }
        return "\(what)\(more); the keys are \(keys.joined(separator: ", "))."
    }

    /// A known key spelt with dashes, other case or a typo or two.
    static func closestKey(to input: String) -> String? {
        let normalized = { (text: String) in text.lowercased().filter { $0 != "_" && $0 != "-" } }
        let wanted = normalized(input)
        if let match = keys.first(where: { normalized($0) == wanted }) { return match }
        let limit = max(2, wanted.count / 4)
        return keys
            .map { (key: $0, distance: Suggestion.editDistance(wanted, normalized($0))) }
            .filter { $0.distance <= limit }
            .min { $0.distance < $1.distance }?.key
    }

    /// toml++'s own wording, except on the line of `token`, where it could quote the secret.
    private static func syntaxProblem(_ error: TOMLParseError, text: String, displayPath: String) -> Problem {
        let line = error.source.begin.line
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let written = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        let key = written.drop { $0 == " " || $0 == "\t" }.prefix { $0 != "=" && $0 != " " && $0 != "\t" }
        if key == "token" || key == "\"token\"" || key == "'token'" {
            return Problem(description: "\(displayPath) is not valid TOML on line \(line), the token line: write it as token = \"…\".")
        }
        var reason = error.description.trimmingWhitespace()
        while reason.hasSuffix(".") { reason.removeLast() }
        return Problem(description: "\(displayPath) is not valid TOML on line \(line): \(reason).")
    }
}
