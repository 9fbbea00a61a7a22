import Foundation
import Testing
@testable import ProductiveAPI

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2025-07-24T06:05:41.287+02:00", 1_753_329_941.287),
        ("2025-07-24T04:05:41.287Z", 1_753_329_941.287),
        ("2025-07-24T04:05:41Z", 1_753_329_941.0),
        ("2025-07-24T06:05:41+02:00", 1_753_329_941.0),
        ("2025-07-24T06:05:41+0200", 1_753_329_941.0),
        ("2025-07-23T23:05:41.287-05:00", 1_753_329_941.287),
        ("2025-07-24T04:05:41.287123456Z", 1_753_329_941.287123),
        ("2025-07-24T04:05:41", 1_753_329_941.0),
        ("2025-07-24 04:05:41.287Z", 1_753_329_941.287),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
        ("1970-01-01T00:00:00Z", 0),
        ("2025-07-24", 1_753_315_200.0),
    ])
    func parses(text: String, expected: Double) throws {
        let date = try #require(ProductiveTimestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - expected) < 0.000_01)
    }

    @Test(arguments: [
        "", "yesterday", "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
        "2025-07-24T25:00:00Z", "2025-07-24T06:05:41.+02:00", "2025-07-24T06:05:41+2", "2025-07-24T06:05:41Zjunk",
        "20250724T060541Z", "1753329941",
    ])
    func refuses(text: String) {
        #expect(ProductiveTimestamp.parse(text) == nil)
    }
}
