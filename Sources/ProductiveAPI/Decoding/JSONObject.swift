/// A JSON object's members in the order they were read.
///
/// Objects in Productive's answers are small (an email's `attributes`, the largest, has about
/// 25 members), so a member is found by looking through them: cheaper than hashing every key
/// of every object read, and growing a hash table for each. A key given twice reads as its
/// last value, as `JSON.parse` has it. Equal objects have the same keys with equal values, in
/// any order.
struct JSONObject: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    struct Member: Sendable, Hashable {
        var key: String
        var value: JSONValue
    }

    private(set) var members: [Member] = []

    init() {}

    init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (key, value) in elements { append(key, value) }
    }

    mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    subscript(key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    /// Each key once, in the order first read.
    var keys: [String] {
        var seen = Set<String>()
        return members.compactMap { seen.insert($0.key).inserted ? $0.key : nil }
    }

    var isEmpty: Bool { members.isEmpty }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        let keys = lhs.keys
        return keys.count == rhs.keys.count && keys.allSatisfy { lhs[$0] == rhs[$0] }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(keys.count)
    }
}
