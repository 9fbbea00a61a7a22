import Foundation

/// Dates as the list shows them: the time for today, `Jul 24` this year, `Jul 24 2024` before.
/// Broken down with the C library (`localtime_r`, which honours `TZ`), not with `Calendar`,
/// whose time zone and locale data would be loaded for three numbers.
enum DateLabel {
    /// Which clock the dates are read on.
    enum Zone: Sendable, Equatable {
        /// The user's time zone (`TZ`, else the system's).
        case local
        /// A fixed offset from UTC in seconds, for tests.
        case fixed(seconds: Int)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    struct Parts: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        /// 0 is Sunday.
        var weekday: Int
    }

    static func parts(_ date: Date, in zone: Zone) -> Parts {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var broken = tm()
        switch zone {
        case .local:
            localtime_r(&seconds, &broken)
        case .fixed(let offset):
            seconds += time_t(offset)
            gmtime_r(&seconds, &broken)
        }
        return Parts(year: Int(broken.tm_year) + 1900, month: Int(broken.tm_mon) + 1, day: Int(broken.tm_mday),
                     hour: Int(broken.tm_hour), minute: Int(broken.tm_min), weekday: Int(broken.tm_wday))
    }

    static func short(_ date: Date, now: Date, zone: Zone) -> String {
        short(date, today: parts(now, in: zone), zone: zone)
    }

    /// The same, with today broken down once for every row of a frame.
    static func short(_ date: Date, today: Parts, zone: Zone) -> String {
        let parts = parts(date, in: zone)
        let month = months[parts.month - 1]
        if parts.year == today.year && parts.month == today.month && parts.day == today.day {
            return "\(twoDigits(parts.hour)):\(twoDigits(parts.minute))"
        }
        if parts.year == today.year { return "\(month) \(parts.day)" }
        return "\(month) \(parts.day) \(parts.year)"
    }

    /// `Fri, Jul 24 2025 06:05`, for the detail pane.
    static func long(_ date: Date, zone: Zone) -> String {
        let parts = parts(date, in: zone)
        return "\(weekdays[parts.weekday % 7]), \(months[parts.month - 1]) \(parts.day) \(parts.year) \(twoDigits(parts.hour)):\(twoDigits(parts.minute))"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
