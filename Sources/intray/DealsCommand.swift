import ArgumentParser
import IntrayApp

struct DealsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deals",
        abstract: "Search open deals the way the attach picker does.",
        discussion: """
        Prints id, number, name and company per deal, or one JSON object per line with --json.

        \(scriptExitStatuses)
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Text to search for in deal names, numbers and companies.")
    var query: String?

    @Flag(help: "One JSON object per line.")
    var json = false

    func run() async throws {
        var script = DealsScript(query: query)
        script.json = json
        try finish(await ScriptSession.run(connection.connection) { session, io in
            await script.run(api: session.api, io: io)
        })
    }
}
