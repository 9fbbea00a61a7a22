import Foundation
import ProductiveSandbox
import Testing

/// `GET /emails/{id}`, attach, dismiss and delete, and their error documents.
@Suite struct EmailActionTests {
    static let blankDeal = #"{"errors":[{"status":"422","code":"invalid_attribute","title":"Invalid Attribute","detail":"can't be blank","source":{"pointer":"data/attributes/deal"}}]}"#

    static func attachBody(_ dealID: String) -> String {
        #"{"data":{"type":"emails","relationships":{"deal":{"data":{"type":"deals","id":"\#(dealID)"}}}}}"#
    }

    static func firstOpenDealID(_ http: SandboxHTTP) async throws -> String {
        let deals = try await http.send(.GET, "deals?" + SandboxHTTP.query(["filter[stage_status_id]": "1"])).data
        return try #require(deals.first?["id"] as? String)
    }

    @Test func showAnswersTheListedEmailWithEmptyMeta() async throws {
        try await withSandbox { _, http in
            let listed = try #require(try await http.send(.GET, "emails").data.first)
            let id = try #require(listed["id"] as? String)
            let reply = try await http.send(.GET, "emails/\(id)")
            #expect(reply.status == 200)
            #expect(try reply.meta.isEmpty)
            #expect(NSDictionary(dictionary: try reply.single) == NSDictionary(dictionary: listed))
        }
    }

    @Test(arguments: ["999999", "abc"])
    func unknownEmailIsA404(id: String) async throws {
        try await withSandbox { _, http in
            let reply = try await http.send(.GET, "emails/\(id)")
            #expect(reply.status == 404)
            #expect(try reply.error["status"] as? String == "404")
            #expect(try reply.error["title"] as? String == "Not Found")
        }
    }

    @Test func attachLinksTheEmailToTheDealAsAQuote() async throws {
        try await withSandbox { sandbox, http in
            let id = try #require(try await sandbox.storedEmailIDs(status: 1).first)
            let dealID = try await Self.firstOpenDealID(http)
            let reply = try await http.send(.PATCH, "emails/\(id)/attach", body: Self.attachBody(dealID))
            #expect(reply.status == 200)
            #expect(reply.text.contains(#""linked_type":"Quote","linked_id":\#(dealID),"#), "linked_id is a JSON number")
            #expect(try reply.meta.isEmpty)
            let stored = try #require(try await sandbox.storedEmail(id: id))
            #expect(stored.linkedType == "Quote")
            #expect(stored.linkedID == Int(dealID))
            #expect(stored.status == 2)
            #expect(try await sandbox.storedEmailIDs(status: 2).contains(id))
        }
    }

    @Test(arguments: [
        ("empty deal id", attachBody("")),
        ("no body", nil),
        ("whitespace body", "  \n"),
        ("no relationship", #"{"data":{"type":"emails"}}"#),
        ("null deal data", #"{"data":{"type":"emails","relationships":{"deal":{"data":null}}}}"#),
    ] as [(String, String?)])
    func attachWithoutADealIsTheReference422(_ label: String, body: String?) async throws {
        try await withSandbox { sandbox, http in
            let id = try #require(try await sandbox.storedEmailIDs(status: 1).first)
            let reply = try await http.send(.PATCH, "emails/\(id)/attach", body: body)
            #expect(reply.status == 422, "\(label)")
            #expect(reply.text == Self.blankDeal, "\(label)")
            #expect(try await sandbox.storedEmail(id: id)?.linkedID == nil)
        }
    }

    @Test(arguments: ["999999", "abc"])
    func attachToAnUnknownDealIsA422(dealID: String) async throws {
        try await withSandbox { sandbox, http in
            let id = try #require(try await sandbox.storedEmailIDs(status: 1).first)
            let reply = try await http.send(.PATCH, "emails/\(id)/attach", body: Self.attachBody(dealID))
            #expect(reply.status == 422)
            let error = try reply.error
            #expect(error["status"] as? String == "422")
            #expect(error["code"] as? String == "invalid_attribute")
            #expect(error["title"] as? String == "Invalid Attribute")
            #expect(error["detail"] as? String == "not found")
            #expect(error["source"] as? [String: String] == ["pointer": "data/attributes/deal"])
            #expect(try await sandbox.storedEmail(id: id)?.linkedID == nil)
        }
    }

    @Test func attachErrorsForMalformedBodyAndUnknownEmail() async throws {
        try await withSandbox { sandbox, http in
            let id = try #require(try await sandbox.storedEmailIDs(status: 1).first)
            let malformed = try await http.send(.PATCH, "emails/\(id)/attach", body: #"{"data": {"#)
            #expect(malformed.status == 400)
            #expect(try malformed.error["status"] as? String == "400")
            let dealID = try await Self.firstOpenDealID(http)
            let unknown = try await http.send(.PATCH, "emails/999999/attach", body: Self.attachBody(dealID))
            #expect(unknown.status == 404)
            let unknownBlank = try await http.send(.PATCH, "emails/999999/attach", body: Self.attachBody(""))
            #expect(unknownBlank.status == 404)
        }
    }

    @Test func dismissStampsTheWholeSecondAndKeepsIt() async throws {
        try await withSandbox { sandbox, http in
            let id = try #require(try await sandbox.storedEmailIDs(status: 1).first)
            let started = Date()
            let reply = try await http.send(.PATCH, "emails/\(id)/dismiss")
            #expect(reply.status == 200)
            let attributes = try #require(try reply.single["attributes"] as? [String: Any])
            let dismissedAt = try #require(attributes["dismissed_at"] as? String)
            #expect(dismissedAt.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000[+-]\d\d:\d\d/) != nil, "\(dismissedAt)")
            let stored = try #require(try await sandbox.storedEmail(id: id))
            #expect(stored.status == 3)
            let stamp = try #require(stored.dismissedAt)
            #expect(abs(stamp.timeIntervalSince(started)) < 60, "stamped now, not a fixed time (a loaded machine can take seconds)")
            let again = try await http.send(.PATCH, "emails/\(id)/dismiss", body: "")
            #expect(try (again.single["attributes"] as? [String: Any])?["dismissed_at"] as? String == dismissedAt)
            #expect(try await http.send(.PATCH, "emails/999999/dismiss").status == 404)
            #expect(try await http.send(.PATCH, "emails/\(id)/dismiss", body: "{oops").status == 400)
        }
    }

    @Test func deleteAnswers204ThenTheEmailIsGone() async throws {
        try await withSandbox { sandbox, http in
            let id = try #require(try await sandbox.storedEmailIDs(status: nil).first)
            let reply = try await http.send(.DELETE, "emails/\(id)")
            #expect(reply.status == 204)
            #expect(reply.bytes.isEmpty)
            #expect(try await http.send(.GET, "emails/\(id)").status == 404)
            #expect(try await http.send(.DELETE, "emails/\(id)").status == 404)
            #expect(try await sandbox.storedEmail(id: id) == nil)
            #expect(try await http.send(.GET, "emails").meta["total_count"] as? Int == 499)
        }
    }
}
