/// `page[number]` (from 1) and `page[size]` (default 30, larger than 200 clamped to 200).
struct PageSelection: Sendable, Equatable {
    static let defaultSize = 30
    static let maxSize = 200

    var number: Int
    var size: Int

    /// Rows to skip; a page number too large to multiply simply lies past the end.
    var offset: Int {
        let (offset, overflow) = (number - 1).multipliedReportingOverflow(by: size)
        return overflow ? Int.max : offset
    }
}

/// The parts of a list request every endpoint reads the same way: pagination, the raw
/// `filter[…]` values, `sort` and `include`. What the filters mean is up to the endpoint.
struct ListParameters: Sendable {
    var page: PageSelection
    /// `filter[name]` → raw value, the last one winning when repeated.
    var filters: [String: String]
    var sort: String?
    var include: [String]
    /// Every parameter but `page[…]`, in request order, to carry into `links`.
    var carried: [(name: String, value: String)]

    init(query: QueryString) throws(APIFailure) {
        page = PageSelection(
            number: try Self.positiveInteger(query.value("page[number]"), name: "page[number]") ?? 1,
            size: min(try Self.positiveInteger(query.value("page[size]"), name: "page[size]") ?? PageSelection.defaultSize,
                      PageSelection.maxSize)
        )
        filters = [:]
        carried = []
        sort = query.value("sort")
        include = (query.value("include") ?? "").split(separator: ",").map { String($0) }
        for (name, value) in query.pairs {
            if name.hasPrefix("page[") { continue }
            carried.append((name, value))
            guard name.hasPrefix("filter") else { continue }
            guard name.hasPrefix("filter["), name.hasSuffix("]"), name.count > "filter[]".count else {
                throw .unsupportedFilter(name)
            }
            let filterName = String(name.dropFirst("filter[".count).dropLast())
            // Operators (`filter[x][gt]`) exist elsewhere in Productive, not on these endpoints.
            guard !filterName.contains("[") && !filterName.contains("]") else { throw .unsupportedFilter(filterName) }
            filters[filterName] = value
        }
    }

    /// Throws "Unsupported Filter" for the first filter not in `supported`.
    func requireOnly(filters supported: Set<String>) throws(APIFailure) {
        if let unsupported = filters.keys.sorted().first(where: { !supported.contains($0) }) {
            throw .unsupportedFilter(unsupported)
        }
    }

    /// `filter[name]=1,2,3` as numbers; nil when the filter is absent.
    func idList(_ name: String) throws(APIFailure) -> [Int64]? {
        guard let raw = filters[name] else { return nil }
        var ids: [Int64] = []
        for part in raw.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = part.trimmingSpaces
            guard let id = Int64(trimmed), id >= 0 else {
                throw .badParameter("filter[\(name)] must be a comma-separated list of numeric ids, got \"\(raw)\"")
            }
            ids.append(id)
        }
        return ids
    }

    /// `filter[name]` as a list of numbers each within `allowed`; nil when absent.
    func codeList(_ name: String, allowed: ClosedRange<Int64>, meaning: String) throws(APIFailure) -> [Int64]? {
        guard let codes = try? idList(name), codes.allSatisfy(allowed.contains) else {
            if filters[name] == nil { return nil }
            throw .badParameter("filter[\(name)] must be \(meaning), got \"\(filters[name] ?? "")\"")
        }
        return codes
    }

    private static func positiveInteger(_ raw: String?, name: String) throws(APIFailure) -> Int? {
        guard let raw else { return nil }
        guard let value = Int(raw.trimmingSpaces), value > 0 else {
            throw .badParameter("\(name) must be a positive integer, got \"\(raw)\"")
        }
        return value
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces; touches only the spaces, not the whole text.
    var trimmingSpaces: String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == " " { start = index(after: start) }
        while end > start, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[start..<end])
    }
}
