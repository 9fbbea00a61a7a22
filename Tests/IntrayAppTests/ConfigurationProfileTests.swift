import Foundation
import Testing
@testable import IntrayApp

@Suite("Configuration: [profile.NAME] tables")
struct ConfigurationProfileTests {
    static let path = ConfigurationHome.displayPath

    static let twoProfiles = """
        organization_id = 1
        token_command = "printf 'top-token\\\\n'"

        [profile.work]
        api_url = "https://work.example/api/v2"
        organization_id = 200
        token_command = "printf 'work-token\\\\n'"

        [profile.client]
        organization_id = "300"
        """

    private func home(_ text: String = twoProfiles) throws -> ConfigurationHome {
        let home = try ConfigurationHome()
        try home.write(text)
        return home
    }

    private func resolve(_ home: ConfigurationHome, profile: String?, adding variables: [String: String] = [:]) throws -> AppConfiguration {
        let environment = home.environment.merging(variables) { $1 }
        let file = try ConfigFile.load(environment: environment, profile: profile)
        return try AppConfiguration.resolve(environment: environment, apiURL: nil, file: file)
    }

    @Test func withoutAProfileTheTopLevelKeysApply() throws {
        let home = try home()
        defer { home.remove() }
        let configuration = try resolve(home, profile: nil)
        #expect(configuration.organizationID == "1")
        #expect(configuration.token == "top-token")
        #expect(configuration.apiURL == AppConfiguration.defaultAPIURL)
    }

    @Test func theOptionChoosesAProfile() throws {
        let home = try home()
        defer { home.remove() }
        let configuration = try resolve(home, profile: "work")
        #expect(configuration.apiURL.absoluteString == "https://work.example/api/v2")
        #expect(configuration.organizationID == "200")
        #expect(configuration.token == "work-token")
        #expect(try ConfigFile.load(environment: home.environment, profile: "work").profile?.name == "work")
    }

    @Test func theEnvironmentChoosesAProfileAndTheOptionWins() throws {
        let home = try home()
        defer { home.remove() }
        #expect(try resolve(home, profile: nil, adding: ["INTRAY_PROFILE": "work"]).organizationID == "200")
        #expect(try resolve(home, profile: "client", adding: ["INTRAY_PROFILE": "work"]).organizationID == "300")
        #expect(try resolve(home, profile: nil, adding: ["INTRAY_PROFILE": ""]).organizationID == "1")
    }

    @Test func aProfileWinsOverTheEnvironmentForTheKeysItSets() throws {
        let home = try home()
        defer { home.remove() }
        let variables = ["PRODUCTIVE_ORG_ID": "77", "PRODUCTIVE_API_TOKEN": "env-token", "INTRAY_API_URL": "https://env.example/api/v2"]
        let work = try resolve(home, profile: "work", adding: variables)
        #expect(work.organizationID == "200")
        #expect(work.token == "work-token")
        #expect(work.apiURL.absoluteString == "https://work.example/api/v2")
        // client sets only organization_id: the token and URL still come from the environment.
        let client = try resolve(home, profile: "client", adding: variables)
        #expect(client.organizationID == "300")
        #expect(client.token == "env-token")
        #expect(client.apiURL.absoluteString == "https://env.example/api/v2")
    }

