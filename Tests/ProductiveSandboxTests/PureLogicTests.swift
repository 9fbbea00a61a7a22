import Foundation
import Testing
@testable import ProductiveSandbox

/// The pure pieces under the server: timestamps, query strings, list parameters, the rate window,
/// the JSON writer.
@Suite struct PureLogicTests {
    static let zagreb = TimestampFormat(timeZone: TimeZone(identifier: "Europe/Zagreb")!)

    @Test func timestampsCarryMillisecondsAndTheSeasonalOffset() {
        #expect(Self.zagreb.string(milliseconds: 1_753_329_941_287) == "2025-07-24T06:05:41.287+02:00")
        #expect(Self.zagreb.string(milliseconds: 1_736_935_200_005) == "2025-01-15T11:00:00.005+01:00")
        let utc = TimestampFormat(timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.string(milliseconds: 0) == "1970-01-01T00:00:00.000+00:00")
        #expect(utc.string(milliseconds: -1) == "1969-12-31T23:59:59.999+00:00")
        #expect(utc.string(milliseconds: 951_782_400_000) == "2000-02-29T00:00:00.000+00:00")
    }

    @Test func timestampsParseDatesAndISOForms() {
        let expected: Int64 = 1_753_329_941_287
        #expect(Self.zagreb.milliseconds(parsing: "2025-07-24T06:05:41.287+02:00") == expected)
        #expect(Self.zagreb.milliseconds(parsing: "2025-07-24T04:05:41.287Z") == expected)
        #expect(Self.zagreb.milliseconds(parsing: "2025-07-24T04:05:41.2870Z") == expected)
        #expect(Self.zagreb.milliseconds(parsing: "2025-07-24T06:05:41.287+0200") == expected)
        #expect(Self.zagreb.milliseconds(parsing: "2025-07-24T06:05:41.287") == expected, "no zone: the organization's")
        #expect(Self.zagreb.milliseconds(parsing: "2025-07-24T04:05Z") == 1_753_329_900_000)
        #expect(Self.zagreb.milliseconds(parsing: "2025-07-24") == 1_753_308_000_000, "midnight in Zagreb")
        #expect(Self.zagreb.milliseconds(parsing: "2025-01-15") == 1_736_895_600_000, "winter: +01:00")
        for bad in ["", "2025-7-24", "2025-02-30", "2025-07-24T25:00Z", "2025-07-24T06:05:41.Z", "yesterday", "2025-07-24Tfoo"] {
            #expect(Self.zagreb.milliseconds(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func queryStringsDecodeRawAndEncodedBrackets() {
        let raw = QueryString(raw: "filter[status]=1&page%5Bsize%5D=5&filter%5Bquery%5D=M%C3%BCller+GmbH&flag")
        #expect(raw.value("filter[status]") == "1")
        #expect(raw.value("page[size]") == "5")
        #expect(raw.value("filter[query]") == "Müller GmbH")
        #expect(raw.value("flag") == "")
        #expect(QueryString(pairs: [("filter[ids]", "1,2"), ("q", "a b&c")]).encoded == "filter%5Bids%5D=1%2C2&q=a%20b%26c")
        #expect(QueryString(raw: "a=1&a=2").value("a") == "2", "the last one wins")
    }

    @Test func listParametersValidatePagesAndFilters() throws {
        let parameters = try ListParameters(query: QueryString(raw: "page[number]=3&page[size]=1000&filter[status]=1,3&sort=x"))
        #expect(parameters.page == PageSelection(number: 3, size: 200))
        #expect(parameters.page.offset == 400)
        #expect(try parameters.codeList("status", allowed: 1...3, meaning: "") == [1, 3])
        #expect(parameters.carried.map(\.name) == ["filter[status]", "sort"])
        #expect(PageSelection(number: Int.max, size: 200).offset == Int.max, "a huge page lies past the end")
        #expect(throws: APIFailure.self) { try ListParameters(query: QueryString(raw: "filter=1")) }
        #expect(throws: APIFailure.self) { try ListParameters(query: QueryString(raw: "page[size]=1.5")) }
    }

    @Test func rateWindowSlides() {
        let limit = SandboxRateLimit(requests: 2, per: .seconds(10))
        var window = RateWindow()
        let start = ContinuousClock.now
        #expect(window.admit(at: start, limit: limit) == nil)
        #expect(window.admit(at: start + .seconds(4), limit: limit) == nil)
        #expect(window.admit(at: start + .seconds(5), limit: limit) == .seconds(5))
        #expect(window.admit(at: start + .seconds(10), limit: limit) == nil, "the first request left the window")
        #expect(window.admit(at: start + .milliseconds(10_500), limit: limit) == .milliseconds(3_500))
        #expect(RateWindow.retryAfterSeconds(.milliseconds(3_500)) == 4)
        #expect(RateWindow.retryAfterSeconds(.zero) == 1)
    }

    @Test func jsonWriterKeepsOrderAndEscapes() {
        let value = JSONValue.object([
            ("b", .string("quote \" backslash \\ newline \n tab \t bell \u{07} ü 見")), ("a", .null),
            ("list", .array([.int(-3), .bool(true), .emptyObject])),
        ])
        let text = String(decoding: value.serialized, as: UTF8.self)
        #expect(text == #"{"b":"quote \" backslash \\ newline \n tab \t bell \u0007 ü 見","a":null,"list":[-3,true,{}]}"#)
        let parsed = try? JSONSerialization.jsonObject(with: Data(value.serialized)) as? [String: Any]
        #expect(parsed?["b"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{07} ü 見")
    }
}
