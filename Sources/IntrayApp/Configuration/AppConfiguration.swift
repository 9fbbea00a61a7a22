import Foundation
import ProductiveAPI

/// Where Intray finds Productive and with which credentials. Each value is taken from the
/// first place that has it: the `--api-url` option, then the environment
/// (`INTRAY_API_URL`, `PRODUCTIVE_API_TOKEN`, `PRODUCTIVE_ORG_ID`), then `config.toml`.
///
/// Its descriptions never show the token.
public struct AppConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public static let defaultAPIURL = ProductiveConfiguration.productionURL
    /// How long `token_command` may run before Intray stops it.
    public static let tokenCommandTimeout: Duration = TokenCommand.defaultTimeout

    public var apiURL: URL
    public var token: String
    public var organizationID: String

    public init(apiURL: URL, token: String, organizationID: String) {
        self.apiURL = apiURL
        self.token = token
        self.organizationID = organizationID
    }

    /// Why Intray cannot start, in one sentence, before the terminal is touched.
    /// Never contains the token or the output of `token_command`.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// Merges the option, the chosen profile, the environment and `file`, in that order of
    /// precedence. Runs `token_command` (blocking, up to `tokenCommandTimeout`) only when
    /// no token comes first and everything else needed is present. With a profile chosen,
    /// every sentence names it.
    public static func resolve(
        environment: [String: String],
        apiURL option: String?,
        file: ConfigFile,
        tokenCommandTimeout: Duration = AppConfiguration.tokenCommandTimeout
    ) throws(Problem) -> AppConfiguration {
        do {
            return try resolveUnnamed(environment: environment, apiURL: option, file: file, tokenCommandTimeout: tokenCommandTimeout)
        } catch {
            guard let profile = file.profile, !error.description.contains(profile.label) else { throw error }
            var sentence = error.description
            if sentence.hasSuffix(".") { sentence.removeLast() }
            throw Problem(description: "\(sentence) (profile \(profile.name), \(profile.label) in \(file.displayPath)).")
        }
    }

    /// Where the token comes from, for `intray doctor`; never the token itself.
    public enum TokenOrigin: Sendable, Equatable {
        case environment
        case tokenCommand(profile: String?)
        case file
    }

    /// Where `resolve` takes the token from for this environment and file, or nil when none is set.
    public static func tokenOrigin(environment: [String: String], file: ConfigFile) -> TokenOrigin? {
        if file.profile?.tokenCommand != nil { return .tokenCommand(profile: file.profile?.name) }
        if let value = environment["PRODUCTIVE_API_TOKEN"]?.trimmingWhitespace(), !value.isEmpty {
            return .environment
        }
        switch file.token {
        case .command?: return .tokenCommand(profile: nil)
        case .literal?: return .file
        case nil: return nil
        }
    }

    private static func resolveUnnamed(
        environment: [String: String],
        apiURL option: String?,
        file: ConfigFile,
        tokenCommandTimeout: Duration
    ) throws(Problem) -> AppConfiguration {
        let nonEmpty = { (name: String) -> String? in
            guard let value = environment[name]?.trimmingWhitespace(), !value.isEmpty else { return nil }
            return value
        }
        let profile = file.profile
        var url = profile?.apiURL ?? file.apiURL ?? defaultAPIURL
        if let urlText = option ?? (profile?.apiURL == nil ? nonEmpty("INTRAY_API_URL") : nil) {
            guard let parsed = httpURL(urlText) else {
                throw Problem(description: "The API URL “\(urlText)” is not an http(s) URL (for example \(defaultAPIURL.absoluteString)).")
            }
            url = parsed
        }

        let tokenSource: ConfigFile.TokenSource?
        if let command = profile?.tokenCommand {
            tokenSource = .command(command)
        } else if let value = nonEmpty("PRODUCTIVE_API_TOKEN") {
            tokenSource = .literal(value)
        } else {
            tokenSource = file.token
        }
        let organization = profile?.organizationID ?? nonEmpty("PRODUCTIVE_ORG_ID") ?? file.organizationID
        var missing: [String] = []
        if tokenSource == nil {
            missing.append("PRODUCTIVE_API_TOKEN (a personal token from Productive: Settings → API integrations)")
        }
        if organization == nil { missing.append("PRODUCTIVE_ORG_ID (your numeric organization id)") }
        guard missing.isEmpty, let organization, let tokenSource else {
            throw Problem(description: "Set \(missing.joined(separator: " and ")), or run `intray --demo` to try Intray on demo data.")
        }
        guard organization.allSatisfy(\.isNumber) else {
            throw Problem(description: "PRODUCTIVE_ORG_ID must be the numeric organization id, not “\(organization)”.")
        }

        let token: String
        switch tokenSource {
        case .literal(let value):
            token = value
        case .command(let command):
            let subject = profile.map { "\(file.displayPath) \($0.label)" } ?? file.displayPath
            do {
                token = try TokenCommand(command: command, environment: environment, timeout: tokenCommandTimeout).run()
            } catch {
                throw Problem(description: error.sentence(displayPath: subject))
            }
        }
        return AppConfiguration(apiURL: url, token: token, organizationID: organization)
    }

    /// `text` as an absolute http or https URL with a host, else nil.
    static func httpURL(_ text: String) -> URL? {
        guard let parsed = URL(string: text), let scheme = parsed.scheme?.lowercased(),
              ["http", "https"].contains(scheme), parsed.host != nil
        else { return nil }
        return parsed
    }

    public var description: String {
        "AppConfiguration(apiURL: \(apiURL.absoluteString), organizationID: \(organizationID), token: [redacted])"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["apiURL": apiURL, "organizationID": organizationID, "token": "[redacted]"], displayStyle: .struct)
    }
}
