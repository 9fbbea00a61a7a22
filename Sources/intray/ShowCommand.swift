import ArgumentParser
import IntrayApp

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one email as the detail pane shows it.",
        discussion: """
        Headers, then the body as text (HTML converted), sanitised like the screen. --json prints \
        the whole record instead.

        \(scriptExitStatuses)
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The email id.")
    var id: String

    @Flag(help: "The full record as one JSON object.")
    var json = false

    func run() async throws {
        var script = ShowScript(id: id)
        script.json = json
        try finish(await ScriptSession.run(connection.connection) { session, io in
            await script.run(api: session.api, io: io)
        })
    }
}
