import Foundation

/// Where Productive's web app shows an email, written by the user as an address with `{id}`
/// in place of the email's id (`email_web_url`). The API reference gives no web addresses,
/// so Intray takes the user's word for the form rather than guess it.
public struct EmailWebAddress: Sendable, Equatable {
    public static let placeholder = "{id}"

    public let template: String

    /// Nil unless `template` is an `http://` or `https://` address holding `{id}`, without
    /// spaces or controls.
    public init?(template: String) {
        let lowered = template.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), template.contains(Self.placeholder),
              !template.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) })
        else { return nil }
        self.template = template
    }

    /// The address of the email `id`, escaped as one path segment (`PathSegment`), so an id
    /// cannot change where the address goes.
    public func address(of id: String) -> String {
        template.replacingOccurrences(of: Self.placeholder, with: PathSegment.encoded(id))
    }
}
