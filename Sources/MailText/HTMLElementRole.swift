/// How an HTML element turns into plain text.
enum HTMLElementRole: Equatable {
    /// Inline: its text flows with the surrounding text (`b`, `span`, unknown elements).
    case inline
    /// Not rendered at all, children included (`script`, `style`, `head`...).
    case skipped
    /// A block on its own lines: `breaks` is 1 for a new line, 2 for a blank line.
    case block(breaks: Int)
    case lineBreak
    case list(ordered: Bool)
    case listItem
    case definition
    case quote
    case preformatted
    case rule
    case image
    case link
    case table
    case tableRow
    case tableCell

    init(tag: String) {
        self = Self.byTag[tag] ?? .inline
    }

    /// Paragraph-like blocks get a blank line around them. `div` and other generic
    /// containers only start a new line: mail composers (Gmail, Apple Mail) write one
    /// `div` per line and `<div><br></div>` for an empty one, so a blank line per `div`
    /// would double-space every such message.
    private static let byTag: [String: HTMLElementRole] = {
        var roles: [String: HTMLElementRole] = [:]
        for tag in ["script", "style", "head", "title", "template", "noscript", "svg", "math",
                    "iframe", "frame", "frameset", "object", "embed", "applet", "canvas",
                    "audio", "video", "map", "datalist", "select"] {
            roles[tag] = .skipped
        }
        for tag in ["p", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "figure", "fieldset",
                    "address", "details"] {
            roles[tag] = .block(breaks: 2)
        }
        for tag in ["div", "section", "article", "aside", "header", "footer", "main", "nav",
                    "center", "form", "hgroup", "figcaption", "summary", "caption", "legend",
                    "dt", "body", "html", "tbody", "thead", "tfoot", "option", "label"] {
            roles[tag] = .block(breaks: 1)
        }
        roles["br"] = .lineBreak
        roles["ul"] = .list(ordered: false)
        roles["menu"] = .list(ordered: false)
        roles["dir"] = .list(ordered: false)
        roles["ol"] = .list(ordered: true)
        roles["li"] = .listItem
        roles["dd"] = .definition
        roles["blockquote"] = .quote
        roles["pre"] = .preformatted
        roles["listing"] = .preformatted
        roles["xmp"] = .preformatted
        roles["plaintext"] = .preformatted
        roles["hr"] = .rule
        roles["img"] = .image
        roles["a"] = .link
        roles["table"] = .table
        roles["tr"] = .tableRow
        roles["td"] = .tableCell
        roles["th"] = .tableCell
        return roles
    }()
}
