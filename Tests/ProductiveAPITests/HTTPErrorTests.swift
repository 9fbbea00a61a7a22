import Foundation
import IntrayCore
import Testing
@testable import ProductiveAPI

/// Each way a call can fail becomes an `APIError` with a sentence and a detail for the log.
@Suite struct HTTPErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var status: Int
        var body: String
        var headers: [String: String] = [:]
        var kind: APIError.Kind
        var message: String
        var testDescription: String { "\(status)" }
    }

    static let cases: [Case] = [
        Case(status: 400, body: #"{"errors":[{"status":400,"title":"Unsupported Filter","detail":"filter[colour] is not supported"}]}"#,
             kind: .badRequest, message: "Productive refused the request for emails (400): Unsupported Filter: filter[colour] is not supported."),
        Case(status: 401, body: #"{"errors":[{"status":"401","title":"Unauthenticated"}]}"#,
             kind: .unauthorized, message: "token rejected by Productive (401): check PRODUCTIVE_API_TOKEN"),
        Case(status: 403, body: #"{"errors":[{"status":"403","title":"Forbidden"}]}"#,
             kind: .forbidden, message: "Productive denied access to emails (403): check the token's permissions and PRODUCTIVE_ORG_ID"),
        Case(status: 404, body: "", kind: .notFound, message: "Productive has no emails at this address (404): check the API URL."),
        Case(status: 415, body: #"{"errors":[{"status":"415","title":"Unsupported media type"}]}"#,
             kind: .unsupportedMediaType, message: "Productive refused the request's content type (415); this is a bug in intray."),
        Case(status: 422, body: #"{"errors":[{"status":"422","code":"invalid_attribute","title":"Invalid Attribute","detail":"can't be blank","source":{"pointer":"data/attributes/deal"}}]}"#,
             kind: .invalid(detail: "can't be blank", pointer: "data/attributes/deal"), message: "Productive refused it: deal can't be blank."),
        Case(status: 429, body: "", headers: ["Retry-After": "7"],
             kind: .rateLimited(retryAfter: 7), message: "Productive is rate limiting this token (429): try again in 7 s."),
        Case(status: 500, body: "<html>oops</html>", kind: .server(status: 500), message: "Productive failed with a server error (500); try again shortly."),
        Case(status: 503, body: "", kind: .server(status: 503), message: "Productive is unavailable right now (503); try again shortly."),
        Case(status: 418, body: "", kind: .unexpectedStatus(418), message: "Productive answered with unexpected status 418."),
    ]

    @Test(arguments: cases)
    func statusBecomesASentence(_ expected: Case) async throws {
        try await StubProductive.run(respond: { _, _ in .json(expected.status, expected.body, headers: expected.headers) }) { url, _ in
            try await withAPI(url) { api in
                let error = try #require(await apiError { try await api.emails(EmailFilter(), page: PageRequest()) })
                #expect(error.kind == expected.kind)
                #expect(error.message == expected.message)
                #expect(error.httpStatus == expected.status)
                #expect(error.detail.contains("GET /emails?include=creator&page%5Bnumber%5D=1&page%5Bsize%5D=30 -> \(expected.status)"))
                #expect(!error.detail.contains(testToken) && !error.message.contains(testToken))
            }
        }
    }

    @Test func notFoundNamesTheEmail() async throws {
        try await StubProductive.run(respond: { _, _ in .json(404, "") }) { url, _ in
            try await withAPI(url) { api in
                let error = try #require(await apiError { try await api.delete(emailID: "13") })
                #expect(error.message == "Email 13 was not found in Productive (404).")
            }
        }
    }

    @Test func anEchoedTokenIsRedactedFromTheLogDetail() async throws {
        try await StubProductive.run(respond: { request, _ in
            .json(401, #"{"errors":[{"detail":"bad token \#(request.headers["x-auth-token"] ?? "")"}]}"#)
        }) { url, _ in
            try await withAPI(url) { api in
                let error = try #require(await apiError { try await api.email(id: "1") })
                #expect(error.detail.contains("bad token <redacted>"))
                #expect(!error.detail.contains(testToken))
            }
        }
    }

    @Test func timeout() async throws {
        try await StubProductive.run(respond: { _, _ in StubReply(status: 200, body: "{}", delay: .seconds(2)) }) { url, _ in
            try await withAPI(url, timeout: .milliseconds(300)) { api in
                let error = try #require(await apiError { try await api.email(id: "1") })
                #expect(error.kind == .timeout)
                #expect(error.message == "127.0.0.1 did not answer within 0.3 s (timeout)")
            }
        }
    }

    @Test func aBodyThatStallsTimesOut() async throws {
        let reply = StubReply(status: 200, headers: ["Content-Type": "application/vnd.api+json"], body: emailList(count: 4), bodyStall: .seconds(5))
        try await StubProductive.run(respond: { _, _ in reply }) { url, _ in
            try await withAPI(url, timeout: .milliseconds(300)) { api in
                let started = ContinuousClock.now
                let error = try #require(await apiError { try await api.emails(EmailFilter(), page: PageRequest()) })
                #expect(error.kind == .timeout)
                #expect(error.message == "127.0.0.1 did not answer within 0.3 s (timeout)")
                #expect(ContinuousClock.now - started < .seconds(4))
            }
        }
    }

    @Test func connectionRefused() async throws {
        let url = try await unusedLoopbackURL()
        try await withAPI(url) { api in
            let error = try #require(await apiError { try await api.email(id: "1") })
            #expect(error.kind == .connectionFailed)
            #expect(error.message == "could not reach 127.0.0.1: connection refused")
        }
    }

    @Test func tlsFailure() async throws {
        // A plain HTTP server answering a TLS handshake.
        try await StubProductive.run(respond: { _, _ in .json(200, "{}") }) { url, _ in
            let https = URL(string: url.absoluteString.replacingOccurrences(of: "http://", with: "https://"))!
            // The handshake is the connection here: a loaded machine running the suite in
            // parallel can take seconds to fail it, which must not read as a timeout.
            try await withAPI(https, connectTimeout: .seconds(60)) { api in
                let error = try #require(await apiError { try await api.email(id: "1") })
                #expect(error.kind == .tls)
                #expect(error.message == "secure connection to 127.0.0.1 failed (TLS): check the system clock and certificates")
            }
        }
    }

    @Test func malformedAnswerSaysWhere() async throws {
        let body = emailList(count: 4).replacingOccurrences(of: #""id":"4","#, with: #""id":{"no":1},"#)
        try await StubProductive.run(respond: { _, _ in .json(200, body) }) { url, _ in
            try await withAPI(url) { api in
                let error = try #require(await apiError { try await api.emails(EmailFilter(), page: PageRequest()) })
                #expect(error.kind == .malformed(location: "data[3].id"))
                #expect(error.message == "Productive's answer could not be read (at data[3].id).")
            }
        }
    }

    @Test func tooLargeAnswerIsNotRead() async throws {
        let body = emailList(count: 50)
        try await StubProductive.run(respond: { _, _ in .json(200, body) }) { url, _ in
            try await withAPI(url, maxResponseBytes: 4096) { api in
                let error = try #require(await apiError { try await api.emails(EmailFilter(), page: PageRequest()) })
                #expect(error.kind == .tooLarge(limit: 4096))
                #expect(error.message == "Productive's answer was larger than 4096 bytes and was not read")
            }
        }
    }

    @Test func cancellationIsReportedAsCancelled() async throws {
        try await StubProductive.run(respond: { _, _ in StubReply(status: 200, body: "{}", delay: .seconds(5)) }) { url, _ in
            try await withAPI(url, retry: .standard) { api in
                let call = Task { await apiError { try await api.email(id: "1") } }
                try await Task.sleep(for: .milliseconds(200))
                call.cancel()
                let error = await call.value
                #expect(error?.kind == .cancelled)
            }
        }
    }
}

/// A loopback URL on a port where nothing listens: a stub's port after it stopped.
/// A loopback URL whose port refuses connections: a socket is bound to it but never listens,
/// so no other server can take the port while the test runs (a stopped server's port can be
/// taken again, or still be held by a listener that is shutting down and never answers).
func unusedLoopbackURL() async throws -> URL {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EMFILE) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
            bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
        }
    }
    guard bound else {
        close(fd)
        throw POSIXError(.EADDRINUSE)
    }
    // Deliberately left open until the process ends: the port stays reserved and refusing.
    return URL(string: "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))")!
}
