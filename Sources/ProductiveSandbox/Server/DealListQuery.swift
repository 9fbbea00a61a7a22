import Foundation

/// What `GET /deals` asks for, validated, and how it picks from all deals.
///
/// `query` matches a case-insensitive substring of the deal's name, number or company name.
/// Without `sort`, deals come by name (then id); `sort` takes `name`, `created_at`, `number`
/// and their `-` descending forms.
struct DealListQuery: Sendable {
    static let supportedFilters: Set<String> = ["query", "stage_status_id", "type", "company_id"]

    var text: String?
    var stageStatuses: [Int64]?
    var types: [Int64]?
    var companyIDs: [Int64]?
    var includeCompany: Bool
    var sortKey: String
    var ascending: Bool
    var page: PageSelection

    init(_ parameters: ListParameters) throws(APIFailure) {
        try parameters.requireOnly(filters: Self.supportedFilters)
        let trimmed = parameters.filters["query"]?.trimmingSpaces
        text = trimmed?.isEmpty == false ? trimmed : nil
        stageStatuses = try parameters.codeList("stage_status_id", allowed: 1...3, meaning: "1 (open), 2 (won) or 3 (lost)")
        types = try parameters.codeList("type", allowed: 1...2, meaning: "1 (deal) or 2 (budget)")
        companyIDs = try parameters.idList("company_id")
        includeCompany = try Self.includesCompany(parameters.include)
        let sort = parameters.sort ?? "name"
        ascending = !sort.hasPrefix("-")
        sortKey = ascending ? sort : String(sort.dropFirst())
        guard ["name", "created_at", "number"].contains(sortKey) else {
            throw .badParameter("sort \"\(sort)\" is not supported; use name, number or created_at, optionally with -")
        }
        page = parameters.page
    }

    /// The matching deals in order, before pagination.
    func select(from deals: [DealRecord]) -> [DealRecord] {
        let matching = deals.filter { deal in
            if let stageStatuses, !stageStatuses.contains(Int64(deal.stageStatusID)) { return false }
            if let types, !types.contains(Int64(deal.dealTypeID)) { return false }
            if let companyIDs, !companyIDs.contains(deal.companyID) { return false }
            if let text {
                return [deal.name, deal.number, deal.companyName].contains {
                    $0.range(of: text, options: .caseInsensitive) != nil
                }
            }
            return true
        }
        return matching.sorted { a, b in
            let order: ComparisonResult = switch sortKey {
            case "created_at": a.createdAt == b.createdAt ? .orderedSame : (a.createdAt < b.createdAt ? .orderedAscending : .orderedDescending)
            case "number": a.number.compare(b.number, options: .numeric)
            default: a.name.compare(b.name, options: [.caseInsensitive])
            }
            if order == .orderedSame { return ascending ? a.id < b.id : a.id > b.id }
            return ascending ? order == .orderedAscending : order == .orderedDescending
        }
    }

    static func includesCompany(_ include: [String]) throws(APIFailure) -> Bool {
        for name in include where name != "company" {
            throw .badParameter("include \"\(name)\" is not supported on deals; only company")
        }
        return include.contains("company")
    }
}
