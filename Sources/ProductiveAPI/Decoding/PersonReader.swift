import IntrayCore

/// Reads senders and recipients from whatever shape the server used. The documentation only
/// shows `null` and `{}`, so this accepts every plausible form and never fails:
///
/// - `"Name <a@b>"`, `"a@b"`, and comma-separated lists of those;
/// - objects `{name, address}`, `{name, email}`, `{email_address, display_name}`, ...
///   (also wrapped in `attributes`);
/// - `{"a@b": "Name"}` maps;
/// - grouped objects `{"to": [...], "cc": [...], "bcc": [...], "from": ...}`;
/// - arrays of any of these.
///
/// Anything else (numbers, booleans, unknown objects) yields no one.
enum PersonReader {
    static let nameKeys = ["name", "display_name", "full_name", "fullName", "displayName", "personal"]
    static let addressKeys = ["address", "email", "email_address", "emailAddress", "mail", "addr"]
    static let groupKeys = ["from", "sender", "to", "cc", "bcc", "reply_to"]

    /// The first person found, for `from`.
    static func sender(_ value: JSONValue?) -> Person? {
        guard let value else { return nil }
        if let group = value["from"] ?? value["sender"], isGrouped(value) { return people(group).first }
        return people(value).first
    }

    /// `to` and `cc` when the shape says so; everyone in `to` otherwise.
    static func recipients(_ value: JSONValue?) -> (to: [Person], cc: [Person]) {
        guard let value else { return ([], []) }
        if isGrouped(value) {
            return (people(value["to"]), people(value["cc"]))
        }
        return (people(value), [])
    }

    /// Everyone, in order, groups flattened.
    static func people(_ value: JSONValue?) -> [Person] {
        guard let value else { return [] }
        switch value {
        case .null, .bool, .number:
            return []
        case .string(let text):
            return AddressList.parse(text)
        case .array(let items):
            return items.flatMap { people($0) }
        case .object(let object):
            if let attributes = object["attributes"], case .object = attributes { return people(attributes) }
            if let person = person(object) { return [person] }
            if isGrouped(value) {
                return groupKeys.flatMap { people(object[$0]) }
            }
            if let data = object["data"] { return people(data) }
            return emailKeyedMap(object)
        }
    }

    private static func isGrouped(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return false }
        return groupKeys.contains { object[$0] != nil }
    }

    private static func person(_ object: JSONObject) -> Person? {
        let address = addressKeys.lazy.compactMap { object[$0]?.text }.first
        var name = nameKeys.lazy.compactMap { object[$0]?.text }.first
        if name == nil {
            let parts = ["first_name", "last_name"].compactMap { object[$0]?.text }.filter { !$0.isEmpty }
            if !parts.isEmpty { name = parts.joined(separator: " ") }
        }
        guard address != nil || name != nil else { return nil }
        // An address field holding "Name <a@b>" is split rather than shown whole.
        if let address, let parsed = AddressList.parse(address).first, parsed.address != address {
            return Person(name: name ?? parsed.name, address: parsed.address)
        }
        return Person(name: name, address: address)
    }

    /// `{"a@b": "Name"}`: keys that look like addresses.
    private static func emailKeyedMap(_ object: JSONObject) -> [Person] {
        object.keys.sorted().compactMap { key in
            guard key.utf8.contains(UInt8(ascii: "@")) else { return nil }
            return Person(name: object[key]?.text, address: key)
        }
    }
}
