import Foundation
@testable import ProductiveSandbox
import Testing

/// `GET /deals` and `GET /deals/{id}`: deals and budgets, filters, `include=company`.
@Suite struct DealTests {
    static func deals(_ http: SandboxHTTP, _ filters: KeyValuePairs<String, String> = [:]) async throws -> [[String: Any]] {
        let query = SandboxHTTP.query(filters)
        let reply = try await http.send(.GET, "deals?page%5Bsize%5D=200" + (query.isEmpty ? "" : "&" + query))
        try #require(reply.status == 200, "\(reply.text)")
        return try reply.data
    }

    static func attributes(_ deal: [String: Any]) -> [String: Any] { deal["attributes"] as? [String: Any] ?? [:] }

    @Test func listHasNameNumberAndCompany() async throws {
        try await withSandbox { sandbox, http in
            let reply = try await http.send(.GET, "deals")
            #expect(reply.status == 200)
            #expect(try reply.meta["page_size"] as? Int == 30)
            #expect(try reply.links["first"] == sandbox.baseURL.absoluteString + "/deals?page%5Bnumber%5D=1&page%5Bsize%5D=30")
            let all = try await Self.deals(http)
            #expect((60...100).contains(all.count))
            for deal in all {
                #expect(deal["type"] as? String == "deals")
                #expect((Self.attributes(deal)["name"] as? String)?.isEmpty == false)
                #expect((Self.attributes(deal)["number"] as? String)?.wholeMatch(of: /D-\d{4}/) != nil)
                let company = ((deal["relationships"] as? [String: Any])?["company"] as? [String: Any])?["data"] as? [String: String]
                #expect(company?["type"] == "companies")
                #expect(company?["id"].flatMap(Int.init) != nil)
            }
            #expect(try reply.json["included"] == nil)
        }
    }

    @Test func filtersByStageTypeAndCompany() async throws {
        try await withSandbox { _, http in
            let open = try await Self.deals(http, ["filter[stage_status_id]": "1"])
            #expect(open.count == 40)
            #expect(open.allSatisfy { Self.attributes($0)["stage_status_id"] as? Int == 1 })
            let budgets = try await Self.deals(http, ["filter[type]": "2"])
            #expect(!budgets.isEmpty)
            #expect(budgets.allSatisfy { Self.attributes($0)["budget"] as? Bool == true })
            let wonOrLost = try await Self.deals(http, ["filter[stage_status_id]": "2,3", "filter[type]": "1"])
            #expect(!wonOrLost.isEmpty)
            #expect(wonOrLost.allSatisfy { [2, 3].contains(Self.attributes($0)["stage_status_id"] as? Int) })
            let companyDeals = try await Self.deals(http, ["filter[company_id]": "3"])
            #expect(!companyDeals.isEmpty)
            #expect(companyDeals.allSatisfy {
                (($0["relationships"] as? [String: Any])?["company"] as? [String: Any]).flatMap { $0["data"] as? [String: String] }?["id"] == "3"
            })
        }
    }

    @Test func queryMatchesNameNumberAndCompanyIgnoringCase() async throws {
        try await withSandbox { _, http in
            let mueller = try await Self.deals(http, ["filter[query]": "müller gmbh", "include": "company"])
            #expect(!mueller.isEmpty)
            let byNumber = try await Self.deals(http, ["filter[query]": "d-1001"])
            #expect(byNumber.map { Self.attributes($0)["number"] as? String } == ["D-1001"])
            // "Hotels" is in the company name "Kvarner Hotels d.o.o." and in deal names built from it.
            let hotels = try await Self.deals(http, ["filter[query]": "HOTELS", "filter[stage_status_id]": "1"])
            #expect(hotels.count == 1)
            #expect(try await Self.deals(http, ["filter[query]": "no such deal anywhere"]).isEmpty)
        }
    }

    @Test func includeCompanySideLoadsCompanies() async throws {
        try await withSandbox { _, http in
            let reply = try await http.send(.GET, "deals?" + SandboxHTTP.query(["include": "company", "filter[type]": "1"]))
            let included = try #require(try reply.json["included"] as? [[String: Any]])
            let companyIDs = Set(try reply.data.compactMap {
                (($0["relationships"] as? [String: Any])?["company"] as? [String: Any]).flatMap { $0["data"] as? [String: String] }?["id"]
            })
            #expect(Set(included.compactMap { $0["id"] as? String }) == companyIDs)
            #expect(included.count == companyIDs.count, "each company once")
            for company in included {
                #expect(company["type"] as? String == "companies")
                #expect(((company["attributes"] as? [String: Any])?["name"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test func showOneDealAndItsErrors() async throws {
        try await withSandbox { _, http in
            let first = try #require(try await Self.deals(http).first)
            let id = try #require(first["id"] as? String)
            let reply = try await http.send(.GET, "deals/\(id)?include=company")
            #expect(reply.status == 200)
            #expect(try reply.meta.isEmpty)
            #expect(try reply.single["id"] as? String == id)
            #expect((try reply.json["included"] as? [[String: Any]])?.count == 1)
            #expect(try await http.send(.GET, "deals/424242").status == 404)
            #expect(try await http.send(.GET, "deals?" + SandboxHTTP.query(["filter[name]": "x"])).error["title"] as? String == "Unsupported Filter")
            #expect(try await http.send(.GET, "deals?include=owner").status == 400)
            #expect(try await http.send(.GET, "deals?" + SandboxHTTP.query(["filter[stage_status_id]": "open"])).status == 400)
            #expect(try await http.send(.GET, "deals?" + SandboxHTTP.query(["page[size]": "0"])).status == 400)
        }
    }
}

@Suite struct DemoDealNameTests {
    @Test(arguments: [
        ("Weber & Söhne", "Weber"), ("Pixel & Partners", "Pixel"), ("Kvarner Hotels d.o.o.", "Kvarner Hotels"),
        ("Müller GmbH", "Müller"), ("Acme Corporation", "Acme"), ("Tokyo Robotics 東京ロボティクス", "Tokyo Robotics"),
        ("Frankfurter Messe Service", "Frankfurter Messe"),
    ])
    func aDealNamesItsCompanyShortWithoutItsLegalForm(company: String, short: String) {
        #expect(DemoDirectory.shortName(of: company) == short)
    }
}
