import Foundation

/// A value for `filter[after]` / `filter[before]` as a user types it, checked and turned into
/// what Productive is sent.
///
/// Accepted forms:
/// - a date, `2025-07-24` (sent as is: midnight at the start of that day, in the organization's zone);
/// - a timestamp, `2025-07-24T06:05:41Z` or with an offset and fraction (sent as is);
/// - `today`, `yesterday`;
/// - a count of days or weeks back from today, `7d`, `2w` (sent as the date that many days ago,
///   so `--before 7d` on Dec 8 is `before 2026-12-01`).
public enum CreationDate {
    /// Why a value is not a date, as one sentence.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The value to send for `text`, with `now` and `calendar` (its time zone included) deciding
    /// what "today" is.
    public static func parse(_ text: String, now: Date, calendar: Calendar) throws(Problem) -> String {
        let trimmed = text.trimmingWhitespace()
        let lower = trimmed.lowercased()
        switch lower {
        case "today": return day(daysBack: 0, now: now, calendar: calendar)
        case "yesterday": return day(daysBack: 1, now: now, calendar: calendar)
        default: break
        }
        let digits = lower.dropLast()
        if let unit = lower.last, unit == "d" || unit == "w", digits.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(digits) {
            guard (0...36_500).contains(count) else {
                throw Problem(description: "“\(text)” reaches too far back: use at most 36500d.")
            }
            return day(daysBack: unit == "w" ? count * 7 : count, now: now, calendar: calendar)
        }
        if isDate(trimmed) || isTimestamp(trimmed) { return trimmed }
        throw Problem(description: "“\(text)” is not a date: use 2025-07-24, 2025-07-24T09:30:00Z, today, yesterday, 7d (days ago) or 2w (weeks ago).")
    }

    private static func day(daysBack: Int, now: Date, calendar: Calendar) -> String {
        let date = calendar.date(byAdding: .day, value: -daysBack, to: now) ?? now
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// `YYYY-MM-DD` naming a real day.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`.
    static func isTimestamp(_ text: String) -> Bool {
        guard let t = text.firstIndex(where: { $0 == "T" || $0 == "t" }), isDate(String(text[..<t])) else { return false }
        var rest = Substring(text[text.index(after: t)...])
        let zone: Substring
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            zone = ""
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = rest[rest.index(after: sign)...]
            rest = rest[..<sign]
            let zoneParts = zone.split(separator: ":", omittingEmptySubsequences: false)
            guard zoneParts.count == 2, zoneParts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
                  let hours = Int(zoneParts[0]), let minutes = Int(zoneParts[1]), hours <= 14, minutes < 60
            else { return false }
        } else {
            return false
        }
        var seconds = rest
        var fraction: Substring = ""
        if let dot = rest.firstIndex(of: ".") {
            seconds = rest[..<dot]
            fraction = rest[rest.index(after: dot)...]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        }
        let fields = seconds.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fraction.isEmpty || fields.count == 3,
              fields.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        let limits = [23, 59, 59]
        return zip(fields, limits).allSatisfy { Int($0.0)! <= $0.1 }
    }
}
