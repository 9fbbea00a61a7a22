/// A JSON document built in memory and written with its keys in the order they were given,
/// so the sandbox's answers read like the reference (`subject` first, `body_html` last).
///
/// The sandbox writes its own JSON rather than sharing the client's coding: it is a peer that
/// checks the client, so it must not inherit the client's mistakes.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// `.string` when there is a value, `.null` otherwise.
    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    static func bool(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }

    static let emptyObject = JSONValue.object([])

    /// The document as compact UTF-8 JSON.
    var serialized: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let quote: UInt8 = 0x22
    private static let backslash: UInt8 = 0x5C

    /// Copies runs of bytes that need no escaping in one go: the per-byte path is slow in
    /// debug builds, and a page of 200 emails is a few hundred kilobytes of text.
    private static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(quote)
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20 && byte != quote && byte != backslash {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                switch byte {
                case quote: out.append(contentsOf: [backslash, quote])
                case backslash: out.append(contentsOf: [backslash, backslash])
                case 0x0A: out.append(contentsOf: [backslash, 0x6E])  // \n
                case 0x0D: out.append(contentsOf: [backslash, 0x72])  // \r
                case 0x09: out.append(contentsOf: [backslash, 0x74])  // \t
                default:
                    out.append(contentsOf: [backslash, 0x75, 0x30, 0x30])  // \u00
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0F)])
                }
                index += 1
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        out.append(quote)
    }
}
