import Foundation
import Hummingbird

/// `GET /emails`, `GET /emails/{id}`, `PATCH /emails/{id}/attach`, `PATCH /emails/{id}/dismiss`
/// and `DELETE /emails/{id}`, answering as `emails-api-doc.txt` shows.
struct EmailRoutes: Sendable {
    let store: EmailStore
    let organizationID: String
    let timestamps: TimestampFormat

    func register<Context: RequestContext>(on group: RouterGroup<Context>) {
        group.get("emails") { request, _ in try await list(request) }
        group.get("emails/:id") { _, context in try await show(try emailID(context)) }
        group.patch("emails/:id/attach") { request, context in
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            return try await attach(try emailID(context), body: body)
        }
        group.patch("emails/:id/dismiss") { request, context in
            var request = request
            _ = try RequestBody.json(try await request.collectBody(upTo: context.maxUploadSize))
            return try await dismiss(try emailID(context))
        }
        group.delete("emails/:id") { _, context in
            let id = try emailID(context)
            guard try await store.delete(emailID: id) else { throw APIFailure.emailNotFound(id) }
            return JSONAPIResponse.noContent
        }
    }

    private func list(_ request: Request) async throws -> Response {
        let parameters = try ListParameters(query: QueryString(raw: request.uri.query))
        let query = try EmailListQuery(parameters, timestamps: timestamps)
        let (emails, total) = try await store.page(query)
        let list = ListDocument(collectionURL: collectionURL(request, "emails"), parameters: parameters, totalCount: total)
        let resources = emails.map { EmailResource(email: $0, organizationID: organizationID, timestamps: timestamps, includeCreator: query.includeCreator) }
        guard query.includeCreator else { return JSONAPIResponse.document(list.document(data: resources.map(\.json))) }
        var seen: Set<Int64> = []
        let people = resources.filter { $0.email.from.map { seen.insert($0.id).inserted } ?? false }.compactMap(\.creatorResource)
        return JSONAPIResponse.document(list.document(data: resources.map(\.json), included: people))
    }

    private func show(_ id: Int64) async throws -> Response {
        guard let email = try await store.email(id: id) else { throw APIFailure.emailNotFound(id) }
        return single(email)
    }

    private func attach(_ id: Int64, body: ByteBuffer) async throws -> Response {
        let dealID = RequestBody.dealID(in: try RequestBody.json(body))
        guard let dealID, !dealID.isEmpty else {
            guard try await store.email(id: id) != nil else { throw APIFailure.emailNotFound(id) }
            throw APIFailure.invalidDeal("can't be blank")
        }
        guard let numericID = Int64(dealID) else {
            guard try await store.email(id: id) != nil else { throw APIFailure.emailNotFound(id) }
            throw APIFailure.invalidDeal("not found")
        }
        switch try await store.attach(emailID: id, dealID: numericID) {
        case .attached(let email): return single(email)
        case .emailNotFound: throw APIFailure.emailNotFound(id)
        case .dealNotFound: throw APIFailure.invalidDeal("not found")
        }
    }

    private func dismiss(_ id: Int64) async throws -> Response {
        // Productive stamps dismissals to the whole second (`06:05:42.000`).
        let now = Date(milliseconds: Int64(Date().timeIntervalSince1970) * 1000)
        guard let email = try await store.dismiss(emailID: id, at: now) else { throw APIFailure.emailNotFound(id) }
        return single(email)
    }

    private func single(_ email: SandboxEmail) -> Response {
        JSONAPIResponse.document(.object([("data", resource(email)), ("meta", .emptyObject)]))
    }

    private func resource(_ email: SandboxEmail) -> JSONValue {
        EmailResource(email: email, organizationID: organizationID, timestamps: timestamps).json
    }

    private func emailID<Context: RequestContext>(_ context: Context) throws(APIFailure) -> Int64 {
        let raw = context.parameters.get("id") ?? ""
        guard let id = Int64(raw) else { throw .notFound("No email with id \(raw)") }
        return id
    }
}

extension APIFailure {
    static func emailNotFound(_ id: Int64) -> APIFailure { .notFound("No email with id \(id)") }
}

/// The collection's absolute URL as the client addressed it (its `Host`), for `links`.
func collectionURL(_ request: Request, _ collection: String) -> String {
    "http://\(request.head.authority ?? "127.0.0.1")/api/v2/\(collection)"
}
