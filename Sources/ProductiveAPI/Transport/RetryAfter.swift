import Foundation

/// The `Retry-After` header: either delta-seconds (`120`) or an HTTP date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`, also the obsolete RFC 850 and asctime forms).
enum RetryAfter {
    /// How long to wait from `now`; nil when the value is neither form. A date in the past is zero.
    static func parse(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite {
            return seconds >= 0 ? .milliseconds(Int64((seconds * 1000).rounded())) : nil
        }
        for formatter in formatters {
            if let date = formatter.date(from: text) {
                let interval = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((interval * 1000).rounded()))
            }
        }
        return nil
    }

    // Configured once and only read after: `date(from:)` is safe to call from any thread.
    private static let formatters: [DateFormatter] = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate (RFC 9110)
        "EEEE, dd-MMM-yy HH:mm:ss zzz",   // RFC 850
        "EEE MMM d HH:mm:ss yyyy",        // asctime
    ].map { format in
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = format
        return formatter
    }
}
