import Foundation
import Testing
@testable import IntrayApp

/// A throwaway home directory with `.config/intray/`, so no test reads or writes the real
/// `~/.config`. Messages show the file as `~/.config/intray/config.toml` because HOME
/// points here.
struct ConfigurationHome {
    static let displayPath = "~/.config/intray/config.toml"

    let home: URL
    var environment: [String: String]

    init() throws {
        home = FileManager.default.temporaryDirectory
            .appendingPathComponent("intray-config-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".config/intray"), withIntermediateDirectories: true)
        environment = [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
    }

    var configURL: URL { home.appendingPathComponent(".config/intray/config.toml") }

    /// Writes `config.toml` with exactly `mode`, whatever the umask.
    func write(_ text: String, mode: mode_t = 0o600) throws {
        try Data(text.utf8).write(to: configURL)
        #expect(chmod(configURL.path, mode) == 0)
    }

    func load() throws(AppConfiguration.Problem) -> ConfigFile {
        try ConfigFile.load(environment: environment)
    }

    func resolve(
        apiURL: String? = nil, adding variables: [String: String] = [:], timeout: Duration = .seconds(10)
    ) throws(AppConfiguration.Problem) -> AppConfiguration {
        let environment = self.environment.merging(variables) { $1 }
        let file = try ConfigFile.load(environment: environment)
        return try AppConfiguration.resolve(environment: environment, apiURL: apiURL, file: file, tokenCommandTimeout: timeout)
    }

    func remove() {
        try? FileManager.default.removeItem(at: home)
    }
}

/// The sentence a refused configuration gives, or nil when it was accepted.
func configurationProblem<T>(_ body: () throws -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch let problem as AppConfiguration.Problem {
        return problem.description
    } catch {
        return "not a Problem: \(error)"
    }
}

@Suite("Configuration: where each value comes from")
struct ConfigurationTests {
    static let missingEverything = "Set PRODUCTIVE_API_TOKEN (a personal token from Productive: Settings → API integrations) and PRODUCTIVE_ORG_ID (your numeric organization id), or run `intray --demo` to try Intray on demo data."

    @Test func fileAloneSuppliesEverything() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("""
            api_url = "https://file.example/api/v2"
            organization_id = 4242
            token = "file-token"
            """)
        let configuration = try home.resolve()
        #expect(configuration.apiURL.absoluteString == "https://file.example/api/v2")
        #expect(configuration.organizationID == "4242")
        #expect(configuration.token == "file-token")
    }

    @Test func environmentWinsOverFile() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("""
            api_url = "https://file.example/api/v2"
            organization_id = "4242"
            token = "file-token"
            """)
        let configuration = try home.resolve(adding: [
            "INTRAY_API_URL": "https://env.example/api/v2",
            "PRODUCTIVE_ORG_ID": "77",
            "PRODUCTIVE_API_TOKEN": "env-token",
        ])
        #expect(configuration.apiURL.absoluteString == "https://env.example/api/v2")
        #expect(configuration.organizationID == "77")
        #expect(configuration.token == "env-token")
    }

    @Test func optionWinsOverEnvironmentAndFile() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("""
            api_url = "https://file.example/api/v2"
            organization_id = 4242
            token = "file-token"
            """)
        let configuration = try home.resolve(
            apiURL: "http://127.0.0.1:9999/api/v2", adding: ["INTRAY_API_URL": "https://env.example/api/v2"])
        #expect(configuration.apiURL.absoluteString == "http://127.0.0.1:9999/api/v2")
    }

    @Test func emptyEnvironmentValuesFallBackToTheFile() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("""
            organization_id = 4242
            token = "file-token"
            """)
        let configuration = try home.resolve(adding: ["PRODUCTIVE_API_TOKEN": " ", "PRODUCTIVE_ORG_ID": "", "INTRAY_API_URL": ""])
        #expect(configuration.token == "file-token")
        #expect(configuration.organizationID == "4242")
        #expect(configuration.apiURL == AppConfiguration.defaultAPIURL)
    }

    @Test func environmentTokenMeansTokenCommandNeverRuns() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        let marker = home.home.appendingPathComponent("ran")
        try home.write("""
            organization_id = 1
            token_command = "touch '\(marker.path)'; exit 3"
            """)
        let configuration = try home.resolve(adding: ["PRODUCTIVE_API_TOKEN": "env-token"])
        #expect(configuration.token == "env-token")
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func missingEverythingGivesTheSetSentence() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        #expect(configurationProblem { try home.resolve() } == Self.missingEverything)
    }

    @Test func fileWithoutCredentialsStillAsksForThem() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("page_size = 50\n", mode: 0o644)
        #expect(configurationProblem { try home.resolve() } == Self.missingEverything)
        #expect(configurationProblem { try home.resolve(adding: ["PRODUCTIVE_ORG_ID": "5"]) }
            == "Set PRODUCTIVE_API_TOKEN (a personal token from Productive: Settings → API integrations), or run `intray --demo` to try Intray on demo data.")
    }

    @Test func nonNumericOrganizationFromEnvironmentIsRefused() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        #expect(configurationProblem { try home.resolve(adding: ["PRODUCTIVE_API_TOKEN": "t0ken", "PRODUCTIVE_ORG_ID": "acme"]) }
            == "PRODUCTIVE_ORG_ID must be the numeric organization id, not “acme”.")
    }

    @Test func badURLFromOptionIsRefused() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        #expect(configurationProblem { try home.resolve(apiURL: "ftp://example.com", adding: ["PRODUCTIVE_API_TOKEN": "t0ken", "PRODUCTIVE_ORG_ID": "1"]) }
            == "The API URL “ftp://example.com” is not an http(s) URL (for example https://api.productive.io/api/v2).")
    }

    @Test func settingsDefaultWithoutAFile() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        let file = try home.load()
        #expect(file.sequenceTimeout == .milliseconds(1000))
        #expect(file.pageSize == 100)
        #expect(file.keymap == nil)
        #expect(file.token == nil)
        #expect(file.displayPath == ConfigurationHome.displayPath)
    }

    @Test func settingsComeFromTheFile() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("""
            keymap = "vim"
            sequence_timeout_ms = 250
            page_size = 200
            """)
        let file = try home.load()
        #expect(file.keymap == "vim")
        #expect(file.sequenceTimeout == .milliseconds(250))
        #expect(file.pageSize == 200)
    }

    @Test func defaultLocationFollowsXDG() {
        #expect(ConfigFile.defaultURL(environment: ["HOME": "/home/ada", "XDG_CONFIG_HOME": "/xdg"]).path == "/xdg/intray/config.toml")
        #expect(ConfigFile.defaultURL(environment: ["HOME": "/home/ada"]).path == "/home/ada/.config/intray/config.toml")
        // The XDG spec says a relative XDG_CONFIG_HOME is ignored.
        #expect(ConfigFile.defaultURL(environment: ["HOME": "/home/ada", "XDG_CONFIG_HOME": "rel"]).path == "/home/ada/.config/intray/config.toml")
    }

    @Test func descriptionsNeverShowTheToken() throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("""
            organization_id = 1
            token = "s3cret-value"
            """)
        let file = try home.load()
        let configuration = try home.resolve()
        var dumped = ""
        dump(configuration, to: &dumped)
        dump(file, to: &dumped)
        let texts = [
            "\(configuration)", String(reflecting: configuration), "\(file)", String(reflecting: file), dumped,
        ]
        for text in texts {
            #expect(!text.contains("s3cret"), "\(text)")
        }
        #expect("\(configuration)".contains("[redacted]"))
    }
}
