import Foundation
import IntrayCore
import Logging
import ProductiveAPI

/// How a scripting command reaches Productive: the options every command shares. One place
/// so a new connection option (a profile) is added once.
public struct ScriptConnection: Sendable {
    /// `--api-url`, which wins over `INTRAY_API_URL` and the config file.
    public var apiURL: String?

    public init(apiURL: String? = nil) {
        self.apiURL = apiURL
    }
}

/// What a scripting command works with: the app's configuration, client, pacing (shared
/// with every other process on the token), retries and log file.
public struct ScriptSession: Sendable {
    public let api: HTTPEmailsAPI
    public let file: ConfigFile
    public let logger: Logger

    /// Loads the configuration as the app does; a problem is a `ScriptFailure` with exit status 2.
    public static func open(_ connection: ScriptConnection, environment: [String: String]) throws(ScriptFailure) -> ScriptSession {
        let file: ConfigFile
        let configuration: AppConfiguration
        do {
            file = try ConfigFile.load(environment: environment)
            configuration = try AppConfiguration.resolve(environment: environment, apiURL: connection.apiURL, file: file)
        } catch {
            throw ScriptFailure(.usage, error.description)
        }
        let logURL = FileLogHandler.defaultURL(environment: environment)
        let logger = Logger(label: "intray-script") { label in
            FileLogHandler(label: label, url: logURL, secrets: [configuration.token])
        }
        do {
            let productive = try ProductiveConfiguration(
                baseURL: configuration.apiURL, token: configuration.token, organizationID: configuration.organizationID,
                sharedBudgetDirectory: SharedBudgetFile.defaultDirectory(environment: environment)
            )
            return ScriptSession(api: HTTPEmailsAPI(configuration: productive, logger: logger), file: file, logger: logger)
        } catch {
            throw ScriptFailure(.usage, error.message)
        }
    }

    public func close() async {
        try? await api.shutdown()
    }
}

extension ScriptSession {
    /// Opens a session, runs `body` with it on the process's stdin, stdout and stderr, closes
    /// it, and answers the exit status.
    public static func run(
        _ connection: ScriptConnection, _ body: (ScriptSession, ScriptIO) async -> ScriptExit
    ) async -> Int32 {
        let io = ScriptIO.standard()
        let session: ScriptSession
        do {
            session = try open(connection, environment: ProcessInfo.processInfo.environment)
        } catch {
            return report(error, io: io).rawValue
        }
        let exit = await body(session, io)
        await session.close()
        return exit.rawValue
    }
}
