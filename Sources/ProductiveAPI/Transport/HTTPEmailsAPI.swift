import AsyncHTTPClient
import Foundation
import IntrayCore
import Logging
import NIOCore
import NIOHTTP1

/// `EmailsAPI` over HTTP against Productive (or anything that speaks its API, such as the sandbox).
///
/// Every request carries the token and organization headers and the JSON:API content type,
/// waits its turn at the token's `RequestPacer`, and is retried as `RetryPolicy` allows.
/// Every method throws `APIError` only.
///
/// Call `shutdown()` before dropping an instance that created its own `HTTPClient`.
public final class HTTPEmailsAPI: EmailsAPI {
    public let configuration: ProductiveConfiguration
    public let pacer: RequestPacer
    let client: HTTPClient
    private let ownsClient: Bool
    let clock: APIClock
    let random: @Sendable () -> Double
    let logger: Logger?

    /// - Parameters:
    ///   - pacer: defaults to the process-wide pacer of the configuration's token, sharing its
    ///     budget with other processes when the configuration names a shared budget folder.
    ///   - httpClient: an existing client to use (its owner shuts it down); by default one is
    ///     created and owned, without AsyncHTTPClient's own connection retries, so failures
    ///     come back at once and the retry policy decides.
    ///   - clock, random: injectable for tests.
    ///   - logger: receives one line per attempt (method, path, status, time); never the token.
    public init(
        configuration: ProductiveConfiguration,
        pacer: RequestPacer? = nil,
        httpClient: HTTPClient? = nil,
        clock: APIClock = .continuous,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        logger: Logger? = nil
    ) {
        self.configuration = configuration
        self.pacer = pacer ?? RequestPacer.shared(
            token: configuration.token, limits: configuration.rateLimits,
            sharedBudget: configuration.sharedBudgetDirectory.map { SharedBudgetFile(directory: $0, token: configuration.token) }
        )
        if let httpClient {
            client = httpClient
            ownsClient = false
        } else {
            var settings = HTTPClient.Configuration()
            settings.connectionPool.retryConnectionEstablishment = false
            // New mail is asked for every minute by default: an idle connection outlives that,
            // so a poll reuses it instead of opening (and handshaking) another, and an idle app
            // is not woken a minute after its last request to close connections.
            settings.connectionPool.idleTimeout = .minutes(5)
            settings.timeout.connect = .nanoseconds(Int64(configuration.connectTimeout.seconds * 1e9))
            settings.redirectConfiguration = .disallow
            settings.decompression = .enabled(limit: .size(configuration.maxResponseBytes))
            client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
            ownsClient = true
        }
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    /// Closes the connections of the client this instance created; does nothing for an injected one.
    public func shutdown() async throws {
        if ownsClient { try await client.shutdown() }
    }

    public func emails(_ filter: EmailFilter, page: PageRequest) async throws -> EmailPage {
        try await emails(filter, page: page, priority: .forPage(page.number))
    }

    /// `GET /emails` with an explicit pacing priority.
    public func emails(_ filter: EmailFilter, page: PageRequest, priority: RequestPriority) async throws(APIError) -> EmailPage {
        var request = ProductiveRequest.emails(filter, page: page)
        request.priority = priority
        let response = try await send(request)
        return try DocumentDecoder.emailPage(response.body, requested: page)
    }

    public func email(id: String) async throws -> Email {
        try DocumentDecoder.email(try await send(.email(id: id)).body)
    }

    public func attach(emailID: String, toDeal dealID: String) async throws -> Email {
        try await emailAfterChange(.attach(emailID: emailID, dealID: dealID), id: emailID)
    }

    public func dismiss(emailID: String) async throws -> Email {
        try await emailAfterChange(.dismiss(emailID: emailID), id: emailID)
    }

    public func delete(emailID: String) async throws {
        _ = try await send(.delete(emailID: emailID))
    }

    public func deals(_ query: DealQuery) async throws -> [Deal] {
        try DocumentDecoder.deals(try await send(.deals(query)).body)
    }

    /// The documented answer to attach and dismiss is the email; a server answering
    /// 204 without one is asked for it.
    private func emailAfterChange(_ request: ProductiveRequest, id: String) async throws(APIError) -> Email {
        let response = try await send(request)
        if response.body.isEmpty { return try DocumentDecoder.email(try await send(.email(id: id)).body) }
        return try DocumentDecoder.email(response.body)
    }
}
