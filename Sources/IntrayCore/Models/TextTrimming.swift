extension StringProtocol {
    /// Without the white space at either end (Unicode's, line breaks included). Foundation's
    /// `trimmingCharacters(in:)` does the same through CoreFoundation's character tables.
    public func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
