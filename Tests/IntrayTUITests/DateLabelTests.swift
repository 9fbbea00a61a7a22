import Foundation
import Testing
@testable import IntrayTUI

@Suite struct DateLabelTests {
    static let now = Date(timeIntervalSince1970: 1_750_010_000) // Sun 2025-06-15 17:53:20 UTC

    @Test func todayShowsTheTimeThisYearTheDayAndBeforeTheYear() {
        let utc = DateLabel.Zone.fixed(seconds: 0)
        #expect(DateLabel.short(Self.now.addingTimeInterval(-3_600), now: Self.now, zone: utc) == "16:53")
        #expect(DateLabel.short(Self.now.addingTimeInterval(-86_400 * 3), now: Self.now, zone: utc) == "Jun 12")
        #expect(DateLabel.short(Self.now.addingTimeInterval(-86_400 * 400), now: Self.now, zone: utc) == "May 11 2024")
        #expect(DateLabel.long(Self.now, zone: utc) == "Sun, Jun 15 2025 17:53")
    }

    @Test func theZoneDecidesWhichDayItIs() {
        let lateEvening = Date(timeIntervalSince1970: 1_750_031_000) // 23:43 UTC
        let tokyo = DateLabel.Zone.fixed(seconds: 9 * 3_600)
        #expect(DateLabel.long(lateEvening, zone: tokyo) == "Mon, Jun 16 2025 08:43")
        #expect(DateLabel.short(lateEvening, now: Self.now, zone: tokyo) == "08:43", "in Tokyo, now is already the 16th")
        #expect(DateLabel.short(lateEvening, now: Self.now, zone: .fixed(seconds: -3_600)) == "22:43")
    }

    @Test func theLocalZoneFollowsTZ() {
        setenv("TZ", "UTC", 1)
        tzset()
        #expect(DateLabel.long(Self.now, zone: .local) == "Sun, Jun 15 2025 17:53")
    }
}
