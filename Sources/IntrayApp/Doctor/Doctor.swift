import Foundation
import IntrayCore
import ProductiveAPI

/// `intray doctor`: checks the terminal, the configuration, the token, the API and the
/// files, one `DoctorCheck` each. Never shows the token or the output of `token_command`.
public struct Doctor: Sendable {
    public var environment: [String: String]
    /// `--api-url`.
    public var apiURL: String?
    /// `--profile`; `INTRAY_PROFILE` when nil.
    public var profile: String?
    public var terminal: TerminalFacts
    /// How long the API request may take in all.
    public var requestTimeout: Duration = .seconds(10)
    public var tokenCommandTimeout: Duration = AppConfiguration.tokenCommandTimeout
    /// An answer slower than this is a warning.
    public var slowAnswer: Duration = .seconds(2)

    public init(environment: [String: String], apiURL: String?, profile: String?, terminal: TerminalFacts) {
        self.environment = environment
        self.apiURL = apiURL
        self.profile = profile
        self.terminal = terminal
    }

    public func run() async -> [DoctorCheck] {
        var checks = TerminalChecks.checks(terminal, environment: environment)
        let file: ConfigFile
        do {
            file = try ConfigFile.load(environment: environment, profile: profile)
            checks.append(Self.configCheck(file))
        } catch {
            checks.append(DoctorCheck(.fail, "config", error.description))
            checks.append(DoctorCheck(.warn, "api", "not checked", advice: "fix the config file first."))
            checks += paths()
            return checks
        }
        let (tokenCheck, configuration) = credentials(file)
        checks.append(tokenCheck)
        if let configuration {
            checks += await api(configuration)
        } else {
            checks.append(DoctorCheck(.warn, "api", "not checked", advice: "fix the line above first."))
        }
        checks += paths()
        return checks
    }

    static func configCheck(_ file: ConfigFile) -> DoctorCheck {
        var info = stat()
        guard stat(file.url.path, &info) == 0 else {
            return DoctorCheck(.ok, "config", "no \(file.displayPath); the environment and defaults apply")
        }
        let mode = info.st_mode & 0o777
        var finding = "\(file.displayPath), mode \(String(mode, radix: 8))"
        if let profile = file.profile { finding += ", profile \(profile.name)" }
        if !file.profiles.isEmpty, file.profile == nil {
            finding += ", profiles \(file.profiles.keys.sorted().joined(separator: ", ")) (none chosen)"
        }
        if mode & 0o022 != 0 {
            return DoctorCheck(.warn, "config", finding + ": other users can change it, and with it token_command",
                               advice: "run `chmod 600 \(ConfigFile.shellWord(for: file.url, displayPath: file.displayPath))`.")
        }
        return DoctorCheck(.ok, "config", finding)
    }

    /// Where the token comes from, and the configuration when everything resolves.
    func credentials(_ file: ConfigFile) -> (DoctorCheck, AppConfiguration?) {
        let origin: String
        switch AppConfiguration.tokenOrigin(environment: environment, file: file) {
        case .environment?: origin = "from PRODUCTIVE_API_TOKEN"
        case .tokenCommand(let profile?)?: origin = "from token_command of [profile.\(profile)]"
        case .tokenCommand(nil)?: origin = "from token_command in \(file.displayPath)"
        case .file?: origin = "from token in \(file.displayPath)"
        case nil: origin = "none set"
        }
        do {
            let configuration = try AppConfiguration.resolve(
                environment: environment, apiURL: apiURL, file: file, tokenCommandTimeout: tokenCommandTimeout)
            return (DoctorCheck(.ok, "token", origin + " (not shown)"), configuration)
        } catch {
            return (DoctorCheck(.fail, "token", origin + ": " + error.description), nil)
        }
    }

    func api(_ configuration: AppConfiguration) async -> [DoctorCheck] {
        let url = configuration.apiURL.absoluteString
        let client: HTTPEmailsAPI
        do {
            var settings = try ProductiveConfiguration(baseURL: configuration.apiURL, token: configuration.token, organizationID: configuration.organizationID)
            settings.timeout = requestTimeout
            settings.connectTimeout = min(requestTimeout, .seconds(5))
            client = HTTPEmailsAPI(configuration: settings)
        } catch {
            return [DoctorCheck(.fail, "api", error.message)]
        }
        let probe = await client.probe()
        try? await client.shutdown()
        return [Self.apiCheck(probe, url: url, organization: configuration.organizationID, slow: slowAnswer), Self.rateLimitCheck(probe)]
    }

