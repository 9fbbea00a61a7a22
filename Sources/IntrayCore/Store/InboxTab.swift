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

/// The rows of one tab as far as they are listed, in the list's order: newest first as the
/// server sends them, unless the user sorted otherwise.
///
/// Positions are indexed by id, so finding, removing and putting back emails costs the same
/// whatever the selection: a batch is removed or merged in one pass over the tab.
public struct InboxTab: Sendable, Equatable {
    public private(set) var rows: [EmailRow] = []
    private var positions: [String: Int] = [:]
    /// The ids of `rows`, kept with them once the tab is large, so that selecting every row
    /// (`*`) shares this set rather than hashing 70,000 ids again. Smaller tabs build it when
    /// asked, and spare its memory.
    private var keptIDs: Set<String>?
    /// From this many rows on, `keptIDs` is kept: building the set when asked takes up to about
    /// 2 ms below it, and keeping it costs about 16 bytes per row.
    static let idsKeptFrom = 20_000
    /// `meta.total_count` of the last page, kept in step with local moves.
    public internal(set) var totalCount: Int?
    public internal(set) var load: LoadState = .notLoaded
    /// Bumped whenever a new load starts; answers carrying an older one are ignored.
    public internal(set) var generation = 0
    public private(set) var order: ListOrder = .newestFirst

    public init() {}

    public static func == (a: InboxTab, b: InboxTab) -> Bool {
        a.totalCount == b.totalCount && a.load == b.load && a.generation == b.generation && a.order == b.order && a.rows == b.rows
    }

    public var count: Int { rows.count }

    /// The ids of every row.
    public var ids: Set<String> { keptIDs ?? Set(rows.lazy.map(\.id)) }

    public func contains(_ id: String) -> Bool { positions[id] != nil }

    public func index(of id: String) -> Int? { positions[id] }

    public func row(_ id: String) -> EmailRow? { positions[id].map { rows[$0] } }

    /// Adds a page, skipping emails already held (pages shift when mail arrives mid-load).
    /// In server order the page goes at the end, and the range of indices appended is
    /// answered; in another order it is merged in, which moves rows already held, and nil is.
    public mutating func append(page: [EmailRow]) -> Range<Int>? {
        guard order == .newestFirst else {
            insert(contentsOf: page.filter { positions[$0.id] == nil })
            return nil
        }
        let start = rows.count
        for row in page where positions[row.id] == nil {
            positions[row.id] = rows.count
            keptIDs?.insert(row.id)
            rows.append(row)
        }
        keepIDsIfLarge()
        return start..<rows.count
    }

    /// Sorts the rows held, and those listed later, in `order`.
    public mutating func sort(by order: ListOrder) {
        guard order != self.order else { return }
        self.order = order
        order.sort(&rows)
        reindex()
    }

    /// Puts an email where the list's order would have it.
    @discardableResult
    public mutating func insert(_ row: EmailRow) -> Int {
        if let existing = positions[row.id] {
            rows[existing] = row
            return existing
        }
        let position = rows.partitionIndex { order.precedes(row, $0) }
        rows.insert(row, at: position)
        keptIDs?.insert(row.id)
        for index in position..<rows.count { positions[rows[index].id] = index }
        keepIDsIfLarge()
        return position
    }

    /// Puts many emails where the list's order would have them with one merge, replacing any
    /// already held.
    public mutating func insert(contentsOf incoming: [EmailRow]) {
        guard incoming.count > 1 else {
            if let row = incoming.first { insert(row) }
            return
        }
        var fresh: [EmailRow] = []
        for row in incoming {
            if let existing = positions[row.id] { rows[existing] = row } else { fresh.append(row) }
        }
        guard !fresh.isEmpty else { return }
        order.sort(&fresh)
        var keys = ListOrder.SenderKeys()
        var merged: [EmailRow] = []
        merged.reserveCapacity(rows.count + fresh.count)
        var i = 0, j = 0
        while i < rows.count || j < fresh.count {
            if j == fresh.count || (i < rows.count && !order.precedes(fresh[j], rows[i], keys: &keys)) {
                merged.append(rows[i]); i += 1
            } else {
                merged.append(fresh[j]); j += 1
            }
        }
        rows = merged
        for row in fresh { keptIDs?.insert(row.id) }
        reindex()
        keepIDsIfLarge()
    }

    @discardableResult
    public mutating func remove(id: String) -> (row: EmailRow, index: Int)? {
        guard let index = positions[id] else { return nil }
        let row = rows.remove(at: index)
        positions[id] = nil
        keptIDs?.remove(id)
        for later in index..<rows.count { positions[rows[later].id] = later }
        return (row, index)
    }

    /// Removes every email whose id is in `ids` in one pass; answers them in list order.
    @discardableResult
    public mutating func remove(ids: Set<String>) -> [EmailRow] {
        guard !ids.isEmpty else { return [] }
        if ids.count == 1, let id = ids.first { return remove(id: id).map { [$0.row] } ?? [] }
        var removed: [EmailRow] = []
        var kept: [EmailRow] = []
        kept.reserveCapacity(rows.count)
        for row in rows {
            if ids.contains(row.id) { removed.append(row) } else { kept.append(row) }
        }
        guard !removed.isEmpty else { return [] }
        rows = kept
        if keptIDs != nil {
            // Hashing what stays costs less than unhashing what goes, when more goes.
            if removed.count > kept.count {
                keptIDs = Set(kept.lazy.map(\.id))
            } else {
                for row in removed { keptIDs?.remove(row.id) }
            }
        }
        reindex()
        return removed
    }

    public mutating func replace(_ row: EmailRow) {
        guard let index = positions[row.id] else { return }
        rows[index] = row
    }

    /// Empties the tab for a new listing of about `count` emails; room for them is taken at
    /// once, since growing by doubling would leave up to half the array unused.
    public mutating func reset(expecting count: Int = 0) {
        rows = []
        positions = [:]
        let room = min(max(count, 0), 1_000_000)
        rows.reserveCapacity(room)
        positions.reserveCapacity(room)
        keptIDs = room >= Self.idsKeptFrom ? Set(minimumCapacity: room) : nil
    }

    private mutating func keepIDsIfLarge() {
        guard keptIDs == nil, rows.count >= Self.idsKeptFrom else { return }
        keptIDs = Set(rows.lazy.map(\.id))
    }

    private mutating func reindex() {
        positions = Dictionary(minimumCapacity: rows.count)
        for (index, row) in rows.enumerated() { positions[row.id] = index }
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
