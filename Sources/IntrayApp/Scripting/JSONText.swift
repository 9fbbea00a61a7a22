import Foundation
import ProductiveAPI

/// JSON written by hand so that keys keep their order and every control character is
/// escaped (`\u001b`, see `JSONStringLiteral`): a record printed raw to a terminal cannot
/// carry an escape sequence.
enum JSONText {
    indirect enum Value {
        case string(String?)
        case number(Int)
        case bool(Bool)
        case array([Value])
        case object([(String, Value)])
    }

    static func write(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Value, into out: inout String) {
        switch value {
        case .string(nil): out += "null"
        case .string(let text?): quote(text, into: &out)
        case .number(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                quote(member.0, into: &out)
                out += ":"
                write(member.1, into: &out)
            }
            out += "}"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        JSONStringLiteral.append(text, to: &out)
    }

    static func timestamp(_ date: Date?) -> Value {
        .string(date.map(isoString))
    }

    /// `2025-07-24T04:05:41.287Z`.
    static func isoString(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
