import Foundation

/// Where the loading of one tab stands.
public enum LoadState: Sendable, Equatable {
    case notLoaded
    case loading(pagesLoaded: Int, totalPages: Int?)
    case loaded
    case failed(APIError)

    public var isLoading: Bool {
        if case .loading = self { return true }
        return false
    }
}

/// The emails of one tab as far as they are loaded, newest first as the server sends them.
public struct InboxTab: Sendable, Equatable {
    public private(set) var emails: [Email] = []
    private var ids: Set<String> = []
    /// `meta.total_count` of the last page, kept in step with local moves.
    public var totalCount: Int?
    public var load: LoadState = .notLoaded
    /// Bumped whenever a new load starts; answers carrying an older one are ignored.
    public var generation = 0

    public init() {}

    public var count: Int { emails.count }

    public func contains(_ id: String) -> Bool { ids.contains(id) }

    public func index(of id: String) -> Int? {
        guard ids.contains(id) else { return nil }
        return emails.firstIndex { $0.id == id }
    }

    /// Appends a page, skipping emails already held (pages shift when mail arrives mid-load).
    /// Returns the range of indices appended.
    @discardableResult
    public mutating func append(page: [Email]) -> Range<Int> {
        let start = emails.count
        for email in page where ids.insert(email.id).inserted {
            emails.append(email)
        }
        return start..<emails.count
    }

    /// Puts an email where the server's order (newest first) would have it.
    @discardableResult
    public mutating func insert(_ email: Email) -> Int {
        if let existing = index(of: email.id) {
            emails[existing] = email
            return existing
        }
        let position = emails.partitionIndex { InboxTab.precedes(email, $0) }
        emails.insert(email, at: position)
        ids.insert(email.id)
        return position
    }

    @discardableResult
    public mutating func remove(id: String) -> (email: Email, index: Int)? {
        guard let index = index(of: id) else { return nil }
        ids.remove(id)
        return (emails.remove(at: index), index)
    }

    public mutating func replace(_ email: Email) {
        guard let index = index(of: email.id) else { return }
        emails[index] = email
    }

    public mutating func reset() {
        emails = []
        ids = []
    }

    /// Server order: `created_at` descending, then id descending.
    static func precedes(_ a: Email, _ b: Email) -> Bool {
        if a.createdAt != b.createdAt { return a.createdAt > b.createdAt }
        if let x = Int(a.id), let y = Int(b.id) { return x > y }
        return a.id > b.id
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, assuming every element that does
    /// comes after every element that does not.
    func partitionIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
