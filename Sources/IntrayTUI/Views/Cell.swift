import MailText

/// Untrusted text made safe and fitted to a column: sanitised to one line, cut at display
/// width with the ellipsis, padded to exactly `width` cells.
func cell(_ text: String?, width: Int, ellipsis: String, alignRight: Bool = false) -> String {
    guard width > 0 else { return "" }
    let safe = TerminalText.sanitizeLine(text ?? "")
    guard alignRight else { return DisplayWidth.fit(safe, toWidth: width, ellipsis: ellipsis) }
    let cut = DisplayWidth.truncate(safe, toWidth: width, ellipsis: ellipsis)
    return String(copies: " ", count: width - DisplayWidth.of(cut)) + cut
}

/// Text the app wrote itself (no sanitising), fitted to `width`.
func fitted(_ text: String, width: Int, ellipsis: String) -> String {
    guard width > 0 else { return "" }
    return DisplayWidth.fit(text, toWidth: width, ellipsis: ellipsis)
}

/// The end of `text` fitted to `width`, for input lines where the latest typing matters most.
func tail(_ text: String, width: Int, ellipsis: String) -> String {
    guard DisplayWidth.of(text) > width else { return text }
    var kept = ""
    var used = DisplayWidth.of(ellipsis)
    for character in text.reversed() {
        let w = DisplayWidth.of(character)
        if used + w > width { break }
        kept.insert(character, at: kept.startIndex)
        used += w
    }
    return ellipsis + kept
}

/// A sentence fitted to `width` by shortening its first quoted part (a subject) before
/// anything else, so what the sentence says about it stays readable:
/// `Delete “Quote for the…” from Anna for good once sent (5 s to undo)?`
func sentenceCell(_ text: String, width: Int, ellipsis: String) -> String {
    let safe = TerminalText.sanitizeLine(text)
    let excess = DisplayWidth.of(safe) - width
    guard excess > 0, let open = safe.firstIndex(of: "“"),
          let close = safe[safe.index(after: open)...].firstIndex(of: "”") else {
        return cell(safe, width: width, ellipsis: ellipsis)
    }
    let quoted = safe[safe.index(after: open)..<close]
    let keep = DisplayWidth.of(String(quoted)) - excess
    guard keep >= 8 else { return cell(safe, width: width, ellipsis: ellipsis) }
    let cut = DisplayWidth.truncate(String(quoted), toWidth: keep - DisplayWidth.of(ellipsis), ellipsis: "")
    let shortened = String(cut.reversed().drop { $0 == " " }.reversed()) + ellipsis
    return cell(String(safe[...open]) + shortened + String(safe[close...]), width: width, ellipsis: ellipsis)
}
