/// Why a keymap was refused. Intray refuses the whole keymap, before the UI starts, rather
/// than run with part of it.
public struct KeymapError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file the error is in (as given), or where the request came from, e.g. "--keymap".
    public let origin: String
    /// Where in `origin`, when the error is about a place in a file.
    public let position: SourcePosition?
    /// What is wrong, in one sentence.
    public let message: String
    /// How to fix it, e.g. `did you mean "email.dismiss"?`, when there is a good guess.
    public let suggestion: String?

    public init(origin: String, position: SourcePosition?, message: String, suggestion: String?) {
        self.origin = origin
        self.position = position
        self.message = message
        self.suggestion = suggestion
    }

    /// `file:line:column: what is wrong`, then the suggestion on a second line.
    public var description: String {
        let place = position.map { "\(origin):\($0.line):\($0.column)" } ?? origin
        let first = "\(place): \(message)"
        return suggestion.map { "\(first)\n\($0)" } ?? first
    }
}
