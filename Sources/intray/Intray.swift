import ArgumentParser
import Foundation
import IntrayApp

@main
struct Intray: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intray",
        abstract: "Triage the shared email inbox of a Productive.io organization from the terminal.",
        discussion: """
        Talks to Productive with PRODUCTIVE_API_TOKEN and PRODUCTIVE_ORG_ID from the environment \
        or ~/.config/intray/config.toml (token_command, organization_id, keymap, undo_seconds, …); \
        INTRAY_API_URL or --api-url for another server. `intray --demo` runs on built-in demo data. \
        Logs: ~/.local/state/intray/intray.log. `intray doctor` checks the terminal, the configuration \
        and the API. See intray(1) for every configuration key, environment variable and file.

        Scripting: list, show, dismiss, attach, resolve, delete and deals use the same configuration, \
        client, pacing and retries; every process on one token shares its rate-limit budget. \
        \(scriptExitStatuses)
        """,
        version: BuildInfo.versionLine,
        subcommands: [
            TriageUICommand.self, SandboxCommand.self, KeysCommand.self, CacheCommand.self, DoctorCommand.self,
            ListCommand.self, ShowCommand.self, DismissCommand.self, AttachCommand.self, ResolveCommand.self,
            DeleteCommand.self, DealsCommand.self,
        ],
        defaultSubcommand: TriageUICommand.self
    )

    /// As `AsyncParsableCommand.main()`, but a command line the parser rejects exits with
    /// status 2 (usage), as the scripting commands document, rather than 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

/// The interactive app; the default, so `intray --demo` runs it.
struct TriageUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Open the interactive inbox (the default)."
    )

    @Flag(help: "Run on a built-in local sandbox with demo data; no account needed.")
    var demo = false

    @Option(name: .customLong("demo-emails"), help: "How many demo emails the sandbox holds with --demo.")
    var demoEmails = 500

    @Option(help: "Keymap preset (default, vim, emacs) or path to a keymap file.")
    var keymap: String?

    @Option(name: .customLong("api-url"), help: "Productive API base URL (default \(AppConfiguration.defaultAPIURL.absoluteString)).")
    var apiURL: String?

    @Option(help: "Use the [profile.NAME] table of config.toml (default: INTRAY_PROFILE).")
    var profile: String?

    mutating func run() async throws {
        let code = await TriageCommand(demo: demo, demoEmails: demoEmails, keymap: keymap, apiURL: apiURL, profile: profile).run()
        if code != 0 { throw ExitCode(code) }
    }
}
