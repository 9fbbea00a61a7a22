import Foundation
import Hummingbird
import NIOCore

/// A request as the stub server saw it.
struct SeenRequest: Sendable {
    var method: String
    var path: String
    /// The raw query, percent-encoding as sent.
    var query: String
    var headers: [String: String]
    var body: String
    /// Real time since the server started.
    var at: Duration

    /// The query decoded into name/value pairs, in order.
    var queryItems: [(String, String)] {
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }
}

/// What the stub answers.
struct StubReply: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: String = ""
    /// Real time to wait before answering.
    var delay: Duration = .zero
    /// Real time to wait between the first half of the body and the rest.
    var bodyStall: Duration = .zero

    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> StubReply {
        StubReply(status: status, headers: headers.merging(["Content-Type": "application/vnd.api+json; charset=utf-8"]) { a, _ in a }, body: body)
    }
}

/// A Productive look-alike built from a Hummingbird router on 127.0.0.1 (port 0): the routes
/// of the emails and deals endpoints, each answered by the test's `respond` closure, every
/// request recorded. Responses are whatever the test says, so error paths are exact.
final class StubProductive: Sendable {
    private let log = RequestLog()

    /// The requests seen so far.
    var requests: [SeenRequest] { get async { await log.all } }

    /// Runs `body` with the server listening; `respond` gets each request and its index (from 0).
    static func run<T: Sendable>(
        respond: @escaping @Sendable (SeenRequest, Int) async -> StubReply,
        _ body: @Sendable (URL, StubProductive) async throws -> T
    ) async throws -> T {
        let stub = StubProductive()
        let started = ContinuousClock.now
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let seen = SeenRequest(
                method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                headers: headers, body: String(buffer: bytes), at: ContinuousClock.now - started
            )
            let index = await stub.log.append(seen)
            let reply = await respond(seen, index)
            if reply.delay > .zero { try? await Task.sleep(for: reply.delay) }
            var fields = HTTPFields()
            for (name, value) in reply.headers { fields[.init(name)!] = value }
            let answer = ByteBuffer(string: reply.body)
            guard reply.bodyStall > .zero else {
                return Response(status: HTTPResponse.Status(code: reply.status), headers: fields, body: ResponseBody(byteBuffer: answer))
            }
            let half = answer.readableBytes / 2
            let body = ResponseBody(contentLength: answer.readableBytes) { writer in
                try await writer.write(answer.getSlice(at: 0, length: half)!)
                try await Task.sleep(for: reply.bodyStall)
                try await writer.write(answer.getSlice(at: half, length: answer.readableBytes - half)!)
                try await writer.finish(nil)
            }
            return Response(status: HTTPResponse.Status(code: reply.status), headers: fields, body: body)
        }
        router.get("/api/v2/emails", use: handler)
        router.get("/api/v2/emails/:id", use: handler)
        router.patch("/api/v2/emails/:id/attach", use: handler)
        router.patch("/api/v2/emails/:id/dismiss", use: handler)
        router.delete("/api/v2/emails/:id", use: handler)
        router.get("/api/v2/deals", use: handler)

        let (ports, portSink) = AsyncStream<Int>.makeStream()
        var app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) }
        )
        // Stopping by cancellation is normal here; Hummingbird would log it as an error.
        app.logger.logLevel = .critical
        let server = app
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await server.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let url = URL(string: "http://127.0.0.1:\(port)/api/v2")!
            do {
                let result = try await body(url, stub)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}

private actor RequestLog {
    private(set) var all: [SeenRequest] = []

    func append(_ request: SeenRequest) -> Int {
        all.append(request)
        return all.count - 1
    }
}
