import Foundation
import ProductiveSandbox
import Testing

/// Authentication, content type and routing errors, on every route.
@Suite struct RequestGateTests {
    static let routes: [(SandboxHTTP.Method, String)] = [
        (.GET, "emails"), (.GET, "emails/1"), (.PATCH, "emails/1/attach"), (.PATCH, "emails/1/dismiss"),
        (.DELETE, "emails/1"), (.GET, "deals"), (.GET, "deals/301"),
    ]

    @Test func missingOrWrongTokenIsA401() async throws {
        try await withSandbox { sandbox, http in
            for (method, path) in Self.routes {
                let missing = try await http.send(method, path, headers: ["X-Auth-Token": nil])
                #expect(missing.status == 401, "\(method) \(path)")
                #expect(try missing.error["status"] as? String == "401")
                #expect(try missing.error["title"] as? String == "Unauthorized")
                let wrong = try await http.send(method, path, headers: ["X-Auth-Token": "not-the-token"])
                #expect(wrong.status == 401)
            }
            #expect(try await sandbox.storedEmail(id: "1") != nil, "a refused DELETE changes nothing")
        }
    }

    @Test func missingOrWrongOrganizationIsA401SayingSo() async throws {
        try await withSandbox { _, http in
            let missing = try await http.send(.GET, "emails", headers: ["X-Organization-Id": nil])
            #expect(missing.status == 401)
            #expect((try missing.error["detail"] as? String)?.contains("X-Organization-Id") == true)
            let wrong = try await http.send(.GET, "emails", headers: ["X-Organization-Id": "2"])
            #expect(wrong.status == 401)
            #expect(try wrong.error["detail"] as? String == "X-Organization-Id 2 does not match the token's organization")
        }
    }

    @Test func customCredentialsAreTheOnlyOnesAccepted() async throws {
        let configuration = SandboxConfiguration(emailCount: 10, token: "s3cret", organizationID: "484")
        try await withSandbox(configuration) { sandbox, http in
            #expect(sandbox.token == "s3cret")
            #expect(sandbox.organizationID == "484")
            let reply = try await http.send(.GET, "emails/1")
            #expect(reply.status == 200)
            let organization = (try reply.single["relationships"] as? [String: Any])?["organization"] as? [String: Any]
            #expect(organization?["data"] as? [String: String] == ["type": "organizations", "id": "484"])
            #expect(try await http.send(.GET, "emails", headers: ["X-Organization-Id": "1"]).status == 401)
        }
    }

    @Test(arguments: [nil, "application/json", "text/plain", "application/vnd.api+jsonx"] as [String?])
    func wrongOrMissingContentTypeIsA415OnEveryRoute(contentType: String?) async throws {
        try await withSandbox { _, http in
            for (method, path) in Self.routes {
                let reply = try await http.send(method, path, headers: ["Content-Type": contentType])
                #expect(reply.status == 415, "\(method) \(path) with \(contentType ?? "none")")
                #expect(try reply.error["status"] as? String == "415")
            }
        }
    }

    @Test func contentTypeParametersAreAccepted() async throws {
        try await withSandbox { _, http in
            let reply = try await http.send(.GET, "emails", headers: ["Content-Type": "application/vnd.api+json; charset=utf-8"])
            #expect(reply.status == 200)
        }
    }

    @Test(arguments: [(SandboxHTTP.Method.GET, "projects"), (.POST, "emails"), (.GET, "emails/1/attach"), (.PUT, "deals/301")])
    func unknownRouteIsAJSONAPI404(method: SandboxHTTP.Method, path: String) async throws {
        try await withSandbox { sandbox, http in
            let reply = try await http.send(method, path)
            #expect(reply.status == 404)
            #expect(try reply.error["status"] as? String == "404")
            #expect(await sandbox.statistics.requests(to: "other") == 1)
        }
    }
}
