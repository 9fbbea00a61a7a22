import IntrayCore
import MailText

/// The wrapped body of the email in the detail pane, kept between frames: sanitising,
/// converting HTML and wrapping happen once per email and width, not once per keystroke.
/// Owned by the UI thread.
public final class BodyCache {
    private var key: (id: String, width: Int, body: Int)?
    private var wrapped: WrappedText?

    public init() {}

    func body(of email: Email, width: Int) -> WrappedText {
        let bodyHash = (email.body?.utf8.count ?? 0) &+ (email.bodyHTML?.utf8.count ?? 0) &* 31
        if let key, key.id == email.id, key.width == width, key.body == bodyHash, let wrapped {
            return wrapped
        }
        let text = Self.readableText(of: email)
        let result = WrappedText(TerminalText.sanitize(text), width: width)
        key = (email.id, width, bodyHash)
        wrapped = result
        return result
    }

    /// The plain body, else the HTML body as text, else the snippet.
    static func readableText(of email: Email) -> String {
        if let body = email.body, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return body }
        if let html = email.bodyHTML, !html.isEmpty { return HTMLText.render(html) }
        if let snippet = email.snippet, !snippet.isEmpty { return snippet }
        return "(no body)"
    }
}
