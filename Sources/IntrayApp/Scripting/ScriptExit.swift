import IntrayCore

/// The exit statuses of the scripting commands, as `intray --help` documents them.
public enum ScriptExit: Int32, Sendable {
    /// Everything was done.
    case ok = 0
    /// Some items failed; each is named on stderr as `ID: reason`.
    case someFailed = 1
    /// The command line or the configuration is wrong.
    case usage = 2
    /// Productive refused the token (401) or access (403).
    case refused = 3
    /// Productive could not be reached.
    case unreachable = 4

    /// The status for a command that failed with `error` as a whole.
    public static func forFailure(_ error: APIError) -> ScriptExit {
        switch error.kind {
        case .unauthorized, .forbidden: .refused
        case .connectionFailed, .timeout, .tls: .unreachable
        case .insecureURL, .badRequest, .notFound: .usage
        default: .someFailed
        }
    }

    /// True when `error` ends a run of actions: every later one would fail the same way.
    static func stopsEverything(_ error: APIError) -> Bool {
        [.refused, .unreachable].contains(forFailure(error))
    }
}

/// A scripting command that cannot go on, with its exit status and one sentence for stderr.
public struct ScriptFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var exit: ScriptExit
    public var message: String

    public init(_ exit: ScriptExit, _ message: String) {
        self.exit = exit
        self.message = message
    }

    public init(_ error: APIError) {
        self.init(ScriptExit.forFailure(error), error.message)
    }

    public var description: String { message }
}
