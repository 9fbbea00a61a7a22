import Foundation
import GRDB
import Hummingbird
import Logging

/// A local Productive-compatible server for emails and deals, with demo data: what
/// `intray sandbox` runs and what tests talk to over loopback.
///
/// ```swift
/// let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 1_000))
/// // point a client at sandbox.baseURL with sandbox.token and sandbox.organizationID
/// await sandbox.stop()
/// ```
///
/// Every request needs `X-Auth-Token: token`, `X-Organization-Id: organizationID` and
/// `Content-Type: application/vnd.api+json`; see `RequestGate` for the order of the checks.
/// State lives in SQLite (GRDB), in memory or in `databasePath`; the runtime knobs live in an actor.
public final class Sandbox: Sendable {
    /// The API root, e.g. `http://127.0.0.1:54321/api/v2`.
    public let baseURL: URL
    /// The `X-Auth-Token` the sandbox accepts.
    public let token: String
    /// The `X-Organization-Id` the sandbox accepts.
    public let organizationID: String

    private let controls: SandboxControls
    private let emails: EmailStore
    private let database: DatabaseQueue
    private let server: Task<Void, any Error>

    private init(
        baseURL: URL, configuration: SandboxConfiguration, controls: SandboxControls, database: DatabaseQueue,
        server: Task<Void, any Error>
    ) {
        self.baseURL = baseURL
        token = configuration.token
        organizationID = configuration.organizationID
        self.controls = controls
        self.database = database
        emails = EmailStore(database: database)
        self.server = server
    }

    deinit {
        server.cancel()
    }

    /// Opens (and when empty, seeds) the database, binds, and returns once the server listens.
    public static func start(_ configuration: SandboxConfiguration) async throws -> Sandbox {
        try SandboxStartError.validate(configuration)
        let database: DatabaseQueue
        do {
            database = try configuration.databasePath.map { try DatabaseQueue(path: $0) } ?? DatabaseQueue()
        } catch {
            throw SandboxStartError("Cannot open the sandbox database at \(configuration.databasePath ?? "memory"): \(error)")
        }
        let reference = (configuration.referenceDate ?? Date()).milliseconds
        try await DemoSeeder.prepare(
            database, data: DemoData(seed: configuration.seed, emailCount: configuration.emailCount, reference: reference)
        )

        let controls = SandboxControls(configuration)
        let timestamps = TimestampFormat(timeZone: configuration.timeZone)
        let router = Router()
        router.add(middleware: RequestGate(controls: controls, token: configuration.token, organizationID: configuration.organizationID))
        let api = router.group("api/v2")
        EmailRoutes(store: EmailStore(database: database), organizationID: configuration.organizationID, timestamps: timestamps)
            .register(on: api)
        DealRoutes(store: DealStore(database: database), organizationID: configuration.organizationID, timestamps: timestamps)
            .register(on: api)

        let listening = ListeningSignal()
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in listening.resolve(.success(channel.localAddress?.port ?? configuration.port)) },
            logger: Logger(label: "ProductiveSandbox", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let server = Task {
            do {
                try await app.run()
                listening.resolve(.failure(SandboxStartError("The sandbox server stopped before it listened.")))
            } catch {
                listening.resolve(.failure(SandboxStartError("The sandbox could not listen on \(configuration.host):\(configuration.port): \(error)")))
                throw error
            }
        }
        let port: Int
        do {
            port = try await listening.port
        } catch {
            server.cancel()
            throw error
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return Sandbox(
            baseURL: URL(string: "http://\(host):\(port)/api/v2")!, configuration: configuration, controls: controls,
            database: database, server: server
        )
    }

    /// Stops listening and closes the database. Safe to call more than once.
    public func stop() async {
        server.cancel()
        _ = await server.result
        try? database.close()
    }

    /// Serves until the calling task is cancelled (then stops), or until the server fails.
    public func runUntilCancelled() async throws {
        do {
            try await withTaskCancellationHandler {
                try await server.value
            } onCancel: {
                server.cancel()
            }
        } catch is CancellationError {
            // Cancellation is how the caller asks us to stop: not an error.
        }
        try? database.close()
    }

    // MARK: - Inspection (the database, not HTTP)

    /// The email as stored; nil when it was deleted or never existed.
    public func storedEmail(id: String) async throws -> SandboxEmail? {
        guard let numeric = Int64(id) else { return nil }
        return try await emails.email(id: numeric)
    }

    /// Ids newest first (the order `GET /emails` lists), of one status (1, 2, 3) or all.
    public func storedEmailIDs(status: Int? = nil) async throws -> [String] {
        try await emails.ids(status: status).map { String($0) }
    }

    /// Counts of what the sandbox has answered so far.
    public var statistics: SandboxStatistics {
        get async { await controls.statistics }
    }

    // MARK: - Knobs

    /// Fraction (0...1) of requests to answer with an injected 500 or 503 from now on.
    public func setFailureRate(_ rate: Double) async {
        await controls.setFailureRate(rate)
    }

    /// Delay added before every response from now on.
    public func setLatency(_ latency: Duration) async {
        await controls.setLatency(latency)
    }

    /// Replaces the rate limit (nil: none) and forgets the requests counted so far.
    public func setRateLimit(_ limit: SandboxRateLimit?) async {
        await controls.setRateLimit(limit)
    }
}

/// Why a sandbox could not start, as a sentence for the user.
public struct SandboxStartError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ description: String) {
        self.description = description
    }

    static func validate(_ configuration: SandboxConfiguration) throws {
        guard (0...1_000_000).contains(configuration.emailCount) else {
            throw SandboxStartError("The email count must be between 0 and 1,000,000, not \(configuration.emailCount).")
        }
        guard (0...1).contains(configuration.failureRate) else {
            throw SandboxStartError("The failure rate must be between 0 and 1, not \(configuration.failureRate).")
        }
        guard (0...65_535).contains(configuration.port) else {
            throw SandboxStartError("The port must be between 0 and 65535, not \(configuration.port).")
        }
        if let limit = configuration.rateLimit, limit.requests < 1 || limit.per <= .zero {
            throw SandboxStartError("The rate limit needs at least one request per a positive duration.")
        }
        guard !configuration.token.isEmpty else { throw SandboxStartError("The sandbox token must not be empty.") }
    }
}
