import Foundation

/// Productive's timestamps: `2025-07-24T06:05:41.287+02:00`, also without the fraction,
/// with `Z`, with `+0200`/`+02`, or with no zone (read as UTC); a bare date is midnight UTC.
/// Hand-written because a 200-email page holds about a thousand of them and formatters are slow.
enum ProductiveTimestamp {
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var reader = Reader(bytes: bytes)
        guard let year = reader.digits(4), reader.take(UInt8(ascii: "-")),
              let month = reader.digits(2), reader.take(UInt8(ascii: "-")),
              let day = reader.digits(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if reader.atEnd { return Date(timeIntervalSince1970: seconds) }

        guard reader.take(UInt8(ascii: "T")) || reader.take(UInt8(ascii: "t")) || reader.take(UInt8(ascii: " ")),
              let hour = reader.digits(2), reader.take(UInt8(ascii: ":")),
              let minute = reader.digits(2), hour < 24, minute < 60
        else { return nil }
        var second = 0
        if reader.take(UInt8(ascii: ":")) {
            guard let value = reader.digits(2), value <= 60 else { return nil }
            second = min(value, 59)  // a leap second is read as the second before it
        }
        seconds += Double(hour * 3600 + minute * 60 + second)
        if reader.take(UInt8(ascii: ".")) || reader.take(UInt8(ascii: ",")) {
            guard let fraction = reader.fraction() else { return nil }
            seconds += fraction
        }
        if reader.atEnd { return Date(timeIntervalSince1970: seconds) }
        if reader.take(UInt8(ascii: "Z")) || reader.take(UInt8(ascii: "z")) {
            return reader.atEnd ? Date(timeIntervalSince1970: seconds) : nil
        }
        let sign: Double
        if reader.take(UInt8(ascii: "+")) { sign = 1 } else if reader.take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let offsetHours = reader.digits(2), offsetHours < 24 else { return nil }
        var offsetMinutes = 0
        if !reader.atEnd {
            _ = reader.take(UInt8(ascii: ":"))
            guard let value = reader.digits(2), value < 60 else { return nil }
            offsetMinutes = value
        }
        guard reader.atEnd else { return nil }
        seconds -= sign * Double(offsetHours * 3600 + offsetMinutes * 60)
        return Date(timeIntervalSince1970: seconds)
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }

        mutating func fraction() -> Double? {
            var value = 0.0, scale = 0.1, count = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                value += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
                count += 1
            }
            return count > 0 ? value : nil
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
