import Foundation
import IntrayCore
import Testing

/// `--after` / `--before` and `after:` / `before:` values, on a fixed clock and zone.
@Suite struct CreationDateTests {
    /// 2026-12-08 00:30 in Zagreb, still Dec 7 in UTC.
    static let now = Date(timeIntervalSince1970: 1_796_686_200)
    static let zagreb: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Zagreb")!
        return calendar
    }()

    func parse(_ text: String) throws -> String {
        try CreationDate.parse(text, now: Self.now, calendar: Self.zagreb)
    }

    @Test func relativeFormsAreDaysBackFromTodayInTheCalendarsZone() throws {
        #expect(try parse("today") == "2026-12-08")
        #expect(try parse("yesterday") == "2026-12-07")
        #expect(try parse("0d") == "2026-12-08")
        #expect(try parse("7d") == "2026-12-01")
        #expect(try parse("2w") == "2026-11-24")
        #expect(try parse("10D") == "2026-11-28")
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        #expect(try CreationDate.parse("today", now: Self.now, calendar: utc) == "2026-12-07")
    }

    @Test func datesAndTimestampsAreSentAsTyped() throws {
        #expect(try parse("2025-07-24") == "2025-07-24")
        #expect(try parse(" 2024-02-29 ") == "2024-02-29")
        #expect(try parse("2025-07-24T06:05:41.287+02:00") == "2025-07-24T06:05:41.287+02:00")
        #expect(try parse("2025-07-24T06:05Z") == "2025-07-24T06:05Z")
        #expect(try parse("2025-07-24T23:59:59-05:30") == "2025-07-24T23:59:59-05:30")
    }

    @Test func anythingElseIsOneSentence() {
        for bad in ["", "7", "d", "7x", "-3d", "2025-02-29", "2025-13-01", "2025-7-24", "24.07.2025", "2025-07-24T25:00Z",
                    "2025-07-24T06:05:41", "2025-07-24T06:05:41.+02:00", "next week", "99999999d"] {
            #expect(throws: CreationDate.Problem.self, "\(bad)") { try parse(bad) }
        }
        #expect(throws: CreationDate.Problem(description: "“99999d” reaches too far back: use at most 36500d.")) { try parse("99999d") }
        #expect(throws: CreationDate.Problem(description: "“+3d” is not a date: use 2025-07-24, 2025-07-24T09:30:00Z, today, yesterday, 7d (days ago) or 2w (weeks ago).")) {
            try parse("+3d")
        }
        #expect(throws: CreationDate.Problem(description: "“7x” is not a date: use 2025-07-24, 2025-07-24T09:30:00Z, today, yesterday, 7d (days ago) or 2w (weeks ago).")) {
            try parse("7x")
        }
    }
}
