internal import CLibXML2

/// Walks a libxml2 HTML tree in document order, without recursion, and tells an
/// ``HTMLTextWriter`` what each element means.
struct HTMLTreeRenderer {
    private let glyphs: HTMLText.Glyphs
    private var writer: HTMLTextWriter
    /// What to undo when leaving each element on the path from the root.
    private var frames: [Frame] = []
    /// Open lists, innermost last: ordered or not, and the next item's number.
    private var lists: [(ordered: Bool, next: Int)] = []
    /// Open table rows: the writer's content count when each began.
    private var rows: [Int] = []
    /// The links written so far, numbered.
    private var numbers = LinkNumbers()
    /// Links entered and not yet left: their text is not numbered again.
    private var openLinks = 0

    private enum Frame {
        case inline
        case block(breaks: Int)
        case list
        case prefixed(breaks: Int)
        case preformatted
        /// The link's target, and the writer's content count when it began.
        case link(href: String?, contentAt: Int)
        case table
        case tableRow
    }

    init(glyphs: HTMLText.Glyphs) {
        self.glyphs = glyphs
        writer = HTMLTextWriter(placeholder: glyphs.placeholder)
    }

    func finish() -> LinkedText {
        LinkedText(text: writer.finish(), links: numbers.links)
    }

    mutating func render(_ document: xmlDocPtr) {
        let root = UnsafeMutableRawPointer(document)
        var next = document.pointee.children
        while let node = next {
            if visit(node), let child = node.pointee.children {
                next = child
                continue
            }
            // Done with `node` (and its subtree): move to its next sibling, leaving every
            // element whose last child this was.
            var current = node
            next = nil
            while true {
                if let sibling = current.pointee.next {
                    next = sibling
                    break
                }
                guard let parent = current.pointee.parent, UnsafeMutableRawPointer(parent) != root else { break }
                leave()
                current = parent
            }
        }
    }

    /// A text node's text; outside a link, a bare `http(s)://` address in it gets a number as
    /// in a plain body, since many HTML bodies write addresses as text.
    private mutating func writeText(_ raw: String) {
        guard openLinks == 0 else { return writer.writeText(raw) }
        writer.writeSanitizedText(PlainAddress.numbered(TerminalText.sanitizeKeepingTabs(raw, placeholder: glyphs.placeholder), &numbers))
    }

    /// Handles entering `node`; true when its children are to be visited. An element for
    /// which this returns true is left (via `leave`) once its subtree is done.
    private mutating func visit(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                writeText(String(cString: content))
            }
            return false
        case XML_ELEMENT_NODE:
            guard let name = node.pointee.name else { return false }
            let role = HTMLElementRole(tag: String(cString: name))
            if role == .skipped || Self.isHidden(node) { return false }
            enter(role, node)
            guard node.pointee.children != nil else {
                leave()
                return false
            }
            return true
        default:
            return false  // comments, processing instructions, the doctype
        }
    }

    private mutating func enter(_ role: HTMLElementRole, _ node: xmlNodePtr) {
        switch role {
        case .inline, .skipped:
            frames.append(.inline)
        case .block(let breaks):
            writer.requestBreaks(breaks)
            frames.append(.block(breaks: breaks))
        case .lineBreak:
            writer.lineBreak()
            frames.append(.inline)
        case .list(let ordered):
            writer.requestBreaks(lists.isEmpty ? 2 : 1)
            let start = Self.attribute("start", of: node).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            lists.append((ordered, min(max(start ?? 1, -999_999), 999_999)))
            frames.append(.list)
        case .listItem:
            writer.requestBreaks(1)
            var marker = glyphs.bullet + " "
            if let list = lists.last {
                if list.ordered { marker = "\(list.next). " }
                lists[lists.count - 1].next += 1
            }
            writer.pushPrefix(marker: marker, continuation: String(repeating: " ", count: DisplayWidth.of(marker)))
            frames.append(.prefixed(breaks: 1))
        case .definition:
            writer.requestBreaks(1)
            writer.pushPrefix(marker: nil, continuation: "    ")
            frames.append(.prefixed(breaks: 1))
        case .quote:
            writer.requestBreaks(2)
            writer.pushPrefix(marker: nil, continuation: "> ")
            frames.append(.prefixed(breaks: 2))
        case .preformatted:
            writer.requestBreaks(2)
            writer.beginPreformatted()
            frames.append(.preformatted)
        case .rule:
            writer.requestBreaks(2)
            writer.writeAtom(glyphs.rule)
            writer.requestBreaks(2)
            frames.append(.inline)
        case .image:
            let alt = Self.attribute("alt", of: node).map(Self.visibleText) ?? ""
            if !alt.isEmpty { writer.writeAtom("[image: \(alt)]") }
            frames.append(.inline)
        case .link:
            openLinks += 1
            frames.append(.link(href: Self.attribute("href", of: node), contentAt: writer.contentCount))
        case .table:
            writer.requestBreaks(1)
            frames.append(.table)
        case .tableRow:
            writer.requestBreaks(1)
            rows.append(writer.contentCount)
            frames.append(.tableRow)
        case .tableCell:
            if let rowStart = rows.last, writer.contentCount > rowStart {
                writer.requestSeparator(" | ")
            }
            frames.append(.inline)
        }
    }

    private mutating func leave() {
        switch frames.removeLast() {
        case .inline:
            break
        case .block(let breaks):
            writer.requestBreaks(breaks)
        case .list:
            lists.removeLast()
            writer.requestBreaks(lists.isEmpty ? 2 : 1)
        case .prefixed(let breaks):
            writer.popPrefix()
            writer.requestBreaks(breaks)
        case .preformatted:
            writer.endPreformatted()
            writer.requestBreaks(2)
        case .link(let href, let contentAt):
            openLinks -= 1
            // A link with nothing to show (a tracking pixel) gets no number.
            guard writer.contentCount > contentAt, let address = href.flatMap(LinkedText.address(fromHref:)) else { return }
            writer.requestSpace()
            writer.writeAtom("[\(numbers.number(for: address))]")
        case .table:
            writer.requestBreaks(1)
        case .tableRow:
            rows.removeLast()
            writer.requestBreaks(1)
        }
    }

    // MARK: Attributes

    /// The value of attribute `name` (libxml2 lowercases HTML attribute names).
    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        var property = node.pointee.properties
        while let attribute = property {
            if let attributeName = attribute.pointee.name, String(cString: attributeName) == name {
                var value = ""
                var child = attribute.pointee.children
                while let part = child {
                    if let content = part.pointee.content { value += String(cString: content) }
                    child = part.pointee.next
                }
                return value
            }
            property = attribute.pointee.next
        }
        return nil
    }

    /// Hidden the way mail clients honour: the `hidden` attribute, or an inline style
    /// with `display: none` (preheaders, tracking blocks).
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.properties != nil else { return false }
        if attribute("hidden", of: node) != nil { return true }
        guard let style = attribute("style", of: node) else { return false }
        // CSS spaces and letters are ASCII: bytes, not Foundation's string search.
        let compact = style.utf8.filter { $0 != 0x20 && !(0x09...0x0D).contains($0) }.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        return ByteSearch.contains(Array("display:none".utf8), in: compact)
    }

    /// An attribute value as one line of visible text.
    static func visibleText(_ string: String) -> String {
        collapsingWhitespace(TerminalText.sanitizeLine(string, lineBreak: " "))
    }

    static func collapsingWhitespace(_ string: String) -> String {
        string.split(whereSeparator: { $0.unicodeScalars.allSatisfy(HTMLTextWriter.isCollapsible) })
            .joined(separator: " ")
    }
}
