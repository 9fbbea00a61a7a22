import Foundation
import Testing
@testable import IntrayApp

@Suite("Configuration: config.toml keys, types and permissions")
struct ConfigurationFileTests {
    static let path = ConfigurationHome.displayPath

    /// The sentence `text` as config.toml (mode 600) is refused with, or nil.
    private func refusal(_ text: String) throws -> String? {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write(text)
        return configurationProblem { try home.load() }
    }

    @Test(arguments: ["page_size = \"100\"", "page_size = 0", "page_size = 201", "page_size = 10.0", "page_size = true"])
    func pageSizeMustBeAWholeNumberInRange(_ line: String) throws {
        #expect(try refusal(line) == "\(Self.path): page_size must be a whole number from 1 to 200.")
    }

    @Test(arguments: ["sequence_timeout_ms = 99", "sequence_timeout_ms = 10001", "sequence_timeout_ms = \"1s\""])
    func sequenceTimeoutMustBeMillisecondsInRange(_ line: String) throws {
        #expect(try refusal(line)
            == "\(Self.path): sequence_timeout_ms must be a whole number of milliseconds from 100 to 10000.")
    }

    @Test func undoAndRefreshSecondsSayWhatTheirLowestValueMeans() throws {
        #expect(try refusal("undo_seconds = 61") == "\(Self.path): undo_seconds must be a whole number of seconds from 0 (no undo) to 60.")
        #expect(try refusal("refresh_seconds = -1") == "\(Self.path): refresh_seconds must be a whole number of seconds from 0 (never) to 3600.")
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("refresh_seconds = 0\nundo_seconds = 0")
        #expect(try home.load().refreshSeconds == 0 && home.load().undoSeconds == 0)
    }

    @Test func rangeEndsAreAccepted() throws {
        #expect(try refusal("page_size = 1\nsequence_timeout_ms = 100") == nil)
        #expect(try refusal("page_size = 200\nsequence_timeout_ms = 10000") == nil)
    }

    @Test(arguments: ["organization_id = \"acme\"", "organization_id = -4", "organization_id = 0", "organization_id = \"\"", "organization_id = 1.5"])
    func organizationMustBeNumeric(_ line: String) throws {
        #expect(try refusal(line)
            == "\(Self.path): organization_id must be your numeric organization id, as a whole number or a string of digits.")
    }

    @Test func organizationAsStringOrInteger() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("organization_id = \"0042\"")
        #expect(try home.load().organizationID == "0042")
        try home.write("organization_id = 42")
        #expect(try home.load().organizationID == "42")
    }

    @Test func apiURLMustBeAnHTTPURL() throws {
        #expect(try refusal("api_url = 5")
            == "\(Self.path): api_url must be an http(s) URL in quotes, such as \"https://api.productive.io/api/v2\".")
        #expect(try refusal("api_url = \"ftp://example.com\"")
            == "\(Self.path): api_url “ftp://example.com” is not an http(s) URL (for example https://api.productive.io/api/v2).")
    }

    @Test func tokenCommandMustBeText() throws {
        let expected = "\(Self.path): token_command must be a shell command in quotes that prints the token, such as \"pass show productive\"."
        #expect(try refusal("token_command = 5") == expected)
        #expect(try refusal("token_command = \"  \"") == expected)
        #expect(try refusal("token_command = [\"pass\", \"show\"]") == expected)
    }

    @Test func tokenMustBeText() throws {
        #expect(try refusal("token = 123456")
            == "\(Self.path): token must be the token in quotes (better: remove it and set token_command).")
    }

    @Test func tokenAndTokenCommandTogetherAreRefused() throws {
        #expect(try refusal("token = \"abc\"\ntoken_command = \"pass show productive\"")
            == "\(Self.path): set token_command or token, not both (token_command is the safer one).")
    }

    @Test func unknownKeysAreRefused() throws {
        #expect(try refusal("pagesize = 50") == "\(Self.path): unknown key “pagesize”; did you mean page_size?")
        #expect(try refusal("organisation_id = 5") == "\(Self.path): unknown key “organisation_id”; did you mean organization_id?")
        #expect(try refusal("colour = \"blue\"\nwidth = 3")
            == "\(Self.path): unknown key “colour” (and 1 more); the keys are api_url, organization_id, token_command, token, keymap, sequence_timeout_ms, page_size, undo_seconds, refresh_seconds, cache_bodies, mouse, email_web_url.")
        #expect(try refusal("[ui]\npage_size = 5")
            == "\(Self.path): unknown table [ui]; the keys are api_url, organization_id, token_command, token, keymap, sequence_timeout_ms, page_size, undo_seconds, refresh_seconds, cache_bodies, mouse, email_web_url.")
    }

    @Test(arguments: ["cache_bodies", "mouse"])
    func aSwitchIsOffUnlessTheFileTurnsItOn(_ key: String) throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        let isOn = { (file: ConfigFile) in key == "mouse" ? file.mouse : file.cacheBodies }
        try home.write("page_size = 50")
        #expect(try isOn(home.load()) == false)
        try home.write("\(key) = true")
        #expect(try isOn(home.load()) == true)
        #expect(try refusal("\(key) = \"yes\"") == "\(Self.path): \(key) must be true or false, without quotes.")
    }

    @Test func mouseAndCacheBodiesAreReadApart() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("mouse = false\ncache_bodies = true")
        #expect(try home.load().mouse == false && home.load().cacheBodies == true)
        try home.write("mouse = true")
        #expect(try home.load().mouse == true && home.load().cacheBodies == false)
    }

    @Test(arguments: ["mouse = \"on\"", "mouse = \"true\"", "mouse = 1", "mouse = [true]"])
    func mouseMustBeTrueOrFalse(_ line: String) throws {
        #expect(try refusal(line) == "\(Self.path): mouse must be true or false, without quotes.")
    }

    @Test func aMisspeltMouseKeyIsNamed() throws {
        #expect(try refusal("Mouse = true") == "\(Self.path): unknown key “Mouse”; did you mean mouse?")
    }

    @Test func emailWebURLIsAnAddressWithTheIDInIt() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("email_web_url = \"https://app.example/acme/inbox/{id}?tab=mail\"")
        #expect(try home.load().emailWebAddress?.address(of: "42") == "https://app.example/acme/inbox/42?tab=mail")
        try home.write("page_size = 50")
        #expect(try home.load().emailWebAddress == nil)
    }

    @Test(arguments: ["email_web_url = \"https://app.example/emails/\"", "email_web_url = \"javascript:x({id})\"",
                      "email_web_url = \"https://app.example/a b/{id}\"", "email_web_url = 7"])
    func aWebURLWithoutTheIDOrNotHTTPIsRefused(_ line: String) throws {
        #expect(try refusal(line) == "\(Self.path): email_web_url must be an http(s) address in quotes with {id} where the email's id goes: open an email in Productive and copy its address.")
    }

    @Test func keymapIsAPresetOrAPath() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("keymap = \"emacs\"")
        #expect(try home.load().keymap == "emacs")
        try home.write("keymap = \"keys/mine.toml\"")
        #expect(try home.load().keymap == home.home.appendingPathComponent(".config/intray/keys/mine.toml").path)
        try home.write("keymap = \"~/k.toml\"")
        #expect(try home.load().keymap == home.home.appendingPathComponent("k.toml").path)
        try home.write("keymap = \"/etc/intray/keys.toml\"")
        #expect(try home.load().keymap == "/etc/intray/keys.toml")
        #expect(try refusal("keymap = \"fancy\"")
            == "\(Self.path): keymap “fancy” is neither a preset (default, vim, emacs) nor a path to a .toml keymap file.")
        #expect(try refusal("keymap = 1")
            == "\(Self.path): keymap must be a preset name (default, vim, emacs) or the path of a keymap file, in quotes.")
    }

    @Test func invalidTOMLNamesTheLine() throws {
        let message = try #require(try refusal("page_size = 5\napi_url = \n"))
        #expect(message.hasPrefix("\(Self.path) is not valid TOML on line 2: "), "\(message)")
    }

    @Test func invalidTOMLOnTheTokenLineDoesNotQuoteIt() throws {
        let message = try #require(try refusal("organization_id = 1\ntoken = s3cretvalue\n"))
        #expect(message == "\(Self.path) is not valid TOML on line 2, the token line: write it as token = \"…\".")
    }

    // MARK: Permissions

    @Test(arguments: [0o644, 0o640, 0o604, 0o620, 0o660, 0o666, 0o601] as [mode_t])
    func tokenInAFileOthersCanReachIsRefused(_ mode: mode_t) throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("organization_id = 1\ntoken = \"s3cret\"\n", mode: mode)
        let message = configurationProblem { try home.load() }
        #expect(message == """
            \(Self.path) holds a token but other users have access to it: run `chmod 600 ~/.config/intray/config.toml`, \
            or better, replace token with token_command.
            """)
        #expect(message?.contains("s3cret") == false)
    }

    @Test(arguments: [0o600, 0o400, 0o700] as [mode_t])
    func tokenInAPrivateFileIsAccepted(_ mode: mode_t) throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("organization_id = 1\ntoken = \"s3cret\"\n", mode: mode)
        #expect(try home.load().token == .literal("s3cret"))
    }

    @Test(arguments: [0o644, 0o666, 0o777] as [mode_t])
    func fileWithoutTokenIsAcceptedWhateverItsMode(_ mode: mode_t) throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("organization_id = 1\ntoken_command = \"pass show productive\"\npage_size = 20\n", mode: mode)
        let file = try home.load()
        #expect(file.token == .command("pass show productive"))
        #expect(file.pageSize == 20)
    }

    @Test func chmodAdviceQuotesAPathThatNeedsIt() throws {
        var home = try ConfigurationHome()
        defer { home.remove() }
        let directory = home.home.appendingPathComponent("my config", isDirectory: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("intray"), withIntermediateDirectories: true)
        home.environment["XDG_CONFIG_HOME"] = directory.path
        let url = directory.appendingPathComponent("intray/config.toml")
        try Data("token = \"s3cret\"\n".utf8).write(to: url)
        chmod(url.path, 0o644)
        let message = try #require(configurationProblem { try home.load() })
        #expect(message.contains("run `chmod 600 '\(url.path)'`"), "\(message)")
    }

    @Test func aDirectoryInPlaceOfTheFileIsRefused() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(at: home.configURL, withIntermediateDirectories: true)
        #expect(configurationProblem { try home.load() } == "Cannot read \(Self.path): it is not a regular file.")
    }
}
