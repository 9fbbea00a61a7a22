import Foundation
import IntrayCore
import Testing
@testable import ProductiveAPI

/// What goes over the wire, checked by a Hummingbird router standing in for Productive.
@Suite struct HTTPRequestTests {
    static func reply(_ request: SeenRequest, _: Int) async -> StubReply {
        switch (request.method, request.path) {
        case ("GET", "/api/v2/emails"): return .json(200, (try? Fixture.text("emails-list")) ?? "")
        case ("GET", "/api/v2/emails/5"): return .json(200, (try? Fixture.text("email-get")) ?? "")
        case ("PATCH", "/api/v2/emails/6/attach"): return .json(200, (try? Fixture.text("attach-response")) ?? "")
        case ("PATCH", "/api/v2/emails/10/dismiss"): return .json(200, (try? Fixture.text("dismiss-response")) ?? "")
        case ("DELETE", "/api/v2/emails/13"): return StubReply(status: 204)
        case ("DELETE", "/api/v2/emails/14"): return .json(200, "{}")
        case ("GET", "/api/v2/deals"): return .json(200, dealsBody)
        default: return .json(404, #"{"errors":[{"status":"404","title":"Not found"}]}"#)
        }
    }

    static let dealsBody = """
    {"data":[
      {"id":"386","type":"deals","attributes":{"name":"Website redesign","number":"42","budget":false},
       "relationships":{"company":{"data":{"type":"companies","id":"7"}},"project":{"meta":{"included":false}}}},
      {"id":"387","type":"deals","attributes":{"name":"Retainer","number":43},
       "relationships":{"company":{"data":null}}}
    ],
    "included":[{"id":"7","type":"companies","attributes":{"name":"Acme d.o.o."}},{"id":"9","type":"people","attributes":{"name":"Not a company"}}],
    "meta":{"current_page":1,"total_pages":1,"total_count":2,"page_size":50}}
    """

    @Test func everyCallSendsTheDocumentedRequest() async throws {
        try await StubProductive.run(respond: Self.reply) { url, stub in
            try await withAPI(url) { api in
                let page = try await api.emails(EmailFilter(status: .unresolved, creatorIDs: ["1", "2"]), page: PageRequest(number: 2, size: 30))
                #expect(page.emails.map(\.id) == ["3", "2", "1"])
                #expect(try await api.email(id: "5").id == "5")
                let attached = try await api.attach(emailID: "6", toDeal: "386")
                #expect(attached.linkedType == "Quote" && attached.linkedID == "386")
                let email = try await api.dismiss(emailID: "10")
                #expect(email.status == .dismissed)
                try await api.delete(emailID: "13")
                try await api.delete(emailID: "14")
                let deals = try await api.deals(DealQuery(text: "web", stageStatus: .open, pageSize: 50))
                #expect(deals == [
                    Deal(id: "386", name: "Website redesign", number: "42", companyID: "7", companyName: "Acme d.o.o."),
                    Deal(id: "387", name: "Retainer", number: "43"),
                ])
            }
            let requests = await stub.requests
            #expect(requests.map { "\($0.method) \($0.path)" } == [
                "GET /api/v2/emails", "GET /api/v2/emails/5", "PATCH /api/v2/emails/6/attach",
                "PATCH /api/v2/emails/10/dismiss", "DELETE /api/v2/emails/13", "DELETE /api/v2/emails/14", "GET /api/v2/deals",
            ])
            for request in requests {
                #expect(request.headers["x-auth-token"] == testToken)
                #expect(request.headers["x-organization-id"] == testOrganization)
                #expect(request.headers["content-type"] == "application/vnd.api+json")
                #expect(request.headers["accept"] == "application/vnd.api+json")
            }
            #expect(requests[0].query == "filter%5Bstatus%5D=1&filter%5Bcreator_id%5D=1,2&include=creator&page%5Bnumber%5D=2&page%5Bsize%5D=30")
            #expect(requests[0].queryItems.map { "\($0.0)=\($0.1)" } == ["filter[status]=1", "filter[creator_id]=1,2", "include=creator", "page[number]=2", "page[size]=30"])
            #expect(requests[2].body == #"{"data":{"type":"emails","relationships":{"deal":{"data":{"type":"deals","id":"386"}}}}}"#)
            #expect(requests[3].body == "")
            #expect(requests[6].queryItems.map { "\($0.0)=\($0.1)" } == ["filter[query]=web", "filter[stage_status_id]=1", "include=company", "page[size]=50"])
        }
    }

    @Test func aChangeAnsweredWithoutABodyFetchesTheEmail() async throws {
        try await StubProductive.run(respond: { request, _ in
            request.method == "PATCH" ? StubReply(status: 204) : .json(200, (try? Fixture.text("dismiss-response")) ?? "")
        }) { url, stub in
            try await withAPI(url) { api in
                let email = try await api.dismiss(emailID: "10")
                #expect(email.status == .dismissed)
            }
            #expect(await stub.requests.map(\.method) == ["PATCH", "GET"])
        }
    }
}
