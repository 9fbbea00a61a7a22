import Foundation
import ProductiveSandbox
import Testing

/// `GET /emails`: the document shape, pagination, links and meta, as the reference shows them.
@Suite struct EmailListTests {
    static let attributeKeys: Set<String> = [
        "subject", "body", "body_truncated", "auto_linked", "linked_type", "linked_id", "external_id",
        "dismissed_at", "created_at", "delivered_at", "received_at", "failed_at", "outgoing", "from",
        "recipients", "participants", "unread", "body_html", "snippet",
    ]
    static let relationshipKeys: Set<String> = [
        "organization", "creator", "deal", "invoice", "payment_reminder", "thread", "integration", "participants",
        "recipients", "to_recipients", "cc_recipients", "bcc_recipients", "attachments",
    ]

    @Test func firstPageHasReferenceMetaLinksAndOrder() async throws {
        try await withSandbox { sandbox, http in
            let reply = try await http.send(.GET, "emails")
            #expect(reply.status == 200)
            let meta = try reply.meta
            #expect(Set(meta.keys) == ["current_page", "total_pages", "total_count", "page_size", "max_page_size"])
            #expect(meta["current_page"] as? Int == 1)
            #expect(meta["total_pages"] as? Int == 17)
            #expect(meta["total_count"] as? Int == 500)
            #expect(meta["page_size"] as? Int == 30)
            #expect(meta["max_page_size"] as? Int == 200)

            let base = sandbox.baseURL.absoluteString + "/emails"
            #expect(try reply.links == [
                "first": "\(base)?page%5Bnumber%5D=1&page%5Bsize%5D=30",
                "next": "\(base)?page%5Bnumber%5D=2&page%5Bsize%5D=30",
                "last": "\(base)?page%5Bnumber%5D=17&page%5Bsize%5D=30",
            ])

