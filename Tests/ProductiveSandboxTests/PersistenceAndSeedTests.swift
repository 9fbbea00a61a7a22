import Foundation
import ProductiveSandbox
import Testing

/// `databasePath` persistence, determinism of the seed, the demo data's shape, and seeding 100k.
@Suite struct PersistenceAndSeedTests {
    @Test func databaseFileKeepsStateAcrossRestarts() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (dismissed, deleted, attached, dealID) = try await withSandbox(SandboxConfiguration(databasePath: path)) { sandbox, http in
            let ids = try await sandbox.storedEmailIDs(status: 1)
            let dealID = try #require(try await http.send(.GET, "deals").data.first?["id"] as? String)
            #expect(try await http.send(.PATCH, "emails/\(ids[0])/dismiss").status == 200)
            #expect(try await http.send(.DELETE, "emails/\(ids[1])").status == 204)
            #expect(try await http.send(.PATCH, "emails/\(ids[2])/attach", body: EmailActionTests.attachBody(dealID)).status == 200)
            return (ids[0], ids[1], ids[2], dealID)
        }
        // A different seed and count must not reseed a database that already has data.
        try await withSandbox(SandboxConfiguration(databasePath: path, emailCount: 20, seed: 99)) { sandbox, http async throws in
            #expect(try await http.send(.GET, "emails").meta["total_count"] as? Int == 499)
            #expect(try await sandbox.storedEmail(id: dismissed)?.status == 3)
            #expect(try await sandbox.storedEmail(id: deleted) == nil)
            #expect(try await http.send(.GET, "emails/\(deleted)").status == 404)
            #expect(try await sandbox.storedEmail(id: attached)?.linkedID == Int(dealID))
        }
    }

    @Test func sameSeedGivesTheSameDataAndAnotherSeedDoesNot() async throws {
        func firstPage(seed: UInt64) async throws -> [String] {
            try await withSandbox(SandboxConfiguration(seed: seed, referenceDate: referenceDate)) { _, http in
                let data = try await http.send(.GET, "emails?page%5Bsize%5D=200").data
                return try data.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: .sortedKeys), as: UTF8.self) }
            }
        }
        let first = try await firstPage(seed: 1)
        #expect(first.count == 200)
        #expect(try await firstPage(seed: 1) == first)
        #expect(try await firstPage(seed: 2) != first)
    }

    @Test func demoDataLooksLikeARealInbox() async throws {
        try await withSandbox(SandboxConfiguration(referenceDate: referenceDate)) { sandbox, http in
            var emails: [[String: Any]] = []
            for page in 1...3 {
                emails += try await http.send(.GET, "emails?page%5Bsize%5D=200&page%5Bnumber%5D=\(page)").data
                    .compactMap { $0["attributes"] as? [String: Any] }
            }
            #expect(emails.count == 500)
            let htmlOnly = emails.filter { (($0["body"] as? String) ?? "").isEmpty && $0["body_html"] is String }
            #expect((60...140).contains(htmlOnly.count), "about 20% HTML-only, got \(htmlOnly.count)")
            #expect(htmlOnly.contains { $0["body"] is NSNull } && htmlOnly.contains { $0["body"] as? String == "" })
            let html = try #require(htmlOnly.first?["body_html"] as? String)
            for tag in ["<p>", "<ul>", "<a href=", "<table>"] { #expect(html.contains(tag)) }
            let bare = emails.filter { $0["from"] is NSNull }
            #expect(!bare.isEmpty)
            #expect(bare.allSatisfy { ($0["recipients"] as? [String: Any])?.isEmpty == true })
            let subjects = emails.compactMap { $0["subject"] as? String }
            #expect(subjects.count < emails.count, "some subjects are null")
            #expect(subjects.contains { $0.contains("Angebot für ") })
            #expect(subjects.contains { $0.contains(where: { "äöüÄÖÜßčćšžđ".contains($0) }) }, "umlauts and Croatian letters")
            #expect(subjects.contains { $0.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) } }, "some CJK")
            #expect(subjects.contains { $0.count > 120 })
            let unread = emails.filter { $0["unread"] as? Bool == true }.count
            #expect((100...200).contains(unread), "about 30% unread, got \(unread)")
            let nameless = emails.compactMap { $0["from"] as? [String: Any] }.filter { $0["name"] is NSNull }
            #expect(!nameless.isEmpty)
            let senders = Set(emails.compactMap { ($0["from"] as? [String: Any])?["address"] as? String })
            let domains = Set(senders.compactMap { $0.split(separator: "@").last })
            #expect(domains.count >= 40)

            // Senders of unresolved mail who also have resolved mail, for the app's deal suggestion.
            var statusesBySender: [String: Set<Int>] = [:]
            for id in try await sandbox.storedEmailIDs(status: nil) {
                let email = try #require(try await sandbox.storedEmail(id: id))
                if let address = email.fromAddress { statusesBySender[address, default: []].insert(email.status) }
                if email.status == 2 { #expect(email.linkedType == "Quote") }
            }
            #expect(statusesBySender.values.filter { $0.isSuperset(of: [1, 2]) }.count >= 10)
            let span = try await sandbox.storedEmail(id: "1")?.createdAt.distance(to: referenceDate) ?? 0
            #expect((85 * 86_400...90 * 86_400).contains(span), "the oldest email is about 90 days old")
        }
    }

    @Test func resolvedEmailsLinkToADealOfTheSendersCompany() async throws {
        try await withSandbox { sandbox, http in
            let deals = try await DealTests.deals(http)
            var companyOfDeal: [Int: Int] = [:]
            for deal in deals {
                let company = ((deal["relationships"] as? [String: Any])?["company"] as? [String: Any]).flatMap { $0["data"] as? [String: String] }
                companyOfDeal[Int(deal["id"] as? String ?? "") ?? 0] = company?["id"].flatMap(Int.init)
            }
            let resolved = try await sandbox.storedEmailIDs(status: 2)
            #expect(!resolved.isEmpty)
            for id in resolved {
                let email = try #require(try await sandbox.storedEmail(id: id))
                #expect(companyOfDeal[email.linkedID ?? 0] == email.companyID, "email \(id)")
            }
        }
    }

    @Test(.timeLimit(.minutes(3))) func seedsOneHundredThousandEmails() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 100_000))
        let elapsed = clock.now - started
        print("Seeded 100,000 emails and started listening in \(elapsed)")
        let http = SandboxHTTP(sandbox: sandbox)
        let listed = clock.now
        let reply = try await http.send(.GET, "emails?" + SandboxHTTP.query(["filter[status]": "1", "page[size]": "200"]))
        print("First page of 200 unresolved emails out of 100,000 in \(clock.now - listed)")
        #expect(reply.status == 200)
        #expect(try reply.data.count == 200)
        let all = try await http.send(.GET, "emails?" + SandboxHTTP.query(["page[number]": "500", "page[size]": "200"]))
        #expect(try all.meta["total_count"] as? Int == 100_000)
        #expect(try all.data.count == 200)
        await sandbox.stop()
    }
}
