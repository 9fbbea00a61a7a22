/// Reads a JSON document into a `JSONValue` in one pass over its bytes.
///
/// Email pages are the bulk of what the app reads (a page of 200 whole emails at start, a page
/// of 50 for the detail pane every few keys); read through `Codable`, every field cost a
/// container, a coding path and, for the loosely shaped people fields, thrown and caught
/// errors. Strict JSON (RFC 8259) but for text: bytes that are not UTF-8 become U+FFFD rather
/// than failing the page. Nesting deeper than `maxDepth` fails instead of exhausting the stack.
struct JSONReader {
    struct Failure: Error, Equatable {
        var reason: String
        /// Byte offset where reading stopped.
        var offset: Int
    }

    static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func read(_ bytes: some Collection<UInt8>) throws(Failure) -> JSONValue {
        do {
            return try withReader(bytes) { reader in try reader.document(streaming: nil) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(reason: String(describing: error), offset: 0)
        }
    }

    /// Reads a document whose top-level member `key` is an array, handing each element of it
    /// to `each` as soon as it is read instead of keeping it, so that a page of whole emails is
    /// never held as JSON all at once; that member reads as an empty array in the answer.
    /// Throws `Failure` for text that is not JSON, and what `each` throws as it is.
    static func read(_ bytes: some Collection<UInt8>, streaming key: String, each: (JSONValue) throws -> Void) throws -> JSONValue {
        try withoutActuallyEscaping(each) { each in
            try withReader(bytes) { reader in try reader.document(streaming: (key, each)) }
        }
    }

    private static func withReader(_ bytes: some Collection<UInt8>, _ body: (inout JSONReader) throws -> JSONValue) throws -> JSONValue {
        let result: Result<JSONValue, any Error>? = bytes.withContiguousStorageIfAvailable { buffer in
            var reader = JSONReader(buffer)
            return Result { try body(&reader) }
        }
        if let result { return try result.get() }
        return try withReader(Array(bytes), body)
    }

    private typealias Streaming = (key: String, each: (JSONValue) throws -> Void)

    private mutating func document(streaming: Streaming?) throws -> JSONValue {
        skipWhitespace()
        let value = if let streaming, index < bytes.count, bytes[index] == UInt8(ascii: "{") {
            try object(depth: 0, streaming: streaming)
        } else {
            try self.value(depth: 0)
        }
        skipWhitespace()
        guard index == bytes.count else { throw fail("text after the document") }
        return value
    }

    private func fail(_ reason: String) -> Failure {
        Failure(reason: reason, offset: index)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard depth < Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) deep") }
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("unexpected end") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw fail("unexpected character")
        }
        index += count
    }

    private mutating func object(depth: Int, streaming: Streaming? = nil) throws -> JSONValue {
        index += 1
        var members = JSONObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            if let streaming, key == streaming.key, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                try elements(depth: depth + 1, each: streaming.each)
                members.append(key, .array([]))
            } else {
                members.append(key, try value(depth: depth + 1))
            }
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws -> JSONValue {
        var items: [JSONValue] = []
        try elements(depth: depth) { items.append($0) }
        return .array(items)
    }

    /// The elements of an array from its opening bracket, each handed over as it is read.
    private mutating func elements(depth: Int, each: (JSONValue) throws -> Void) throws {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try each(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return
            default: throw fail("expected ',' or ']'")
            }
        }
    }

    /// A string from its opening quote; runs without escapes are copied whole.
    private mutating func string() throws -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw fail("a control character in a string") }
            index += 1
        }
        guard index < bytes.count else { throw fail("unterminated string") }
        var text = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try escape(into: &text)
            default:
                guard byte >= 0x20 else { throw fail("a control character in a string") }
                text.append(byte)
                index += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func escape(into text: inout [UInt8]) throws {
        guard index < bytes.count else { throw fail("unterminated string") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
               bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let mark = index
                index += 2
                let low = try hexQuad()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                } else {
                    index = mark
                }
            }
            text.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
        default:
            throw fail("an unknown escape")
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("unterminated string") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("a bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A number as JSON spells it; small integers without going through text.
    private mutating func number() throws -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a bad number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a bad number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a bad number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let lexeme = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if isInteger, lexeme.count <= 15 {
            var value = 0
            for byte in lexeme where byte != UInt8(ascii: "-") { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            return Double(lexeme.first == UInt8(ascii: "-") ? -value : value)
        }
        guard let value = Double(String(decoding: lexeme, as: UTF8.self)), value.isFinite else { throw fail("a number out of range") }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
