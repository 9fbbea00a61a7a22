import Foundation
import IntrayCore
import Testing
@testable import ProductiveAPI

/// Every body in the API reference, decoded as the client decodes answers.
@Suite struct DocumentedExampleTests {
    @Test func listOfEmails() throws {
        let page = try DocumentDecoder.emailPage(try Fixture.data("emails-list"), requested: PageRequest(number: 1, size: 30))
        #expect(page.emails.map(\.id) == ["3", "2", "1"])
        #expect(page.meta == PageMeta(currentPage: 1, totalPages: 1, totalCount: 3, pageSize: 30, maxPageSize: 200))
        let first = page.emails[0]
        #expect(first.subject == nil)
        #expect(first.body == "Email text body")
        #expect(first.from == nil)
        #expect(first.to.isEmpty && first.cc.isEmpty && first.participants.isEmpty)
        #expect(first.status == .unresolved)
        #expect(!first.unread && !first.outgoing && !first.autoLinked && !first.bodyTruncated)
        // 2025-07-24T06:05:41.287+02:00
        #expect(abs(first.createdAt.timeIntervalSince1970 - 1_753_329_941.287) < 0.000_5)
    }

    @Test func singleEmail() throws {
        let email = try DocumentDecoder.email(try Fixture.data("email-get"))
        #expect(email.id == "5")
        #expect(email.status == .unresolved)
        #expect(abs(email.createdAt.timeIntervalSince1970 - 1_753_329_941.683) < 0.000_5)
    }

    @Test func attachAnswerIsLinkedToTheDealAsQuote() throws {
        let email = try DocumentDecoder.email(try Fixture.data("attach-response"))
        #expect(email.id == "6")
        #expect(email.linkedType == "Quote")
        #expect(email.linkedID == "386")  // a number in the document
        #expect(email.status == .resolved)
    }

    @Test func dismissAnswerIsDismissed() throws {
        let email = try DocumentDecoder.email(try Fixture.data("dismiss-response"))
        #expect(email.id == "10")
        #expect(email.status == .dismissed)
        #expect(abs(try #require(email.dismissedAt).timeIntervalSince1970 - 1_753_329_942) < 0.000_5)
    }

    @Test func attachRequestBodyIsTheDocumentedOneExactly() throws {
        let documented = try JSONSerialization.jsonObject(with: try Fixture.data("attach-request")) as? NSDictionary
        let body = try #require(ProductiveRequest.attach(emailID: "6", dealID: "386").body)
        #expect(body == #"{"data":{"type":"emails","relationships":{"deal":{"data":{"type":"deals","id":"386"}}}}}"#)
        let sent = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? NSDictionary
        #expect(sent == documented)
    }

    @Test func attachRefusalMapsToASentenceWithTheField() throws {
        let error = StatusError.map(
            status: 422, retryAfter: nil, body: try Fixture.data("attach-422-error"),
            subject: "email 7", request: "PATCH /emails/7/attach", token: "secret-token"
        )
        #expect(error.kind == .invalid(detail: "can't be blank", pointer: "data/attributes/deal"))
        #expect(error.message == "Productive refused it: deal can't be blank.")
        #expect(error.detail.contains("PATCH /emails/7/attach -> 422"))
        #expect(error.detail.contains("invalid_attribute"))
    }

    @Test func blankDealRequestFixtureIsTheShapeTheClientSends() throws {
        let documented = try JSONSerialization.jsonObject(with: try Fixture.data("attach-blank-deal-request")) as? NSDictionary
        let sent = try JSONSerialization.jsonObject(with: Data(try #require(ProductiveRequest.attach(emailID: "7", dealID: "").body).utf8)) as? NSDictionary
        #expect(sent == documented)
    }
}
