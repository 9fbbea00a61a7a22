import Foundation
import IntrayCore

/// What one `GET /emails?page[size]=1` found out, for `intray doctor`.
public struct APIProbe: Sendable {
    /// From sending to the last byte of the answer, or to the failure.
    public var latency: Duration
    /// The HTTP status, nil when no answer came.
    public var status: Int?
    /// Why the request failed; nil on a 2xx whose body decoded.
    public var error: APIError?
    /// How many emails the organization holds, from the answer's `meta`.
    public var totalCount: Int?
    /// The server's rate-limit headers as sent (`X-RateLimit-Remaining: 97`); empty when it sends none.
    public var rateLimit: [String: String]

    public init(latency: Duration, status: Int? = nil, error: APIError? = nil, totalCount: Int? = nil, rateLimit: [String: String] = [:]) {
        self.latency = latency
        self.status = status
        self.error = error
        self.totalCount = totalCount
        self.rateLimit = rateLimit
    }
}

extension HTTPEmailsAPI {
    /// Sends one small list request, once: no retries, so a server that is down shows at once.
    public func probe() async -> APIProbe {
        let request = ProductiveRequest.emails(EmailFilter(), page: PageRequest(number: 1, size: 1))
        let started = clock.now()
        let result = await perform(request)
        let latency = clock.now() - started
        switch result {
        case .success(let answer) where (200...299).contains(answer.status):
            do {
                let page = try DocumentDecoder.emailPage(answer.body, requested: PageRequest(number: 1, size: 1))
                return APIProbe(latency: latency, status: answer.status, totalCount: page.meta.totalCount, rateLimit: answer.rateLimit)
            } catch {
                return APIProbe(latency: latency, status: answer.status, error: error, rateLimit: answer.rateLimit)
            }
        case .success(let answer):
            let error = StatusError.map(
                status: answer.status, retryAfter: answer.retryAfter.flatMap { RetryAfter.parse($0, now: clock.date()) },
                body: answer.body, subject: request.subject, isRecord: false, request: request.line, token: configuration.token)
            return APIProbe(latency: latency, status: answer.status, error: error, rateLimit: answer.rateLimit)
        case .failure(let transport):
            let error = transport.apiError(host: configuration.host, configuration: configuration, request: request.line)
            return APIProbe(latency: latency, error: error, rateLimit: [:])
        }
    }
}
