/// One or more keys typed in a row, e.g. "g g" or "ctrl-x ctrl-c".
public struct KeySequence: Hashable, Sendable {
    /// Never empty.
    public let keys: [Key]

    /// Nil for an empty list: a sequence has at least one key.
    public init?(_ keys: [Key]) {
        guard !keys.isEmpty else { return nil }
        self.keys = keys
    }

    public init(_ key: Key) {
        self.keys = [key]
    }

    /// Whether `self` is shorter than `other` and `other` begins with it.
    public func isStrictPrefix(of other: KeySequence) -> Bool {
        keys.count < other.keys.count && other.keys.starts(with: keys)
    }

    /// The sequences that begin `self`, shortest first, not counting `self`.
    var strictPrefixes: [KeySequence] {
        (1..<keys.count).map { KeySequence(keys: Array(keys.prefix($0))) }
    }

    private init(keys: [Key]) {
        self.keys = keys
    }
}

extension KeySequence: CustomStringConvertible {
    /// The canonical spec: key specs separated by one space, e.g. "ctrl-x ctrl-c".
    public var description: String {
        keys.map(\.description).joined(separator: " ")
    }
}
