import Foundation

/// Dates as the list shows them: the time for today, `Jul 24` this year, `Jul 24 2024` before.
enum DateLabel {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func short(_ date: Date, now: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        let month = months[(parts.month ?? 1) - 1]
        let day = parts.day ?? 1
        if parts.year == today.year && parts.month == today.month && parts.day == today.day {
            return "\(twoDigits(parts.hour)):\(twoDigits(parts.minute))"
        }
        if parts.year == today.year { return "\(month) \(day)" }
        return "\(month) \(day) \(parts.year ?? 0)"
    }

    /// `Fri, Jul 24 2025 06:05`, for the detail pane.
    static func long(_ date: Date, calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let weekday = weekdays[((parts.weekday ?? 1) - 1) % 7]
        let month = months[(parts.month ?? 1) - 1]
        return "\(weekday), \(month) \(parts.day ?? 1) \(parts.year ?? 0) \(twoDigits(parts.hour)):\(twoDigits(parts.minute))"
    }

    private static func twoDigits(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : "\(value)"
    }
}
