import AsyncHTTPClient
import Foundation
import IntrayCore
import Logging
import MailText
import NIOCore
import NIOHTTP1

/// A successful answer: 2xx with its body.
struct ProductiveResponse: Sendable {
    var status: Int
    var body: Data
}

extension HTTPEmailsAPI {
    /// What the rate-limit headers' names hold (`X-RateLimit-Remaining`, `RateLimit-Reset`, …), lowercased.
    private static let rateLimitWord = Array("ratelimit".utf8)

    /// Sends with pacing and retries; answers a 2xx or throws the `APIError` for what went wrong.
    func send(_ request: ProductiveRequest) async throws(APIError) -> ProductiveResponse {
        let policy = configuration.retry
        var attempt = 1
        var waited = Duration.zero
        while true {
            let slot: PacerSlot
            do {
                slot = try await pacer.acquire(request.priority)
            } catch {
                throw APIError(.cancelled, message: "Cancelled.", detail: "\(request.line): cancelled while waiting for the rate limit")
            }
            let started = clock.now()
            let result = await perform(request)
            await pacer.finish(slot)

            let outcome: RetryPolicy.Outcome
            let failure: APIError
            switch result {
            case .success(let answer) where (200...299).contains(answer.status):
                log(request, attempt: attempt, started: started, result: "\(answer.status)")
                return ProductiveResponse(status: answer.status, body: answer.body)
            case .success(let answer):
                let retryAfter = answer.retryAfter.flatMap { RetryAfter.parse($0, now: clock.date()) }
                outcome = .status(answer.status, retryAfter: retryAfter)
                failure = StatusError.map(
                    status: answer.status, retryAfter: retryAfter, body: answer.body,
                    subject: request.subject, isRecord: request.isRecord, request: request.line, token: configuration.token
                )
            case .failure(let transport):
                if transport.kind == .cancelled || Task.isCancelled {
                    throw APIError(.cancelled, message: "Cancelled.", detail: "\(request.line): \(transport.underlying)")
                }
                outcome = transport.retryOutcome
                failure = transport.apiError(host: configuration.host, configuration: configuration, request: request.line)
            }
            log(request, attempt: attempt, started: started, result: failure.detail)

            guard !Task.isCancelled,
                  let wait = policy.wait(after: outcome, method: request.method, attempt: attempt, waited: waited, random: random())
            else {
                if attempt > 1 { throw APIError(failure.kind, message: failure.message, detail: failure.detail + " (after \(attempt) attempts)") }
                throw failure
            }
            switch wait {
            case .serverRequested(let duration):
                // Everyone on this token holds off, not only this request.
                await pacer.pause(for: duration)
            case .backoff(let duration):
                do { try await clock.sleep(for: duration) } catch {
                    throw APIError(.cancelled, message: "Cancelled.", detail: "\(request.line): cancelled while waiting to retry")
                }
            }
            waited += wait.duration
            attempt += 1
        }
    }

    /// What one attempt got: an HTTP answer of any status, or why there was none.
    struct Answer: Sendable {
        var status: Int
        var retryAfter: String?
        var body: Data
        /// Headers whose name contains "ratelimit" (`X-RateLimit-Remaining`, `RateLimit-Limit`, …).
        var rateLimit: [String: String] = [:]
    }

    func perform(_ request: ProductiveRequest) async -> Result<Answer, TransportFailure> {
        var http = HTTPClientRequest(url: request.url(base: configuration.baseURL))
        http.method = HTTPMethod(rawValue: request.method)
        http.headers.add(name: "X-Auth-Token", value: configuration.token)
        http.headers.add(name: "X-Organization-Id", value: configuration.organizationID)
        http.headers.add(name: "Content-Type", value: "application/vnd.api+json")
        http.headers.add(name: "Accept", value: "application/vnd.api+json")
        http.headers.add(name: "User-Agent", value: "intray")
        if let body = request.body {
            http.body = .bytes(ByteBuffer(string: body))
        }
        do {
            return .success(try await RequestDeadline.run(within: configuration.timeout) { [client, configuration, http] in
                // Unbounded here: RequestDeadline bounds the head and the body together.
                let response = try await client.execute(http, deadline: .distantFuture)
                // Refuses a too-large Content-Length before reading, and a body that grows past the cap.
                let buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
                return Answer(
                    status: Int(response.status.code),
                    retryAfter: response.headers.first(name: "Retry-After"),
                    body: Data(buffer.readableBytesView),
                    rateLimit: Dictionary(
                        response.headers.filter { ByteSearch.contains(Self.rateLimitWord, in: Array($0.name.lowercased().utf8)) }.map { ($0.name, $0.value) },
                        uniquingKeysWith: { first, _ in first })
                )
            })
        } catch is RequestDeadline.Expired {
            return .failure(TransportFailure(kind: .timeout, underlying: "no whole answer within \(TransportFailure.format(configuration.timeout))"))
        } catch {
            return .failure(TransportFailure.classify(error))
        }
    }

    private func log(_ request: ProductiveRequest, attempt: Int, started: Duration, result: String) {
        guard let logger else { return }
        let elapsed = Int((clock.now() - started).seconds * 1000)
        logger.debug("\(request.line) attempt \(attempt): \(result) in \(elapsed) ms")
    }
}
