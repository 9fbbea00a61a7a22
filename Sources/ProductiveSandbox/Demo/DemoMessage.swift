import Foundation

/// One demo message's text, written out as plain text, as simple HTML (a multipart
/// alternative) or as the richer HTML of an HTML-only email: paragraphs, a list, a link, a table.
struct DemoMessage: Sendable {
    var greeting: String
    var paragraphs: [String]
    var signOff: String
    /// Sender name (when known) and company, one per line.
    var signature: [String]
    var link: String
    /// The sender's website, linked from the signature of the HTML-only emails.
    var website: String
    /// The plain text also points to the proposal at `link`.
    var linksInText = false

    var plainText: String {
        let pointer = linksInText ? ["The full proposal is on our portal: \(link)"] : []
        return ([greeting] + paragraphs + pointer + [([signOff + ","] + signature).joined(separator: "\n")]).joined(separator: "\n\n")
    }

    /// The start of the text on one line: at most 139 bytes of it and an ellipsis.
    var snippet: String {
        let text = paragraphs.isEmpty ? greeting : greeting + " " + paragraphs[0]
        guard text.utf8.count > 140 else { return text }
        // Cut by bytes, stepping back to a scalar boundary: per-character loops over
        // 100,000 messages are what made seeding slow in debug builds.
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: 139)
        while end.samePosition(in: text.unicodeScalars) == nil { end = text.utf8.index(before: end) }
        return String(text.unicodeScalars[..<end]).trimmingSpaces + "…"
    }

    var simpleHTML: String {
        let body = ([greeting] + paragraphs).map { "<p>\(Self.escape($0))</p>" }.joined()
        return "<html><body>\(body)\(signatureHTML)</body></html>"
    }

    var richHTML: String {
        var html = "<html><head><style>td{padding:4px}</style></head><body>"
        html += "<p>\(Self.escape(greeting))</p>"
        html += "<p>\(Self.escape(paragraphs[0]))</p>"
        html += "<ul><li>Design: 24 h</li><li>Development: 60 h</li><li>Testing &amp; launch: 12 h</li></ul>"
        html += "<table><thead><tr><th>Item</th><th>Hours</th><th>Amount</th></tr></thead><tbody>"
        html += "<tr><td>Design</td><td>24</td><td>€2,160.00</td></tr>"
        html += "<tr><td>Development</td><td>60</td><td>€5,400.00</td></tr>"
        html += "<tr><td>Testing &amp; launch</td><td>12</td><td>€1,080.00</td></tr>"
        html += "</tbody></table>"
        for paragraph in paragraphs.dropFirst() { html += "<p>\(Self.escape(paragraph))</p>" }
        html += "<p>The full proposal is <a href=\"\(Self.escape(link))\">on our portal</a>.</p>"
        return html + signatureHTML + "<p><a href=\"\(Self.escape(website))\">\(Self.escape(website))</a></p></body></html>"
    }

    private var signatureHTML: String {
        "<p>\(([signOff + ","] + signature).map(Self.escape).joined(separator: "<br>"))</p>"
    }

    /// Most demo text needs no escaping; a scan over the raw UTF-8 finds that out cheaply even
    /// in debug builds, where iterating a String's views is slow enough to matter at 100,000 emails.
    private static func escape(_ text: String) -> String {
        var text = text
        let needsEscaping = text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 { return true }  // & < > "
                index += 1
            }
            return false
        }
        guard needsEscaping else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
