import Foundation
import ProductiveSandbox
import Testing

/// `GET /emails` filters, checked against what the sandbox stores.
@Suite struct EmailFilterTests {
    /// Every id the filtered listing returns, walking all pages of 200.
    static func allIDs(_ http: SandboxHTTP, _ filters: KeyValuePairs<String, String>) async throws -> [String] {
        var ids: [String] = []
        var page = 1
        while true {
            var pairs = Array(filters)
            pairs += [("page[number]", String(page)), ("page[size]", "200")]
            let query = pairs.map { SandboxHTTP.query([$0.0: $0.1]) }.joined(separator: "&")
            let reply = try await http.send(.GET, "emails?" + query)
            try #require(reply.status == 200, "\(reply.text)")
            ids += try reply.data.compactMap { $0["id"] as? String }
            if try reply.links["next"] == nil { return ids }
            page += 1
        }
    }

    static func stored(_ sandbox: Sandbox) async throws -> [SandboxEmail] {
        var emails: [SandboxEmail] = []
        for id in try await sandbox.storedEmailIDs(status: nil) {
            emails.append(try #require(try await sandbox.storedEmail(id: id)))
        }
        return emails
    }

    @Test func statusFilterMatchesStoredStatusAndMix() async throws {
        try await withSandbox { sandbox, http in
            var total = 0
            for status in 1...3 {
                let listed = try await Self.allIDs(http, ["filter[status]": String(status)])
                let stored = try await sandbox.storedEmailIDs(status: status)
                #expect(listed == stored)
                total += listed.count
            }
            #expect(total == 500)
            let unresolved = try await sandbox.storedEmailIDs(status: 1).count
            let resolved = try await sandbox.storedEmailIDs(status: 2).count
            let dismissed = try await sandbox.storedEmailIDs(status: 3).count
            #expect((300...400).contains(unresolved), "about 70% unresolved, got \(unresolved)")
            #expect((70...130).contains(resolved), "about 20% resolved, got \(resolved)")
            #expect((25...80).contains(dismissed), "about 10% dismissed, got \(dismissed)")
        }
    }

    @Test func combinedFiltersMatchTheStoredEmails() async throws {
        let configuration = SandboxConfiguration(referenceDate: referenceDate)
        try await withSandbox(configuration) { sandbox, http in
            let emails = try await Self.stored(sandbox)
            let company = try #require(emails.compactMap(\.companyID).first)
            // 2025-06-01 midnight in Zagreb (summer time, +02:00).
            let after = Date(timeIntervalSince1970: 1_748_728_800)
            let expected = emails.filter { $0.status != 2 && $0.companyID == company && $0.createdAt > after }.map(\.id)
            let listed = try await Self.allIDs(
                http, ["filter[status]": "1,3", "filter[company_id]": String(company), "filter[after]": "2025-06-01"]
            )
            #expect(listed == expected)
            #expect(!listed.isEmpty)
        }
    }

    @Test func beforeAndAfterTakeDatesAndTimestamps() async throws {
        let configuration = SandboxConfiguration(referenceDate: referenceDate)
        try await withSandbox(configuration) { sandbox, http in
            let emails = try await Self.stored(sandbox)
            let cut = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15T15:06:40Z
            let before = try await Self.allIDs(http, ["filter[before]": "2025-06-15T17:06:40.000+02:00"])
            let after = try await Self.allIDs(http, ["filter[after]": "2025-06-15T15:06:40Z"])
            #expect(before == emails.filter { $0.createdAt < cut }.map(\.id))
            #expect(after == emails.filter { $0.createdAt > cut }.map(\.id))
            #expect(!before.isEmpty && !after.isEmpty)
            let window = try await Self.allIDs(http, ["filter[after]": "2025-06-10", "filter[before]": "2025-06-20"])
            let start = Date(timeIntervalSince1970: 1_749_506_400), end = Date(timeIntervalSince1970: 1_750_370_400)
            #expect(window == emails.filter { $0.createdAt > start && $0.createdAt < end }.map(\.id))
        }
    }

    @Test func recipientAndCreatorFiltersFollowThePeople() async throws {
        try await withSandbox { _, http in
            // Person 1 is the first member of the organization's team, who receives mail.
            let received = try await Self.allIDs(http, ["filter[recipient_id]": "1"])
            let either = try await Self.allIDs(http, ["filter[sender_or_recipient_id]": "1"])
            #expect(!received.isEmpty)
            #expect(received == either, "the team never sends in the demo data")
            for id in received.prefix(10) {
                let attributes = try #require(try await http.send(.GET, "emails/\(id)").single["attributes"] as? [String: Any])
                let participants = try #require(attributes["participants"] as? [String: Any])
                #expect(participants.keys.contains("ivana.kovac@lumen-agency.com"))
            }
            // Contacts are people 101 and up; each creator's emails all come from one address.
            var checked = 0
            for person in 101...130 {
                let ids = try await Self.allIDs(http, ["filter[creator_id]": String(person)])
                guard let first = ids.first else { continue }
                var senders: Set<String> = []
                for id in ids.prefix(5) {
                    let attributes = try await http.send(.GET, "emails/\(id)").single["attributes"] as? [String: Any]
                    senders.insert(((attributes?["from"] as? [String: Any])?["address"] as? String) ?? "none")
                }
                #expect(senders.count == 1, "creator \(person) sent from \(senders), first \(first)")
                let both = try await Self.allIDs(http, ["filter[sender_or_recipient_id]": "\(person),1"])
                #expect(Set(both).isSuperset(of: ids) && Set(both).isSuperset(of: received))
                checked += 1
            }
            #expect(checked > 10)
            #expect(try await Self.allIDs(http, ["filter[creator_id]": "999999"]).isEmpty)
        }
    }
}
