/// Any JSON value, for the parts of a document whose shape is not fixed (people, errors,
/// relationships). Decoding it never fails on shape.
enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Decoder offers no way to peek at a value's type, only to try and fail, and each failure
    /// builds a `DecodingError` (about 10 µs). So each place tries its likely shape first: here,
    /// a value inside an object, text (a name, an address), then a list, then an object.
    init(from decoder: any Decoder) throws {
        self = try Self.decode(decoder, trying: [.string, .array, .object])
    }

    enum Shape { case object, array, string }

    static func decode(_ decoder: any Decoder, trying order: [Shape]) throws -> JSONValue {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { return .null }
        for shape in order {
            switch shape {
            case .string:
                if let string = try? single.decode(String.self) { return .string(string) }
            case .object:
                if let object = try? decoder.container(keyedBy: AnyKey.self) {
                    var values = JSONObject()
                    for key in object.allKeys {
                        values.append(key.stringValue, try object.decode(JSONValue.self, forKey: key))
                    }
                    return .object(values)
                }
            case .array:
                if var array = try? decoder.unkeyedContainer() {
                    var values: [JSONValue] = []
                    while !array.isAtEnd { values.append(try array.decode(JSONListItem.self).value) }
                    return .array(values)
                }
            }
        }
        if let bool = try? single.decode(Bool.self) { return .bool(bool) }
        return .number(try single.decode(Double.self))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// A string, or a number written as one (ids come both ways).
    var text: String? {
        switch self {
        case .string(let string): string
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default: nil
        }
    }
}

/// A `JSONValue` for a whole field whose shape is unknown (`from`, `recipients`, `relationships`):
/// an object first, then a list, then text.
struct JSONContainerFirst: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        value = try JSONValue.decode(decoder, trying: [.object, .array, .string])
    }
}

/// A `JSONValue` inside a list: an object first, then text, then a list.
struct JSONListItem: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        value = try JSONValue.decode(decoder, trying: [.object, .string, .array])
    }
}

/// A coding key for any name, as used by `JSONValue` objects.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
