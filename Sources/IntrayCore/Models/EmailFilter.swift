import Foundation

/// The filters `GET /emails` documents. Empty arrays and nils are not sent.
public struct EmailFilter: Sendable, Hashable {
    public var status: EmailStatus?
    public var creatorIDs: [String]
    public var recipientIDs: [String]
    public var senderOrRecipientIDs: [String]
    /// `filter[before]` / `filter[after]`: dates on creation, sent as given (e.g. `2025-07-24`).
    public var before: String?
    public var after: String?

    public init(
        status: EmailStatus? = nil, creatorIDs: [String] = [], recipientIDs: [String] = [],
        senderOrRecipientIDs: [String] = [], before: String? = nil, after: String? = nil
    ) {
        self.status = status
        self.creatorIDs = creatorIDs
        self.recipientIDs = recipientIDs
        self.senderOrRecipientIDs = senderOrRecipientIDs
        self.before = before
        self.after = after
    }
}

extension EmailFilter {
    /// This filter for one tab (and, when given, only emails created after a day).
    public func with(status: EmailStatus, after day: String? = nil) -> EmailFilter {
        var copy = self
        copy.status = status
        if let day { copy.after = day }
        return copy
    }
}

/// `page[number]` (from 1) and `page[size]` (1...200).
public struct PageRequest: Sendable, Hashable {
    /// The API's largest `page[size]`.
    public static let largestSize = 200

    public var number: Int
    public var size: Int

    public init(number: Int = 1, size: Int = 30) {
        self.number = number
        self.size = size
    }
}

/// The `meta` of a list document.
public struct PageMeta: Sendable, Hashable {
    public var currentPage: Int
    public var totalPages: Int
    public var totalCount: Int
    public var pageSize: Int
    public var maxPageSize: Int?

    public init(currentPage: Int, totalPages: Int, totalCount: Int, pageSize: Int, maxPageSize: Int? = nil) {
        self.currentPage = currentPage
        self.totalPages = totalPages
        self.totalCount = totalCount
        self.pageSize = pageSize
        self.maxPageSize = maxPageSize
    }
}

/// One page of `GET /emails`.
public struct EmailPage: Sendable, Hashable {
    public var emails: [Email]
    public var meta: PageMeta

    public init(emails: [Email], meta: PageMeta) {
        self.emails = emails
        self.meta = meta
    }
}
