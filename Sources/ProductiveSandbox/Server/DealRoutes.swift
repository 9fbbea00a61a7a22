import Hummingbird

/// `GET /deals` and `GET /deals/{id}`, with `include=company` side-loading `companies`.
struct DealRoutes: Sendable {
    let store: DealStore
    let organizationID: String
    let timestamps: TimestampFormat

    func register<Context: RequestContext>(on group: RouterGroup<Context>) {
        group.get("deals") { request, _ in try await list(request) }
        group.get("deals/:id") { request, context in
            let raw = context.parameters.get("id") ?? ""
            let include = try ListParameters(query: QueryString(raw: request.uri.query)).include
            let includeCompany = try DealListQuery.includesCompany(include)
            guard let id = Int64(raw), let deal = try await store.deal(id: id) else {
                throw APIFailure.notFound("No deal with id \(raw)")
            }
            var members: [(String, JSONValue)] = [("data", resource(deal))]
            if includeCompany { members.append(("included", .array(companies(of: [deal])))) }
            members.append(("meta", .emptyObject))
            return JSONAPIResponse.document(.object(members))
        }
    }

    private func list(_ request: Request) async throws -> Response {
        let parameters = try ListParameters(query: QueryString(raw: request.uri.query))
        let query = try DealListQuery(parameters)
        let selected = query.select(from: try await store.all())
        let page = Array(selected.dropFirst(min(query.page.offset, selected.count)).prefix(query.page.size))
        let list = ListDocument(collectionURL: collectionURL(request, "deals"), parameters: parameters, totalCount: selected.count)
        return JSONAPIResponse.document(
            list.document(data: page.map(resource), included: query.includeCompany ? companies(of: page) : nil)
        )
    }

    private func resource(_ deal: DealRecord) -> JSONValue {
        DealResource(deal: deal, organizationID: organizationID, timestamps: timestamps).json
    }

    /// Each company once, in the order its first deal appears.
    private func companies(of deals: [DealRecord]) -> [JSONValue] {
        var seen: Set<Int64> = []
        return deals.filter { seen.insert($0.companyID).inserted }.map { DealResource.company(id: $0.companyID, name: $0.companyName) }
    }
}
