import Foundation
@testable import IntrayApp
import IntrayCore
import ProductiveSandbox
import Testing

/// `intray list` against the sandbox: each filter lists what the sandbox itself answers.
@Suite struct ListScriptTests {
    /// The ids `intray list --format tsv` printed.
    static func listed(_ script: ListScript, _ server: ScriptSandbox, now: Date = Date()) async throws -> [String] {
        let io = ScriptSandbox.io()
        var script = script
        script.format = .tsv
        let exit = await script.run(api: server.api, io: io, pageSize: 30, now: now)
        #expect(exit == .ok, "\(io.errors.text)")
        return io.output.text.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    }

    @Test func everyFilterListsWhatTheSandboxAnswers() async throws {
        let server = try await ScriptSandbox.start()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let weekAgo = try CreationDate.parse("7d", now: Date(), calendar: calendar)
        let cases: [(String, (inout ListScript) -> Void, [(String, String)])] = [
            ("default", { _ in }, [("filter[status]", "1")]),
            ("resolved", { $0.status = .resolved }, [("filter[status]", "2")]),
            ("dismissed", { $0.status = .dismissed }, [("filter[status]", "3")]),
            ("all", { $0.status = .all }, []),
            ("from", { $0.status = .all; $0.from = ["101,102", "103"] }, [("filter[creator_id]", "101,102,103")]),
            ("to", { $0.to = ["1"] }, [("filter[status]", "1"), ("filter[recipient_id]", "1")]),
            ("with", { $0.status = .all; $0.with = ["104", "1"] }, [("filter[sender_or_recipient_id]", "104,1")]),
            ("after", { $0.after = "7d" }, [("filter[status]", "1"), ("filter[after]", weekAgo)]),
            ("before", { $0.status = .all; $0.before = "2w" }, [("filter[before]", try CreationDate.parse("2w", now: Date(), calendar: calendar))]),
            ("window", { $0.after = "30d"; $0.before = "today" }, [
                ("filter[status]", "1"), ("filter[before]", try CreationDate.parse("today", now: Date(), calendar: calendar)),
                ("filter[after]", try CreationDate.parse("30d", now: Date(), calendar: calendar)),
            ]),
        ]
        for (name, configure, filters) in cases {
            var script = ListScript()
            configure(&script)
            let expected = try await server.listedIDs(filters)
            #expect(try await Self.listed(script, server) == expected, "\(name)")
            #expect(!expected.isEmpty, "\(name) lists something")
        }
        await server.stop()
    }

    @Test func limitStopsTheListAndAsksForNoMorePages() async throws {
        let server = try await ScriptSandbox.start()
        var script = ListScript()
        script.limit = 5
        let ids = try await Self.listed(script, server)
        #expect(ids == Array(try await server.listedIDs([("filter[status]", "1")]).prefix(5)))
        let statistics = await server.sandbox.statistics
        #expect(statistics.requests(to: "GET /emails") == 2, "one page of 5 (and the sandbox's own listing)")
        await server.stop()
    }

    @Test func aReaderThatGoesAwayEndsTheListQuietly() async throws {
        let server = try await ScriptSandbox.start(SandboxConfiguration(emailCount: 2_000, seed: 5))
        let io = ScriptSandbox.io()
        io.output.close()
        var script = ListScript()
        script.status = .all
        script.format = .json
        #expect(await script.run(api: server.api, io: io, pageSize: 20) == .ok)
        #expect(io.errors.text == "")
        let requests = await server.sandbox.statistics.requests(to: "GET /emails")
        #expect(requests <= 3, "page 1 and at most two prefetched of 100, got \(requests)")
        await server.stop()
    }

    @Test func badOptionsAreOneSentenceWithStatus2() async throws {
        let server = try await ScriptSandbox.start()
        for (configure, message) in [
            ({ (s: inout ListScript) in s.after = "last tuesday" }, "intray: --after: “last tuesday” is not a date: use 2025-07-24, 2025-07-24T09:30:00Z, today, yesterday, 7d (days ago) or 2w (weeks ago).\n"),
            ({ (s: inout ListScript) in s.from = ["ana"] }, "intray: “ana” is not a person id: --from takes numeric ids such as 123, several separated by commas.\n"),
            ({ (s: inout ListScript) in s.limit = 0 }, "intray: --limit must be at least 1, not 0.\n"),
        ] {
            var script = ListScript()
            configure(&script)
            let io = ScriptSandbox.io()
            #expect(await script.run(api: server.api, io: io, pageSize: 30) == .usage)
            #expect(io.errors.text == message)
            #expect(io.output.text == "")
        }
        #expect(await server.sandbox.statistics.requestsServed == 0)
        await server.stop()
    }
}
