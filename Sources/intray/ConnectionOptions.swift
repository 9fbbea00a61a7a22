import ArgumentParser
import IntrayApp

/// The options every command that talks to Productive takes, in one place.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("api-url"), help: "Productive API base URL (default \(AppConfiguration.defaultAPIURL.absoluteString)).")
    var apiURL: String?

    var connection: ScriptConnection { ScriptConnection(apiURL: apiURL) }
}

/// Exit statuses of the scripting commands, for their help and the manual.
let scriptExitStatuses = """
    Exit status: 0 everything done; 1 some items failed (each listed on stderr as `ID: reason`); \
    2 usage or configuration error; 3 authentication refused (401/403); 4 server could not be reached.
    """

/// Ends the command with `code` unless it is 0.
func finish(_ code: Int32) throws {
    if code != 0 { throw ExitCode(code) }
}
