import ArgumentParser
import IntrayApp

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List emails matching the API's filters, as the pages arrive.",
        discussion: """
        Output is a table on a terminal and TSV in a pipe (columns: id, created_at, status, \
        from address, from name, subject, linked id), or one JSON object per line with --json. \
        Server text is sanitised like the screen; --json escapes control characters. Stops quietly \
        when the reader goes away (`| head`). Dates: 2025-07-24, an ISO 8601 timestamp, today, \
        yesterday, 7d (days ago) or 2w (weeks ago); relative forms mean that day at midnight.

        \(scriptExitStatuses)
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Which emails: one tab's, or all.")
    var status: ListScript.StatusChoice = .unresolved

    @Option(name: .customLong("from"), parsing: .upToNextOption, help: ArgumentHelp("Sender person ids (filter[creator_id]).", valueName: "person-id"))
    var from: [String] = []

    @Option(name: .customLong("to"), parsing: .upToNextOption, help: ArgumentHelp("Recipient person ids (filter[recipient_id]).", valueName: "person-id"))
    var to: [String] = []

    @Option(name: .customLong("with"), parsing: .upToNextOption, help: ArgumentHelp("Sender or recipient person ids (filter[sender_or_recipient_id]).", valueName: "person-id"))
    var with: [String] = []

    @Option(help: ArgumentHelp("Created after this date (filter[after]).", valueName: "date"))
    var after: String?

    @Option(help: ArgumentHelp("Created before this date (filter[before]).", valueName: "date"))
    var before: String?

    @Option(help: ArgumentHelp("Stop after this many emails.", valueName: "n"))
    var limit: Int?

    @Flag(help: "One JSON object per line.")
    var json = false

    @Option(help: "Output format (default: table on a terminal, tsv otherwise).")
    var format: EmailRowFormat?

    func validate() throws {
        if json, let format, format != .json { throw ValidationError("--json and --format \(format.rawValue) contradict each other.") }
    }

    func run() async throws {
        var script = ListScript()
        script.status = status
        script.from = from
        script.to = to
        script.with = with
        script.after = after
        script.before = before
        script.limit = limit
        script.format = json ? .json : format
        try finish(await ScriptSession.run(connection.connection) { session, io in
            await script.run(api: session.api, io: io, pageSize: session.file.pageSize)
        })
    }
}

extension ListScript.StatusChoice: ExpressibleByArgument {}
extension EmailRowFormat: ExpressibleByArgument {}
