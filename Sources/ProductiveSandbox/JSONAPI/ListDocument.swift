/// The `links` and `meta` of a list document, shaped like Productive's:
/// `links` has `first` and `last` always and `next`/`prev` where those pages exist;
/// `meta` has `current_page`, `total_pages`, `total_count`, `page_size`, `max_page_size`.
struct ListDocument: Sendable {
    /// The collection's absolute URL without a query, e.g. `http://127.0.0.1:8080/api/v2/emails`.
    var collectionURL: String
    var parameters: ListParameters
    var totalCount: Int

    var totalPages: Int {
        (totalCount + parameters.page.size - 1) / parameters.page.size
    }

    func document(data: [JSONValue], included: [JSONValue]? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("data", .array(data))]
        if let included { members.append(("included", .array(included))) }
        members.append(("links", links))
        members.append(("meta", meta))
        return .object(members)
    }

    var meta: JSONValue {
        .object([
            ("current_page", .int(parameters.page.number)),
            ("total_pages", .int(totalPages)),
            ("total_count", .int(totalCount)),
            ("page_size", .int(parameters.page.size)),
            ("max_page_size", .int(PageSelection.maxSize)),
        ])
    }

    var links: JSONValue {
        let current = parameters.page.number
        let last = max(totalPages, 1)
        var links: [(String, JSONValue)] = [("first", .string(url(page: 1)))]
        if current > 1 { links.append(("prev", .string(url(page: min(current - 1, last))))) }
        if current < totalPages { links.append(("next", .string(url(page: current + 1)))) }
        links.append(("last", .string(url(page: last))))
        return .object(links)
    }

    private func url(page: Int) -> String {
        let query = QueryString(pairs: [
            ("page[number]", String(page)), ("page[size]", String(parameters.page.size)),
        ] + parameters.carried)
        return "\(collectionURL)?\(query.encoded)"
    }
}