            let data = try reply.data
            #expect(data.count == 30)
            let ids = data.compactMap { $0["id"] as? String }
            let stored = try await sandbox.storedEmailIDs(status: nil)
            #expect(ids == Array(stored.prefix(30)))
            let created = data.compactMap { ($0["attributes"] as? [String: Any])?["created_at"] as? String }
            #expect(created.count == 30)
            #expect(created == created.sorted(by: >), "newest first")
        }
    }

    @Test func everyEmailCarriesEveryReferenceKey() async throws {
        try await withSandbox { _, http in
            let data = try await http.send(.GET, "emails?" + SandboxHTTP.query(["page[size]": "200"])).data
            #expect(data.count == 200)
            for email in data {
                #expect(email["type"] as? String == "emails")
                let attributes = try #require(email["attributes"] as? [String: Any])
                #expect(Set(attributes.keys) == Self.attributeKeys)
                let relationships = try #require(email["relationships"] as? [String: Any])
                #expect(Set(relationships.keys) == Self.relationshipKeys)
                let organization = (relationships["organization"] as? [String: Any])?["data"] as? [String: String]
                #expect(organization == ["type": "organizations", "id": "1"])
                for name in Self.relationshipKeys.subtracting(["organization"]) {
                    let meta = (relationships[name] as? [String: Any])?["meta"] as? [String: Bool]
                    #expect(meta == ["included": false], "relationship \(name)")
                }
                #expect(attributes["recipients"] is [String: Any])
                #expect(attributes["participants"] is [String: Any])
                #expect(attributes["from"] is NSNull || attributes["from"] is [String: Any])
                let created = try #require(attributes["created_at"] as? String)
                #expect(created.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d/) != nil, "\(created)")
            }
        }
    }

    @Test func middlePageLinksKeepTheFilters() async throws {
        try await withSandbox { sandbox, http in
            let query = SandboxHTTP.query(["filter[status]": "1", "page[number]": "2", "page[size]": "10"])
            let reply = try await http.send(.GET, "emails?" + query)
            let total = try await sandbox.storedEmailIDs(status: 1).count
            let lastPage = (total + 9) / 10
            let base = sandbox.baseURL.absoluteString + "/emails"
            func link(_ page: Int) -> String { "\(base)?page%5Bnumber%5D=\(page)&page%5Bsize%5D=10&filter%5Bstatus%5D=1" }
            #expect(try reply.links == ["first": link(1), "prev": link(1), "next": link(3), "last": link(lastPage)])
            #expect(try reply.meta["total_count"] as? Int == total)
            #expect(try reply.meta["total_pages"] as? Int == lastPage)
        }
    }

    @Test func lastPageHasPrevButNoNext() async throws {
        try await withSandbox { _, http in
            let reply = try await http.send(.GET, "emails?" + SandboxHTTP.query(["page[number]": "3", "page[size]": "200"]))
            #expect(try reply.data.count == 100)
            #expect(try Set(reply.links.keys) == ["first", "prev", "last"])
        }
    }

    @Test func pagePastTheLastIsEmptyWithCorrectMeta() async throws {
        try await withSandbox { _, http in
            let reply = try await http.send(.GET, "emails?" + SandboxHTTP.query(["page[number]": "999"]))
            #expect(reply.status == 200)
            #expect(try reply.data.isEmpty)
            let meta = try reply.meta
            #expect(meta["current_page"] as? Int == 999)
            #expect(meta["total_pages"] as? Int == 17)
            #expect(meta["total_count"] as? Int == 500)
            #expect(try reply.links["next"] == nil)
            #expect(try reply.links["prev"]?.contains("page%5Bnumber%5D=17&") == true)
        }
    }

    @Test func oversizedPageIsClampedTo200() async throws {
        try await withSandbox { _, http in
            let reply = try await http.send(.GET, "emails?" + SandboxHTTP.query(["page[size]": "500"]))
            #expect(reply.status == 200)
            #expect(try reply.data.count == 200)
            #expect(try reply.meta["page_size"] as? Int == 200)
            #expect(try reply.links["first"]?.hasSuffix("page%5Bsize%5D=200") == true)
        }
    }

    @Test(arguments: [("page[size]", "0"), ("page[size]", "-5"), ("page[size]", "abc"), ("page[number]", "0"), ("page[number]", "x")])
    func invalidPageParameterIsA400(name: String, value: String) async throws {
        try await withSandbox { _, http in
            let reply = try await http.send(.GET, "emails?" + SandboxHTTP.query([name: value]))
            #expect(reply.status == 400)
            let error = try reply.error
            #expect(error["status"] as? String == "400")
            #expect(error["title"] as? String == "Invalid Parameter")
            #expect((error["detail"] as? String)?.contains(name) == true)
        }
    }

    @Test(arguments: ["foo", "project_id", "status][eq"])
    func unsupportedFilterIsA400(name: String) async throws {
        try await withSandbox { _, http in
            let reply = try await http.send(.GET, "emails?" + SandboxHTTP.query(["filter[\(name)]": "1"]))
            #expect(reply.status == 400)
            #expect(try reply.error["title"] as? String == "Unsupported Filter")
            #expect(try reply.error["status"] as? String == "400")
        }
    }

    @Test(arguments: [("creator_id", "abc"), ("recipient_id", "1,x"), ("company_id", ""), ("status", "4"),
                      ("status", "open"), ("before", "yesterday"), ("after", "2025-13-01")])
    func malformedFilterValueIsA400(name: String, value: String) async throws {
        try await withSandbox { _, http in
            let reply = try await http.send(.GET, "emails?" + SandboxHTTP.query(["filter[\(name)]": value]))
            #expect(reply.status == 400)
            #expect((try reply.error["detail"] as? String)?.contains("filter[\(name)]") == true)
        }
    }

    @Test func sortAscendingAndUnsupportedSort() async throws {
        try await withSandbox { sandbox, http in
            let oldest = try await http.send(.GET, "emails?sort=created_at").data.compactMap { $0["id"] as? String }
            let stored = try await sandbox.storedEmailIDs(status: nil)
            #expect(oldest == Array(stored.reversed().prefix(30)))
            let newest = try await http.send(.GET, "emails?sort=-created_at").data.compactMap { $0["id"] as? String }
            #expect(newest == Array(stored.prefix(30)))
            #expect(try await http.send(.GET, "emails?sort=subject").status == 400)
        }
    }
}
