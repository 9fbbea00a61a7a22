import Foundation
import Testing
@testable import ProductiveAPI

@Suite struct JSONReaderTests {
    private func read(_ text: String) throws -> JSONValue {
        try JSONReader.read(Array(text.utf8))
    }

    @Test func valuesOfEveryKind() throws {
        let value = try read(#" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        #expect(value == .object([
            "a": .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d")]),
            "e": .string(""),
        ]))
    }

    @Test func aRepeatedKeyReadsAsItsLastValueAndOrderDoesNotMatter() throws {
        let value = try read(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value["a"] == .number(3))
        #expect(value == .object(["b": .number(2), "a": .number(3)]))
        #expect(value != .object(["a": .number(1), "b": .number(2)]))
        #expect(value != .object(["a": .number(3)]))
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["a", "b"])
    }

    @Test func escapesAndSurrogatePairsAreDecoded() throws {
        #expect(try read(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try read(#""\u00e9\u4e16\ud83d\udc4d""#) == .string("é世👍"))
        #expect(try read(#""\ud83d x \udc4d""#) == .string("\u{FFFD} x \u{FFFD}"))
        #expect(try read(#""\u001b[31m""#) == .string("\u{1B}[31m"))
    }

    @Test func textThatIsNotUTF8BecomesReplacementCharacters() throws {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
        #expect(try JSONReader.read(bytes) == .string("a\u{FFFD}b"))
    }

    @Test func largeAndFractionalNumbersKeepTheirValue() throws {
        #expect(try read("12345678901234567890") == .number(12_345_678_901_234_567_890))
        #expect(try read("-0.000125") == .number(-0.000125))
        #expect(try read("[0, -0, 9007199254740993]") == .array([.number(0), .number(0), .number(9_007_199_254_740_993)]))
    }

    @Test(arguments: [
        "", "   ", "nul", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{1:2}", "[1 2]", "01", "1.", "-", "1e", ".5",
        "\"abc", "\"a\u{1}b\"", "\"\\x\"", "\"\\u12G4\"", "[1] 2", "{\"a\":[}", "1e999", "<html>502</html>",
    ])
    func notJSONFailsWithAReasonAndThePlace(text: String) {
        #expect(throws: JSONReader.Failure.self) { try read(text) }
    }

    @Test func deepNestingFailsInsteadOfExhaustingTheStack() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect { try read(deep) } throws: { ($0 as? JSONReader.Failure)?.reason.contains("nested") == true }
        let allowed = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try read(allowed) }
    }

    @Test func aStreamedArrayHandsOverEachElementAndReadsAsEmpty() throws {
        var seen: [JSONValue] = []
        let document = try JSONReader.read(Array(#"{"meta":{"n":2},"data":[{"id":"1"},7],"x":[1]}"#.utf8), streaming: "data") { seen.append($0) }
        #expect(seen == [.object(["id": .string("1")]), .number(7)])
        #expect(document == .object(["meta": .object(["n": .number(2)]), "data": .array([]), "x": .array([.number(1)])]))
        let notArray = try JSONReader.read(Array(#"{"data":{"id":"1"}}"#.utf8), streaming: "data") { _ in Issue.record("no element") }
        #expect(notArray == .object(["data": .object(["id": .string("1")])]))
    }

    @Test func whatTheStreamedElementsThrowEndsReading() {
        struct Stop: Error {}
        var count = 0
        #expect(throws: Stop.self) {
            _ = try JSONReader.read(Array(#"{"data":[1,2,3]}"#.utf8), streaming: "data") { _ in
                count += 1
                if count == 2 { throw Stop() }
            }
        }
        #expect(count == 2)
    }

    @Test func readsWhatFoundationReads() throws {
        let text = #"{"data":[{"id":"7","attributes":{"subject":"Re: \u00c9t\u00e9 – 世界","n":[1.5,-3,{"x":null}]}}]}"#
        let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let item = (foundation["data"] as! [[String: Any]])[0]
        let subject = (item["attributes"] as! [String: Any])["subject"] as! String
        #expect(try read(text)["data"].flatMap { value -> JSONValue? in
            if case .array(let items) = value { return items.first?["attributes"]?["subject"] }
            return nil
        } == .string(subject))
    }
}
