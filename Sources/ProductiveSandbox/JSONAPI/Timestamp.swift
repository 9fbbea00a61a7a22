import Foundation

/// Productive's timestamp format, `2025-07-24T06:05:41.287+02:00`: milliseconds and the
/// organization's UTC offset. The sandbox stores instants as milliseconds since 1970.
struct TimestampFormat: Sendable {
    var timeZone: TimeZone

    func string(milliseconds: Int64) -> String {
        let offset = timeZone.secondsFromGMT(for: Date(milliseconds: milliseconds))
        let local = milliseconds + Int64(offset) * 1000
        let millis = Int(Self.floorMod(local, 1000))
        let seconds = Self.floorDiv(local, 1000)
        let days = Self.floorDiv(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = Self.civil(fromDays: days)
        let sign = offset < 0 ? "-" : "+"
        let absOffset = abs(offset)
        return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T"
            + "\(Self.pad(secondOfDay / 3600, 2)):\(Self.pad(secondOfDay / 60 % 60, 2)):\(Self.pad(secondOfDay % 60, 2))"
            + ".\(Self.pad(millis, 3))\(sign)\(Self.pad(absOffset / 3600, 2)):\(Self.pad(absOffset / 60 % 60, 2))"
    }

    /// Reads `2025-07-24` (midnight in the organization's zone) or an ISO 8601 timestamp with
    /// optional seconds, fraction and zone (`Z`, `+02:00`, `+0200`; none means the organization's zone).
    func milliseconds(parsing text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var cursor = 0
        func number(_ width: Int) -> Int? {
            guard cursor + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[cursor..<cursor + width] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            cursor += width
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard cursor < bytes.count, bytes[cursor] == character.asciiValue else { return false }
            cursor += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var secondOfDay = 0
        var millis = 0
        var explicitOffset: Int?
        if cursor < bytes.count {
            guard expect("T") || expect(" "), let hour = number(2), expect(":"), let minute = number(2),
                  hour < 24, minute < 60 else { return nil }
            var second = 0
            if expect(":") {
                guard let value = number(2), value < 60 else { return nil }
                second = value
                if expect(".") {
                    var digits = 0
                    var fraction = 0
                    while cursor < bytes.count, let digit = number(1) {
                        if digits < 3 { fraction = fraction * 10 + digit }
                        digits += 1
                    }
                    guard digits > 0 else { return nil }
                    for _ in digits..<max(digits, 3) { fraction *= 10 }
                    millis = fraction
                }
            }
            secondOfDay = hour * 3600 + minute * 60 + second
            if expect("Z") {
                explicitOffset = 0
            } else if cursor < bytes.count {
                let negative = bytes[cursor] == UInt8(ascii: "-")
                guard expect("+") || expect("-"), let hours = number(2) else { return nil }
                _ = expect(":")
                guard let minutes = number(2) else { return nil }
                explicitOffset = (hours * 3600 + minutes * 60) * (negative ? -1 : 1)
            }
            guard cursor == bytes.count else { return nil }
        }
        let localSeconds = Self.days(year: year, month: month, day: day) * 86_400 + Int64(secondOfDay)
        let offset = explicitOffset ?? zoneOffset(forLocalSeconds: localSeconds)
        return (localSeconds - Int64(offset)) * 1000 + Int64(millis)
    }

    /// The zone's offset at a wall-clock time; near a DST change the offset before it wins.
    private func zoneOffset(forLocalSeconds local: Int64) -> Int {
        let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local)))
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - Int64(guess))))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }
    private static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithms).
    private static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

extension Date {
    /// The instant `milliseconds` after 1970, as the sandbox stores instants.
    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Whole milliseconds since 1970; exact for any instant made by `init(milliseconds:)`.
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