    static func apiCheck(_ probe: APIProbe, url: String, organization: String, slow: Duration) -> DoctorCheck {
        let milliseconds = Int((probe.latency / .milliseconds(1)).rounded())
        let request = "GET \(url)/emails?page[size]=1"
        guard let status = probe.status else {
            return DoctorCheck(.fail, "api", "\(request) got no answer after \(milliseconds) ms: \(probe.error?.message ?? "unknown error")",
                               advice: "check the network, a proxy or firewall, and api_url; the server may be down.")
        }
        switch status {
        case 200...299 where probe.error == nil:
            let count = probe.totalCount.map { ", \($0) emails" } ?? ""
            let finding = "\(request) answered \(status) in \(milliseconds) ms: token accepted for organization \(organization)\(count)"
            if probe.latency > slow {
                return DoctorCheck(.warn, "api", finding, advice: "that is slow; expect each page of the list to take as long.")
            }
            return DoctorCheck(.ok, "api", finding)
        case 401:
            return DoctorCheck(.fail, "api", "\(request) answered 401 in \(milliseconds) ms: the token is not accepted",
                               advice: "create a new token in Productive (Settings → API integrations) and update it where the token line says.")
        case 403:
            return DoctorCheck(.fail, "api", "\(request) answered 403 in \(milliseconds) ms: organization \(organization) refused this token",
                               advice: "check organization_id or PRODUCTIVE_ORG_ID and the token's permissions.")
        case 429:
            return DoctorCheck(.warn, "api", "\(request) answered 429 in \(milliseconds) ms: the rate limit is used up for now",
                               advice: "wait a minute; another program may be using the same token.")
        default:
            return DoctorCheck(.fail, "api", "\(request) answered \(status) in \(milliseconds) ms: \(probe.error?.message ?? "unexpected answer")",
                               advice: "check api_url; if it is right, the server has a problem, so try again later.")
        }
    }

    static func rateLimitCheck(_ probe: APIProbe) -> DoctorCheck {
        let header = { (suffix: String) in
            probe.rateLimit.first { $0.key.lowercased().hasSuffix(suffix) }.flatMap { Int($0.value.trimmingWhitespace()) }
        }
        guard let remaining = header("remaining") else {
            return DoctorCheck(.ok, "rate limit", "the server does not say what is left; Intray keeps under 100 requests per 10 s and 4,000 per 30 min")
        }
        guard let limit = header("limit"), limit > 0 else {
            return DoctorCheck(.ok, "rate limit", "\(remaining) requests left")
        }
        if remaining * 10 < limit {
            return DoctorCheck(.warn, "rate limit", "\(remaining) of \(limit) requests left",
                               advice: "another program may be using the same token; Intray will wait when it runs out.")
        }
        return DoctorCheck(.ok, "rate limit", "\(remaining) of \(limit) requests left")
    }

    func paths() -> [DoctorCheck] {
        let home = environment["HOME"]
        let log = FileLogHandler.defaultURL(environment: environment)
        let cache = Self.cacheURL(environment: environment)
        return [
            Self.pathCheck("log", log.deletingLastPathComponent(), shown: ConfigFile.displayPath(of: log, home: home)),
            Self.pathCheck("cache", cache, shown: ConfigFile.displayPath(of: cache, home: home), note: " (nothing is cached on disk yet)"),
        ]
    }

    /// `$XDG_CACHE_HOME/intray`, or `~/.cache/intray`.
    static func cacheURL(environment: [String: String]) -> URL {
        let root = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        return root.appendingPathComponent("intray", isDirectory: true)
    }

    /// ok when `folder`, or the nearest folder above it that exists, is writable.
    static func pathCheck(_ subject: String, _ folder: URL, shown: String, note: String = "") -> DoctorCheck {
        var existing = folder
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            existing = existing.deletingLastPathComponent()
        }
        guard access(existing.path, W_OK) == 0 else {
            return DoctorCheck(.warn, subject, "\(shown) cannot be written (\(existing.path) is not writable)",
                               advice: "make \(existing.path) writable for you, or set XDG_STATE_HOME and XDG_CACHE_HOME to a folder that is.")
        }
        return DoctorCheck(.ok, subject, shown + note)
    }
}
