import IntrayCore
import MailText

/// The wrapped body of the email in the detail pane, kept between frames: sanitising,
/// converting HTML, numbering links and wrapping happen once per email and width, not once
/// per keystroke. Owned by the UI thread.
public final class BodyCache {
    /// A body as the pane draws it: the text with its links listed under it, wrapped, and the
    /// links by number.
    struct Body {
        var wrapped: WrappedText
        var links: [String]
    }

    private var key: (id: String, width: Int, body: Int, heading: String)?
    private var linked: LinkedText?
    private var body: Body?

    public init() {}

    /// `heading` titles the list of links under the body (it names the key that opens one).
    func body(of email: Email, width: Int, linksHeading: String) -> Body {
        let bodyHash = (email.body?.utf8.count ?? 0) &+ (email.bodyHTML?.utf8.count ?? 0) &* 31
        if let key, key.id == email.id, key.body == bodyHash {
            if key.width == width, key.heading == linksHeading, let body { return body }
        } else {
            linked = nil
        }
        let linked = self.linked ?? LinkedText.body(plain: email.body, html: email.bodyHTML, snippet: email.snippet)
        let result = Body(wrapped: WrappedText(linked.readable(heading: linksHeading, width: width), width: width), links: linked.links)
        self.linked = linked
        key = (email.id, width, bodyHash, linksHeading)
        body = result
        return result
    }
}
