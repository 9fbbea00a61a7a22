extension BuildInfo {
    /// What `intray --version` prints: `intray 0.1.0 (a1b2c3d, 2026-12-01)`, or
    /// `intray 0.1.0 (unknown commit)` for a build made outside a git checkout.
    static var versionLine: String {
        guard let commit else { return "intray \(version) (unknown commit)" }
        return "intray \(version) (\([commit, commitDate].compactMap { $0 }.joined(separator: ", ")))"
    }
}
