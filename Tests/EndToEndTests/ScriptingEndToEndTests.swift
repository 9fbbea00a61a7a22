import Foundation
import ProductiveSandbox
import Testing

/// The scripting commands as processes: exit statuses, pipes, stdin, hostile text, and two
/// processes sharing one token's rate limit.
@Suite(.serialized) struct ScriptingEndToEndTests {
    static func server(_ configuration: SandboxConfiguration) async throws -> DemoServer {
        DemoServer(sandbox: try await Sandbox.start(configuration))
    }

    @Test func headStopsThePagingEarly() async throws {
        var configuration = SandboxConfiguration(emailCount: 2_000, seed: 7)
        configuration.latency = .milliseconds(20)
        let server = try await Self.server(configuration)
        let home = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: home + "/config/intray", withIntermediateDirectories: true)
        try "page_size = 10\n".write(toFile: home + "/config/intray/config.toml", atomically: true, encoding: .utf8)
        let result = try ScriptProcess.shell(
            #"{ "$INTRAY" list --json --status all; echo "intray exited $?" >&2; } | head -1"#,
            environment: server.environment(stateHome: home)
        )
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stdout.hasPrefix("{\"id\":"))
        #expect(result.stderr == "intray exited 0\n")
        let pages = await server.sandbox.statistics.requests(to: "GET /emails")
        #expect(pages <= 6, "200 pages exist; head -1 let intray fetch \(pages)")
        print("list --json | head -1 over 200 pages: \(pages) GET /emails")
        await server.stop()
    }

    @Test func twoProcessesOnOneTokenShareTheRateLimit() async throws {
        var configuration = SandboxConfiguration(emailCount: 600, seed: 7)
        configuration.rateLimit = .productive
        let server = try await Self.server(configuration)
        let ids = Array(try await server.sandbox.storedEmailIDs(status: 1).prefix(160))
        let environment = server.environment(stateHome: try temporaryDirectory())
        let started = ContinuousClock.now
        let first = try ScriptProcess.start([try IntrayBinary.path, "dismiss", "-"], environment: environment, input: ids[..<80].joined(separator: "\n"))
        let second = try ScriptProcess.start([try IntrayBinary.path, "dismiss", "-"], environment: environment, input: ids[80...].joined(separator: "\n"))
        let results = [first.wait(), second.wait()]
        let elapsed = ContinuousClock.now - started
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let statistics = await server.sandbox.statistics
        #expect(statistics.rateLimited == 0, "429s between two processes on one token")
        #expect(statistics.requests(to: "PATCH /emails/{id}/dismiss") == 160)
        for id in ids { #expect(try await server.sandbox.storedEmail(id: id)?.status == 3) }
        print("two processes × 80 dismissals under 100 requests / 10 s: \(elapsed), 429s: \(statistics.rateLimited)")
        await server.stop()
    }

    @Test func theAppAndAScriptBesideItShareTheRateLimit() async throws {
        var configuration = SandboxConfiguration(emailCount: 300, seed: 7)
        configuration.rateLimit = .productive
        let server = try await Self.server(configuration)
        let home = try temporaryDirectory()
        let environment = server.environment(stateHome: home)
        let screen = try TmuxScreen(command: [try IntrayBinary.path], environment: environment, columns: 120, rows: 40)
        try await screen.waitUntil("the list to paint") { $0.contains("Subject:") && $0.contains(" 1/") }
        let appRequests = await server.sandbox.statistics.requestsServed
        // With the app's requests of the last seconds, 100 more would pass the limit at once.
        let ids = Array(try await server.sandbox.storedEmailIDs(status: 1).suffix(100))
        let result = try ScriptProcess.intray(["dismiss", "-"], environment: environment, input: ids.joined(separator: "\n"))
        #expect(result.status == 0, "\(result.stderr)")
        let statistics = await server.sandbox.statistics
        #expect(appRequests > 0)
        #expect(statistics.rateLimited == 0, "429s between the app and a script on one token")
        #expect(statistics.requests(to: "PATCH /emails/{id}/dismiss") == 100)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home + "/intray").contains { $0.hasPrefix("budget-") })
        try await screen.quit()
        await server.stop()
    }

    @Test func onATerminalActionsShowTheirProgressAndListsATable() async throws {
        let server = try await Self.server(SandboxConfiguration(emailCount: 60, seed: 7))
        let ids = Array(try await server.sandbox.storedEmailIDs(status: 1).prefix(3))
        let environment = server.environment(stateHome: try temporaryDirectory())
        let dismiss = try TmuxScreen(command: [try IntrayBinary.path, "dismiss"] + ids + ["999999"], environment: environment, columns: 100, rows: 10)
        let screen = try await dismiss.waitFor("[exited 1]")
        #expect(screen.contains("999999: Email 999999 was not found in Productive (404)."))
        #expect(screen.contains("dismiss 4/4 · 1 failed"))
        let list = try TmuxScreen(command: [try IntrayBinary.path, "list", "--limit", "2"], environment: environment, columns: 100, rows: 10)
        let table = try await list.waitFor("[exited 0]")
        #expect(table.hasPrefix("ID        DATE              FROM                    SUBJECT"))
        await server.stop()
    }

    @Test func idsFromStdinWithFailuresListedAndStatus1() async throws {
        let server = try await Self.server(SandboxConfiguration(emailCount: 60, seed: 7))
        let ids = Array(try await server.sandbox.storedEmailIDs(status: 1).prefix(2))
        let home = try temporaryDirectory()
        let result = try ScriptProcess.shell(
            #""$INTRAY" list --json --limit 2 | sed -n 's/^{"id":"\([0-9]*\)".*/\1/p' | { cat; echo 999999; } | "$INTRAY" dismiss -"#,
            environment: server.environment(stateHome: home)
        )
        #expect(result.status == 1)
        #expect(result.stderr == "999999: Email 999999 was not found in Productive (404).\n")
        for id in ids { #expect(try await server.sandbox.storedEmail(id: id)?.status == 3) }
        let log = try String(contentsOfFile: home + "/intray/intray.log", encoding: .utf8)
        for id in ids { #expect(log.contains("script: dismiss email \(id): done")) }
        #expect(log.contains("script: dismiss email 999999 failed: Email 999999 was not found in Productive (404)."))
        await server.stop()
    }

    @Test func aRefusedTokenIsStatus3AndTheTokenIsNeverShown() async throws {
        let server = try await Self.server(SandboxConfiguration(emailCount: 20, seed: 7))
        let home = try temporaryDirectory()
        var environment = server.environment(stateHome: home)
        let token = "wrong-s3cret-token-7f3a"
        environment["PRODUCTIVE_API_TOKEN"] = token
        for arguments in [["list"], ["show", "1"], ["dismiss", "1", "2"], ["deals"]] {
            let result = try ScriptProcess.intray(arguments, environment: environment)
            #expect(result.status == 3, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "intray: token rejected by Productive (401): check PRODUCTIVE_API_TOKEN\n" || arguments[0] == "dismiss")
            #expect(!result.stdout.contains(token) && !result.stderr.contains(token))
        }
        let log = (try? String(contentsOfFile: home + "/intray/intray.log", encoding: .utf8)) ?? ""
        #expect(!log.contains(token))
        let budget = try FileManager.default.contentsOfDirectory(atPath: home + "/intray").filter { $0.hasPrefix("budget-") }
        #expect(budget.count == 1 && !budget[0].contains(token))
        let ledger = try String(contentsOfFile: home + "/intray/" + budget[0], encoding: .utf8)
        #expect(!ledger.contains(token))
        await server.stop()
    }

    @Test func aServerThatIsDownIsStatus4() async throws {
        let server = try await Self.server(SandboxConfiguration(emailCount: 20, seed: 7))
        let environment = server.environment(stateHome: try temporaryDirectory())
        await server.stop()
        let result = try ScriptProcess.intray(["list"], environment: environment)
        #expect(result.status == 4)
        #expect(result.stderr == "intray: could not reach 127.0.0.1: connection refused\n")
        #expect(result.stdout == "")
    }

    @Test func usageMistakesAreStatus2() async throws {
        let server = try await Self.server(SandboxConfiguration(emailCount: 20, seed: 7))
        let environment = server.environment(stateHome: try temporaryDirectory())
        let badDate = try ScriptProcess.intray(["list", "--after", "someday"], environment: environment)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.hasPrefix("intray: --after: “someday” is not a date"))
        #expect(try ScriptProcess.intray(["list", "--colour"], environment: environment).status == 2)
        #expect(try ScriptProcess.intray(["attach", "1", "--deal", "x"], environment: environment).status == 2)
        let delete = try ScriptProcess.intray(["delete", "1"], environment: environment)
        #expect(delete.status == 2)
        #expect(delete.stderr.contains("Refusing to delete without --yes"))
        #expect(try ScriptProcess.intray(["dismiss"], environment: environment).status == 2)
        var missing = environment
        missing["PRODUCTIVE_ORG_ID"] = nil
        #expect(try ScriptProcess.intray(["list"], environment: missing).status == 2)
        #expect(await server.sandbox.statistics.requestsServed == 0)
        let help = try ScriptProcess.intray(["list", "--help"], environment: environment)
        #expect(help.stdout.contains("3 authentication refused"))
        await server.stop()
    }

    @Test func hostileSubjectsReachNoTerminalThroughAnyFormat() async throws {
        let server = try await HostileServer.start()
        let environment = server.environment(home: try temporaryDirectory())
        let json = try ScriptProcess.intray(["list", "--json"], environment: environment)
        #expect(json.status == 0, "\(json.stderr)")
        let lines = json.stdout.split(separator: "\n")
        #expect(lines.count == HostileServer.subjects.count)
        var subjects: [String] = []
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            subjects.append(object?["subject"] as? String ?? "")
        }
        #expect(subjects == HostileServer.subjects, "JSON keeps the text, escaped")
        for format in ["json", "tsv", "table"] {
            let result = try ScriptProcess.intray(["list", "--format", format], environment: environment)
            let forbidden = result.stdout.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
            }
            #expect(forbidden.isEmpty, "\(format) wrote controls: \(forbidden.map { String($0.value, radix: 16) })")
            if format != "json" { #expect(!result.stdout.contains("\u{202E}")) }
        }
        let tsv = try ScriptProcess.intray(["list", "--format", "tsv"], environment: environment)
        #expect(tsv.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 })
        let show = try ScriptProcess.intray(["show", "100"], environment: environment)
        #expect(!show.stdout.contains("\u{1B}") && show.stdout.contains("Subject: Invoice � due"))
    }
}
