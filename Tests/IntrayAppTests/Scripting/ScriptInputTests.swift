import IntrayCore
@testable import IntrayApp
import Testing

/// Ids from arguments and stdin, the progress line, and which failure gives which exit status.
@Suite struct ScriptInputTests {
    @Test func idsComeFromArgumentsAndStdinInOrderOnce() throws {
        #expect(try EmailIDs.read(["3", "-", "1"], stdin: { "10\n11 12\n\n3\n" }) == ["3", "10", "11", "12", "1"])
        #expect(try EmailIDs.read(["-"], stdin: { "" }) == [], "a pipeline that matched nothing has nothing to do")
        #expect(try EmailIDs.read(["-", "-"], stdin: { "5\n" }) == ["5"])
    }

    @Test func badIdsAndNoIdsAreUsageErrors() {
        #expect(throws: ScriptFailure(.usage, "No email ids given: name them, or pass - to read them from stdin.")) {
            try EmailIDs.read([], stdin: { "" })
        }
        #expect(throws: ScriptFailure(.usage, "“12a” is not an email id: ids are numbers such as 12345.")) {
            try EmailIDs.read(["-"], stdin: { "1\n12a\n" })
        }
        #expect(throws: ScriptFailure(.usage, "“{\"id\":\"1\"}” is not an email id: ids are numbers such as 12345.")) {
            try EmailIDs.read(["-"], stdin: { "{\"id\":\"1\"}" })
        }
        #expect(throws: ScriptFailure(.usage, "“a?b” is not an email id: ids are numbers such as 12345.")) {
            try EmailIDs.read(["a\u{1B}b"], stdin: { "" })
        }
    }

    @Test func progressCountsDoneFailedAndTheTimeTheRateLimitNeeds() {
        let productive = [(requests: 100, seconds: 10.0), (requests: 4_000, seconds: 1_800.0)]
        var progress = ProgressLine(verb: "dismiss", total: 450)
        #expect(progress.text(limits: productive) == "dismiss 0/450 · about 40 s left")
        progress.done = 380
        progress.failed = 2
        #expect(progress.text(limits: productive) == "dismiss 380/450 · 2 failed · under 1 s left")
        progress.done = 450
        #expect(progress.text(limits: productive) == "dismiss 450/450 · 2 failed")
        var resolve = ProgressLine(verb: "resolve", total: 5_000, requestsPerItem: 2)
        resolve.done = 0
        #expect(resolve.text(limits: productive) == "resolve 0/5000 · about 1 h 0 min left")
        #expect(ProgressLine.format(61) == "2 min")
    }

    @Test func failuresMapToTheDocumentedStatuses() {
        #expect(ScriptExit.forFailure(APIError(.unauthorized, message: "")) == .refused)
        #expect(ScriptExit.forFailure(APIError(.forbidden, message: "")) == .refused)
        #expect(ScriptExit.forFailure(APIError(.connectionFailed, message: "")) == .unreachable)
        #expect(ScriptExit.forFailure(APIError(.timeout, message: "")) == .unreachable)
        #expect(ScriptExit.forFailure(APIError(.badRequest, message: "")) == .usage)
        #expect(ScriptExit.forFailure(APIError(.server(status: 500), message: "")) == .someFailed)
        #expect(ScriptExit.forFailure(APIError(.notFound, message: "")) == .usage)
    }
}
