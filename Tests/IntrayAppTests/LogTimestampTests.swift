import Foundation
import Testing
@testable import IntrayApp

/// A log line's time: UTC, to the second, as ISO 8601 writes it.
@Suite struct LogTimestampTests {
    @Test func writesTheUTCSecondWithItsZone() {
        #expect(LogTimestamp.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(LogTimestamp.string(Date(timeIntervalSince1970: 1_753_337_109.75)) == "2025-07-24T06:05:09Z")
        #expect(LogTimestamp.string(Date(timeIntervalSince1970: 1_767_225_599)) == "2025-12-31T23:59:59Z")
    }

    @Test func agreesWithFoundationsFormatter() {
        let date = Date(timeIntervalSince1970: 1_709_210_096)
        #expect(LogTimestamp.string(date) == ISO8601DateFormatter().string(from: date))
    }
}
