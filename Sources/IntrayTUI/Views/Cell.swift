import MailText

/// Untrusted text made safe and fitted to a column: sanitised to one line, cut at display
/// width with the ellipsis, padded to exactly `width` cells.
func cell(_ text: String?, width: Int, ellipsis: String, alignRight: Bool = false) -> String {
    guard width > 0 else { return "" }
    let safe = TerminalText.sanitizeLine(text ?? "")
    guard alignRight else { return DisplayWidth.fit(safe, toWidth: width, ellipsis: ellipsis) }
    let cut = DisplayWidth.truncate(safe, toWidth: width, ellipsis: ellipsis)
    return String(repeating: " ", count: max(width - DisplayWidth.of(cut), 0)) + cut
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
