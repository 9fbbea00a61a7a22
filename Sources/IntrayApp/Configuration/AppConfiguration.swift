import Foundation

/// Where Intray finds Productive and with which credentials. Each value is taken from the
/// first place that has it: the `--api-url` option, then the environment
/// (`INTRAY_API_URL`, `PRODUCTIVE_API_TOKEN`, `PRODUCTIVE_ORG_ID`), then `config.toml`.
///
/// Its descriptions never show the token.
public struct AppConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public static let defaultAPIURL = URL(string: "https://api.productive.io/api/v2")!
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

    /// Merges the option, the environment and `file`, in that order of precedence. Runs
    /// `token_command` (blocking, up to `tokenCommandTimeout`) only when the environment
    /// has no token and everything else needed is present.
    public static func resolve(
        environment: [String: String],
        apiURL option: String?,
        file: ConfigFile,
        tokenCommandTimeout: Duration = AppConfiguration.tokenCommandTimeout
    ) throws(Problem) -> AppConfiguration {
        let nonEmpty = { (name: String) -> String? in
            guard let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        var url = file.apiURL ?? defaultAPIURL
        if let urlText = option ?? nonEmpty("INTRAY_API_URL") {
            guard let parsed = httpURL(urlText) else {
                throw Problem(description: "The API URL “\(urlText)” is not an http(s) URL (for example https://api.productive.io/api/v2).")
            }
            url = parsed
        }

        let environmentToken = nonEmpty("PRODUCTIVE_API_TOKEN")
        let organization = nonEmpty("PRODUCTIVE_ORG_ID") ?? file.organizationID
        var missing: [String] = []
        if environmentToken == nil && file.token == nil {
            missing.append("PRODUCTIVE_API_TOKEN (a personal token from Productive: Settings → API integrations)")
        }
        if organization == nil { missing.append("PRODUCTIVE_ORG_ID (your numeric organization id)") }
        guard missing.isEmpty, let organization else {
            throw Problem(description: "Set \(missing.joined(separator: " and ")), or run `intray --demo` to try Intray on demo data.")
        }
        guard organization.allSatisfy(\.isNumber) else {
            throw Problem(description: "PRODUCTIVE_ORG_ID must be the numeric organization id, not “\(organization)”.")
        }

        let token: String
        switch (environmentToken, file.token) {
        case (let value?, _), (nil, .literal(let value)?):
            token = value
        case (nil, .command(let command)?):
            do {
                token = try TokenCommand(command: command, environment: environment, timeout: tokenCommandTimeout).run()
            } catch {
                throw Problem(description: error.sentence(displayPath: file.displayPath))
            }
        case (nil, nil):
            preconditionFailure("a missing token is reported above")
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
