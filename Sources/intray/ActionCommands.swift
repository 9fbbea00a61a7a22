import ArgumentParser
import IntrayApp

/// The arguments every action takes: the ids, and --dry-run.
struct ActionTargets: ParsableArguments {
    @Argument(help: ArgumentHelp("Email ids; - reads more ids from stdin (separated by spaces or lines).", valueName: "id"))
    var ids: [String] = []

    @Flag(help: "Print what would be sent, send nothing.")
    var dryRun = false

    /// Reads the ids and runs the action with the process's session.
    func run(_ kind: ActionScript.Kind, connection: ConnectionOptions, confirmed: Bool = false) async throws {
        try finish(await ScriptSession.run(connection.connection) { session, io in
            var script = ActionScript(kind: kind, ids: [])
            script.dryRun = dryRun
            script.confirmed = confirmed
            script.logger = session.logger
            return await script.run(arguments: ids, api: session.api, io: io, limits: session.api.configuration.rateLimits)
        })
    }
}

private func actionDiscussion(_ text: String) -> String {
    """
    \(text) On a terminal a progress line shows done/total, failures and the time left at the \
    rate limit; every process on the same token shares one rate-limit budget.

    \(scriptExitStatuses)
    """
}

struct DismissCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss",
        abstract: "Dismiss emails.",
        discussion: actionDiscussion("Example: intray list --json --from 123 --before 7d | jq -r .id | intray dismiss -")
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var targets: ActionTargets

    func run() async throws {
        try await targets.run(.dismiss, connection: connection)
    }
}

struct AttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Attach emails to a deal.",
        discussion: actionDiscussion("`intray deals QUERY` finds the deal's id.")
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var targets: ActionTargets

    @Option(help: ArgumentHelp("The deal id to attach to.", valueName: "deal-id"))
    var deal: String

    func validate() throws {
        guard !deal.isEmpty, deal.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError("--deal takes a numeric deal id; `intray deals QUERY` finds it.")
        }
    }

    func run() async throws {
        try await targets.run(.attach(dealID: deal), connection: connection)
    }
}

struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Attach emails to their suggested deal.",
        discussion: actionDiscussion("""
            The suggestion is the app's: the deal last used for the sender's address, else its domain, \
            learned from the resolved emails. Emails without a suggestion are reported as failures, never guessed.
            """)
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var targets: ActionTargets

    func run() async throws {
        try await targets.run(.resolve, connection: connection)
    }
}

struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete emails for good.",
        discussion: actionDiscussion("""
            Productive cannot undo a delete. Without --yes, intray asks y/n when stdin is a terminal \
            and refuses (status 2) when it is not.
            """)
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var targets: ActionTargets

    @Flag(help: "Delete without asking.")
    var yes = false

    func run() async throws {
        try await targets.run(.delete, connection: connection, confirmed: yes)
    }
}