    @Test func anUnknownProfileNamesTheOnesThereAre() throws {
        let home = try home()
        defer { home.remove() }
        #expect(configurationProblem { try resolve(home, profile: "wrok") }
            == "--profile names profile “wrok”, but \(Self.path) has no [profile.wrok]; its profiles are client, work.")
        #expect(configurationProblem { try resolve(home, profile: nil, adding: ["INTRAY_PROFILE": "home"]) }
            == "INTRAY_PROFILE names profile “home”, but \(Self.path) has no [profile.home]; its profiles are client, work.")
    }

    @Test func aProfileWithoutAnyTablesSaysHowToAddOne() throws {
        let home = try home("organization_id = 1")
        defer { home.remove() }
        #expect(configurationProblem { try resolve(home, profile: "work") }
            == "--profile names profile “work”, but \(Self.path) has no [profile.…] tables; add [profile.work] with api_url, organization_id, token_command and email_web_url.")
    }

    @Test(arguments: [
        ("api_url = 5", "[profile.work] api_url must be an http(s) URL in quotes, such as \"https://api.productive.io/api/v2\"."),
        ("api_url = \"ftp://x\"", "[profile.work] api_url “ftp://x” is not an http(s) URL (for example https://api.productive.io/api/v2)."),
        ("organization_id = \"acme\"", "[profile.work] organization_id must be your numeric organization id, as a whole number or a string of digits."),
        ("token_command = 1", "[profile.work] token_command must be a shell command in quotes that prints the token, such as \"pass show productive\"."),
        ("token = \"secret-value\"", "[profile.work] has unknown key “token”; a profile takes api_url, organization_id, token_command, email_web_url (a profile takes token_command, so the token stays in your password manager)."),
        ("page_size = 10", "[profile.work] has unknown key “page_size”; a profile takes api_url, organization_id, token_command, email_web_url."),
    ])
    func everyErrorInAProfileNamesIt(line: String, sentence: String) throws {
        let home = try home("[profile.work]\n\(line)\n")
        defer { home.remove() }
        let message = configurationProblem { try home.load() }
        #expect(message == "\(Self.path): \(sentence)")
        #expect(message?.contains("secret-value") == false)
    }

    @Test func aProfilesWebURLWinsOverTheTopLevelOne() throws {
        let home = try home("email_web_url = \"https://app.example/top/{id}\"\n[profile.work]\nemail_web_url = \"https://app.example/work/{id}\"\n")
        defer { home.remove() }
        let file = try ConfigFile.load(environment: home.environment, profile: "work")
        #expect(file.emailWebAddressInUse?.address(of: "1") == "https://app.example/work/1")
        #expect(try ConfigFile.load(environment: home.environment, profile: nil).emailWebAddressInUse?.address(of: "1") == "https://app.example/top/1")
    }

    @Test func profileMustHoldTables() throws {
        let home = try home("profile = \"work\"")
        defer { home.remove() }
        #expect(configurationProblem { try home.load() }
            == "\(Self.path): profile must hold tables such as [profile.work] with api_url, organization_id, token_command and email_web_url.")
    }

    @Test func aFailingTokenCommandNamesTheProfile() throws {
        let home = try home("[profile.work]\norganization_id = 5\ntoken_command = \"exit 4\"\n")
        defer { home.remove() }
        #expect(configurationProblem { try resolve(home, profile: "work") }
            == "\(Self.path) [profile.work]: token_command failed with exit status 4; run it in a shell to see why.")
    }

    @Test func missingValuesNameTheProfile() throws {
        let home = try home("[profile.work]\napi_url = \"https://work.example/api/v2\"\n")
        defer { home.remove() }
        #expect(configurationProblem { try resolve(home, profile: "work") }
            == "\(ConfigurationTests.missingEverything.dropLast()) (profile work, [profile.work] in \(Self.path)).")
        #expect(configurationProblem { try resolve(home, profile: "work", adding: ["PRODUCTIVE_API_TOKEN": "t", "PRODUCTIVE_ORG_ID": "x1"]) }
            == "PRODUCTIVE_ORG_ID must be the numeric organization id, not “x1” (profile work, [profile.work] in \(Self.path)).")
    }

    @Test func tokenOriginSaysWhereTheTokenComesFrom() throws {
        let home = try home()
        defer { home.remove() }
        let file = try home.load()
        #expect(AppConfiguration.tokenOrigin(environment: [:], file: file) == .tokenCommand(profile: nil))
        #expect(AppConfiguration.tokenOrigin(environment: ["PRODUCTIVE_API_TOKEN": "t"], file: file) == .environment)
        let work = try file.choosingProfile("work", environment: [:])
        #expect(AppConfiguration.tokenOrigin(environment: ["PRODUCTIVE_API_TOKEN": "t"], file: work) == .tokenCommand(profile: "work"))
    }
}
