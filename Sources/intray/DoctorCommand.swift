import ArgumentParser
import Foundation
import IntrayApp

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the terminal, the configuration, the token and the API, and say what to fix.",
        discussion: """
        Prints one line per check, each ok, warn or fail with a sentence of advice: TERM and its \
        terminfo entry, colours, the UTF-8 locale, the window size and the escape delay; the config \
        file, its permissions and keys; where the token comes from (never the token); one \
        GET /emails?page[size]=1 with its latency, the organization and whether the token is \
        accepted; the rate-limit budget the server reports; the log and cache folders. \
        Exits with status 1 when any check fails.
        """
    )

    @Option(name: .customLong("api-url"), help: "Productive API base URL (default \(AppConfiguration.defaultAPIURL.absoluteString)).")
    var apiURL: String?

    @Option(help: "Check the [profile.NAME] table of config.toml (default: INTRAY_PROFILE).")
    var profile: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let doctor = Doctor(environment: environment, apiURL: apiURL, profile: profile, terminal: .probe(environment: environment))
        let checks = await doctor.run()
        print(BuildInfo.versionLine)
        for check in checks { print(check.line) }
        if checks.exitCode != 0 { throw ExitCode(checks.exitCode) }
    }
}
