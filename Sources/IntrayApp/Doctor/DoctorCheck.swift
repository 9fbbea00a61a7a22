/// One line of `intray doctor`: what was checked, what was found and, when it is not ok,
/// one sentence on what to do.
public struct DoctorCheck: Sendable, Equatable {
    public enum Level: String, Sendable, Comparable {
        case ok, warn, fail

        public static func < (lhs: Level, rhs: Level) -> Bool {
            let order: [Level] = [.ok, .warn, .fail]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var level: Level
    /// A word or two: `terminal`, `config`, `api`.
    public var subject: String
    public var finding: String
    public var advice: String?

    public init(_ level: Level, _ subject: String, _ finding: String, advice: String? = nil) {
        self.level = level
        self.subject = subject
        self.finding = finding
        self.advice = advice
    }

    /// `warn  size        70×20 is smaller than 80×24: enlarge the window.`
    public var line: String {
        let pad = { (text: String, width: Int) in text + String(repeating: " ", count: max(width - text.count, 1)) }
        return pad(level.rawValue, 6) + pad(subject, 12) + finding + (advice.map { ": " + $0 } ?? "")
    }
}

extension [DoctorCheck] {
    /// 1 when any check failed, else 0 (warnings do not fail).
    public var exitCode: Int32 { contains { $0.level == .fail } ? 1 : 0 }
}
