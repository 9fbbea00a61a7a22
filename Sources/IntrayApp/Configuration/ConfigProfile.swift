import Foundation
import IntrayCore

/// One `[profile.NAME]` table of `config.toml`: another Productive account or organization,
/// chosen with `--profile NAME` or `INTRAY_PROFILE`. Its keys win over the environment and
/// the file's top-level keys, because choosing a profile is an explicit act.
public struct ConfigProfile: Sendable, Equatable {
    /// The keys a profile may hold, in the order the documentation lists them.
    public static let keys = ["api_url", "organization_id", "token_command", "email_web_url"]

    public var name: String
    public var apiURL: URL?
    /// Digits only, already checked.
    public var organizationID: String?
    public var tokenCommand: String?
    /// Another organization's emails are at other web addresses.
    public var emailWebAddress: EmailWebAddress?

    public init(name: String, apiURL: URL? = nil, organizationID: String? = nil, tokenCommand: String? = nil) {
        self.name = name
        self.apiURL = apiURL
        self.organizationID = organizationID
        self.tokenCommand = tokenCommand
    }

    /// How messages name it: `[profile.work]`.
    public var label: String { "[profile.\(name)]" }
}

extension ConfigFile {
    /// The profile named by `option`, else by `INTRAY_PROFILE`, applied to this file; the
    /// file unchanged when neither names one.
    public func choosingProfile(_ option: String?, environment: [String: String]) throws(AppConfiguration.Problem) -> ConfigFile {
        let fromEnvironment = environment["INTRAY_PROFILE"]?.trimmingWhitespace()
        guard let name = option ?? (fromEnvironment?.isEmpty == false ? fromEnvironment : nil) else { return self }
        guard let profile = profiles[name] else {
            let source = option == nil ? "INTRAY_PROFILE names" : "--profile names"
            if profiles.isEmpty {
                throw AppConfiguration.Problem(description: "\(source) profile “\(name)”, but \(displayPath) has no [profile.…] tables; add [profile.\(name)] with api_url, organization_id, token_command and email_web_url.")
            }
            let known = profiles.keys.sorted().joined(separator: ", ")
            throw AppConfiguration.Problem(description: "\(source) profile “\(name)”, but \(displayPath) has no [profile.\(name)]; its profiles are \(known).")
        }
        var chosen = self
        chosen.profile = profile
        return chosen
    }

    /// Reads the file, then applies the profile `option` or `INTRAY_PROFILE` names.
    public static func load(environment: [String: String], profile option: String?) throws(AppConfiguration.Problem) -> ConfigFile {
        try load(environment: environment).choosingProfile(option, environment: environment)
    }
}
