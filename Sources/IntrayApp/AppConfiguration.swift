import Foundation

/// Where Intray finds Productive: from the environment (`PRODUCTIVE_API_TOKEN`,
/// `PRODUCTIVE_ORG_ID`, `INTRAY_API_URL`) and the `--api-url` option.
public struct AppConfiguration: Sendable {
    public static let defaultAPIURL = URL(string: "https://api.productive.io/api/v2")!

    public var apiURL: URL
    public var token: String
    public var organizationID: String

    /// Why Intray cannot start, in one sentence, before the terminal is touched.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    public static func resolve(environment: [String: String], apiURL option: String?) throws(Problem) -> AppConfiguration {
        let urlText = option ?? environment["INTRAY_API_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var url = defaultAPIURL
        if let urlText {
            guard let parsed = URL(string: urlText), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme), parsed.host != nil else {
                throw Problem(description: "The API URL “\(urlText)” is not an http(s) URL (for example https://api.productive.io/api/v2).")
            }
            url = parsed
        }
        var missing: [String] = []
        let token = environment["PRODUCTIVE_API_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let organization = environment["PRODUCTIVE_ORG_ID"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if token.isEmpty { missing.append("PRODUCTIVE_API_TOKEN (a personal token from Productive: Settings → API integrations)") }
        if organization.isEmpty { missing.append("PRODUCTIVE_ORG_ID (your numeric organization id)") }
        guard missing.isEmpty else {
            throw Problem(description: "Set \(missing.joined(separator: " and ")), or run `intray --demo` to try Intray on demo data.")
        }
        guard organization.allSatisfy(\.isNumber) else {
            throw Problem(description: "PRODUCTIVE_ORG_ID must be the numeric organization id, not “\(organization)”.")
        }
        return AppConfiguration(apiURL: url, token: token, organizationID: organization)
    }
}
