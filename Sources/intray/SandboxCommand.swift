import ArgumentParser
import Foundation
import ProductiveSandbox

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the local Productive-compatible sandbox server with demo data."
    )

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "SQLite file that keeps the sandbox's state across restarts (in memory when omitted).")
    var db: String?

    @Option(help: "How many demo emails to create (10 to 100000).")
    var emails = 500

    @Option(help: "Seed for the demo data.")
    var seed: UInt64 = 1

    @Option(name: .customLong("rate-limit"), help: "Answer 429 past this many requests per second (off when omitted).")
    var rateLimit: Int?

    @Option(name: .customLong("latency-ms"), help: "Milliseconds added to every response.")
    var latencyMilliseconds = 0

    @Option(name: .customLong("failure-rate"), help: "Fraction of requests answered with a 5xx (0 to 1).")
    var failureRate = 0.0

    func validate() throws {
        guard (10...100_000).contains(emails) else { throw ValidationError("--emails must be between 10 and 100000.") }
        guard (0...1).contains(failureRate) else { throw ValidationError("--failure-rate must be between 0 and 1.") }
    }

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.databasePath = db
        configuration.emailCount = emails
        configuration.seed = seed
        configuration.latency = .milliseconds(latencyMilliseconds)
        configuration.failureRate = failureRate
        if let rateLimit { configuration.rateLimit = SandboxRateLimit(requests: rateLimit, per: .seconds(1)) }
        let sandbox = try await Sandbox.start(configuration)
        let banner = """
        Productive sandbox listening.
          Base URL:        \(sandbox.baseURL.absoluteString)
          X-Auth-Token:    \(sandbox.token)
          X-Organization-Id: \(sandbox.organizationID)

        Try:
          curl -g -H 'X-Auth-Token: \(sandbox.token)' -H 'X-Organization-Id: \(sandbox.organizationID)' \\
               -H 'Content-Type: application/vnd.api+json' '\(sandbox.baseURL.absoluteString)/emails?filter[status]=1&page[size]=5'
        Run the app on it:
          PRODUCTIVE_API_TOKEN=\(sandbox.token) PRODUCTIVE_ORG_ID=\(sandbox.organizationID) intray --api-url \(sandbox.baseURL.absoluteString)
        Ctrl-C stops it.

        """
        FileHandle.standardOutput.write(Data(banner.utf8))
        try await sandbox.runUntilCancelled()
    }
}
