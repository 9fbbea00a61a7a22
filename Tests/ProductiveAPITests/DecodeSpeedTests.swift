import Foundation
import IntrayCore
import Testing
@testable import ProductiveAPI

/// How long a full page (200 emails, realistic sizes, every documented relationship) takes to decode.
@Suite struct DecodeSpeedTests {
    static func page(of count: Int) throws -> Data {
        let documented = try JSONSerialization.jsonObject(with: try Fixture.data("emails-list")) as! [String: Any]
        let template = (documented["data"] as! [[String: Any]])[0]
        let paragraph = String(repeating: "Thanks for the call today — here are the numbers we discussed. ", count: 30)
        var items: [[String: Any]] = []
        for index in 0..<count {
            var item = template
            var attributes = item["attributes"] as! [String: Any]
            item["id"] = String(100_000 + index)
            attributes["subject"] = "Re: Quote \(index) for the website redesign"
            attributes["body"] = paragraph
            attributes["body_html"] = "<div><p>" + paragraph + "</p><p>Best,<br>Ana</p></div>"
            attributes["snippet"] = String(paragraph.prefix(140))
            attributes["from"] = ["name": "Ana Horvat", "address": "ana\(index)@example.com"]
            attributes["recipients"] = ["to": [["name": "Bo", "email": "bo@example.com"]], "cc": ["Cy <cy@example.com>"]]
            attributes["participants"] = [["name": "Ana Horvat", "email": "ana\(index)@example.com"], ["name": "Bo", "email": "bo@example.com"]]
            attributes["received_at"] = "2025-07-24T06:05:41.287+02:00"
            attributes["linked_type"] = index % 3 == 0 ? "Quote" : NSNull()
            attributes["linked_id"] = index % 3 == 0 ? 386 : NSNull()
            item["attributes"] = attributes
            items.append(item)
        }
        let meta: [String: Any] = ["current_page": 1, "total_pages": 50, "total_count": 10_000, "page_size": count, "max_page_size": 200]
        return try JSONSerialization.data(withJSONObject: ["data": items, "meta": meta, "links": documented["links"]!])
    }

    @Test func twoHundredEmailsDecodeQuickly() throws {
        let body = try Self.page(of: 200)
        var best = Duration.seconds(60)
        var decoded: EmailPage?
        for _ in 0..<5 {
            let start = ContinuousClock.now
            decoded = try DocumentDecoder.emailPage(body, requested: PageRequest(number: 1, size: 200))
            best = min(best, ContinuousClock.now - start)
        }
        let page = try #require(decoded)
        #expect(page.emails.count == 200)
        #expect(page.emails[0].from == Person(name: "Ana Horvat", address: "ana0@example.com"))
        #expect(page.emails[0].cc == [Person(name: "Cy", address: "cy@example.com")])
        #expect(page.emails[3].linkedID == "386")
        print("decoding a 200-email page of \(body.count / 1024) KiB: best of 5 \(best)")
        // Debug builds are several times slower than release; this bound catches a decoder gone quadratic.
        #expect(best < .milliseconds(500))
    }
}
