import Foundation

/// A JSON string literal, quotes included, with every control character escaped — C0, DEL
/// and C1, and the line and paragraph separators too, so the text is safe to print raw to a
/// terminal as well as to send.
public enum JSONStringLiteral {
    public static func quote(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    public static func append(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
