import Foundation
import IntrayCore
import Testing
@testable import ProductiveAPI

/// A wrong type in a required place is `.malformed` naming the place, never a raw `DecodingError`.
@Suite struct MalformedBodyTests {
    static func emailJSON(id: String = #""1""#, createdAt: String = #""2025-07-24T04:05:41Z""#) -> String {
        #"{"id":\#(id),"type":"emails","attributes":{"created_at":\#(createdAt)}}"#
    }

    static func list(_ items: [String]) -> String {
        #"{"data":[\#(items.joined(separator: ","))],"meta":{"current_page":1,"total_pages":1,"total_count":\#(items.count),"page_size":30}}"#
    }

    @Test(arguments: [
        (#"{"data":{"id":"1"}}"#, "data"),
        (#"{"meta":{}}"#, "data"),
        (#"{"data":null}"#, "data"),
        (list([emailJSON(), emailJSON(), emailJSON(), emailJSON(createdAt: #""not a date""#)]), "data[3].attributes.created_at"),
        (list([emailJSON(), emailJSON(createdAt: "1753329941")]), "data[1].attributes.created_at"),
        (list([emailJSON(), emailJSON(createdAt: "null")]), "data[1].attributes.created_at"),
        (list([#"{"type":"emails","attributes":{"created_at":"2025-07-24T04:05:41Z"}}"#]), "data[0].id"),
        (list([emailJSON(id: "null")]), "data[0].id"),
        (list([emailJSON(id: "[1]")]), "data[0].id"),
        (list([#"{"id":"1","type":"emails"}"#]), "data[0].attributes"),
        (list([#"{"id":"1","attributes":[]}"#]), "data[0].attributes"),
        (list(["7"]), "data[0]"),
        (#"{"data":[],"meta":{"total_pages":"many"}}"#, "meta.total_pages"),
    ])
    func listNamesThePlace(body: String, location: String) {
        #expect {
            try DocumentDecoder.emailPage(Data(body.utf8), requested: PageRequest())
        } throws: { error in
            let error = error as? APIError
            return error?.kind == .malformed(location: location) && error?.message.contains(location) == true
        }
    }

    @Test(arguments: ["", "not json", "{\"data\":[", "<html>502 Bad Gateway</html>"])
    func notJSONIsMalformedToo(body: String) {
        #expect {
            try DocumentDecoder.emailPage(Data(body.utf8), requested: PageRequest())
        } throws: { error in
            guard case .malformed(let location)? = (error as? APIError)?.kind else { return false }
            return location.contains("body")
        }
    }

    @Test func singleEmailMissingCreatedAt() {
        let body = #"{"data":{"id":"1","type":"emails","attributes":{"subject":"Hi"}}}"#
        #expect(throws: APIError.self) { try DocumentDecoder.email(Data(body.utf8)) }
        #expect {
            try DocumentDecoder.email(Data(body.utf8))
        } throws: { ($0 as? APIError)?.kind == .malformed(location: "data.attributes.created_at") }
    }

    @Test func dealsWithoutAnArray() {
        #expect {
            try DocumentDecoder.deals(Data(#"{"data":{"id":"1"}}"#.utf8))
        } throws: { ($0 as? APIError)?.kind == .malformed(location: "data") }
    }

    @Test func dealsNameTheirPlaceAndTakeCompanyNamesFromIncluded() throws {
        #expect {
            try DocumentDecoder.deals(Data(#"{"data":[{"id":"1","attributes":{}},{"id":null,"attributes":{}}]}"#.utf8))
        } throws: { ($0 as? APIError)?.kind == .malformed(location: "data[1].id") }
        let body = #"{"data":[{"id":7,"attributes":{"number":"D-7"},"relationships":{"company":{"data":{"type":"companies","id":"3"}}}}],"included":[{"type":"companies","id":"3","attributes":{"name":"Acme"}}]}"#
        #expect(try DocumentDecoder.deals(Data(body.utf8)) == [Deal(id: "7", name: "Deal D-7", number: "D-7", companyID: "3", companyName: "Acme")])
    }

    @Test func missingMetaFallsBackToTheRequest() throws {
        let body = #"{"data":[\#(Self.emailJSON())]}"#
        let page = try DocumentDecoder.emailPage(Data(body.utf8), requested: PageRequest(number: 3, size: 10))
        #expect(page.meta.currentPage == 3 && page.meta.totalPages == 3 && page.meta.totalCount == 21)
    }
}
