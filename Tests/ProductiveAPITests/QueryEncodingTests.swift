import Foundation
import IntrayCore
import Testing
@testable import ProductiveAPI

@Suite struct QueryEncodingTests {
    let base = URL(string: "https://api.productive.io/api/v2")!

    @Test func statusFilterAndPage() {
        let request = ProductiveRequest.emails(EmailFilter(status: .unresolved), page: PageRequest(number: 2, size: 30))
        #expect(request.method == "GET")
        #expect(request.url(base: base) == "https://api.productive.io/api/v2/emails?filter%5Bstatus%5D=1&include=creator&page%5Bnumber%5D=2&page%5Bsize%5D=30")
    }

    @Test func arrayFiltersAreCommaSeparated() {
        let filter = EmailFilter(creatorIDs: ["1", "2"], recipientIDs: ["3"], senderOrRecipientIDs: ["4", "5", "6"])
        let request = ProductiveRequest.emails(filter, page: PageRequest())
        #expect(request.queryString == "filter%5Bcreator_id%5D=1,2&filter%5Brecipient_id%5D=3&filter%5Bsender_or_recipient_id%5D=4,5,6&include=creator&page%5Bnumber%5D=1&page%5Bsize%5D=30")
    }

    @Test func datesAreEncodedSoAPlusSurvives() {
        let filter = EmailFilter(status: .dismissed, before: "2025-07-24T06:05:41+02:00", after: "2025-07-01")
        let request = ProductiveRequest.emails(filter, page: PageRequest(number: 1, size: 200))
        #expect(request.queryString == "filter%5Bstatus%5D=3&filter%5Bbefore%5D=2025-07-24T06%3A05%3A41%2B02%3A00&filter%5Bafter%5D=2025-07-01&include=creator&page%5Bnumber%5D=1&page%5Bsize%5D=200")
    }

    @Test func textIsSentAsPercentEncodedUTF8() {
        #expect(ProductiveRequest.encode("Müller & co/50%?=#") == "M%C3%BCller%20%26%20co%2F50%25%3F%3D%23")
        #expect(ProductiveRequest.encode("a-b_c.d~e,f") == "a-b_c.d~e,f")
    }

    @Test func emptyFiltersAreNotSent() {
        #expect(ProductiveRequest.emails(EmailFilter(), page: PageRequest()).queryString == "include=creator&page%5Bnumber%5D=1&page%5Bsize%5D=30")
    }

    @Test func firstPageIsInteractiveLaterPagesAreBackground() {
        #expect(ProductiveRequest.emails(EmailFilter(), page: PageRequest(number: 1)).priority == .interactive)
        #expect(ProductiveRequest.emails(EmailFilter(), page: PageRequest(number: 2)).priority == .background)
    }

    @Test func dealsQuery() {
        let request = ProductiveRequest.deals(DealQuery(text: "Acme & Co", stageStatus: .open, pageSize: 20))
        #expect(request.url(base: base) == "https://api.productive.io/api/v2/deals?filter%5Bquery%5D=Acme%20%26%20Co&filter%5Bstage_status_id%5D=1&include=company&page%5Bsize%5D=20")
        let all = ProductiveRequest.deals(DealQuery(text: "  ", stageStatus: nil, pageSize: 50))
        #expect(all.queryString == "include=company&page%5Bsize%5D=50")
    }

    @Test func pathsAndMethods() {
        #expect(ProductiveRequest.email(id: "5").line == "GET /emails/5")
        #expect(ProductiveRequest.attach(emailID: "6", dealID: "386").line == "PATCH /emails/6/attach")
        #expect(ProductiveRequest.dismiss(emailID: "10").line == "PATCH /emails/10/dismiss")
        #expect(ProductiveRequest.dismiss(emailID: "10").body == nil)
        #expect(ProductiveRequest.delete(emailID: "13").line == "DELETE /emails/13")
        #expect(ProductiveRequest.email(id: "../deals?x=1").path == "/emails/..%2Fdeals%3Fx%3D1")
        #expect(ProductiveRequest.email(id: "é 1~_").path == "/emails/%C3%A9%201~_")
        #expect(ProductiveRequest.delete(emailID: "..").path == "/emails/%2E%2E", "a segment of dots alone would climb out of /emails")
    }

    @Test func trailingSlashOnTheBaseURL() {
        #expect(ProductiveRequest.email(id: "5").url(base: URL(string: "http://127.0.0.1:8080/api/v2/")!) == "http://127.0.0.1:8080/api/v2/emails/5")
    }

    @Test func dealIDIsEscapedInTheBody() {
        #expect(ProductiveRequest.attach(emailID: "1", dealID: #"3"8\6"#).body == #"{"data":{"type":"emails","relationships":{"deal":{"data":{"type":"deals","id":"3\"8\\6"}}}}}"#)
    }
}
