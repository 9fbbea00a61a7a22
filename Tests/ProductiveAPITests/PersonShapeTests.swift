import Foundation
import IntrayCore
import MailText
import Testing
@testable import ProductiveAPI

/// `from`, `recipients` and `participants` in every shape the client may meet.
@Suite struct PersonShapeTests {
    /// An email document whose three person fields hold the given JSON.
    func email(from: String = "null", recipients: String = "{}", participants: String = "{}") throws -> Email {
        let body = """
        {"data":{"id":"1","type":"emails","attributes":{"created_at":"2025-07-24T06:05:41.287+02:00",
        "from":\(from),"recipients":\(recipients),"participants":\(participants)}}}
        """
        return try DocumentDecoder.email(Data(body.utf8))
    }

    @Test(arguments: [
        (#""Ana Horvat <ana@example.com>""#, Person(name: "Ana Horvat", address: "ana@example.com")),
        (#""\"Horvat, Ana\" <ana@example.com>""#, Person(name: "Horvat, Ana", address: "ana@example.com")),
        (#""ana@example.com""#, Person(address: "ana@example.com")),
        (#""<ana@example.com>""#, Person(address: "ana@example.com")),
        (#"{"name":"Ana","address":"ana@example.com"}"#, Person(name: "Ana", address: "ana@example.com")),
        (#"{"name":"Ana","email":"ana@example.com"}"#, Person(name: "Ana", address: "ana@example.com")),
        (#"{"display_name":"Ana","email_address":"ana@example.com","id":7}"#, Person(name: "Ana", address: "ana@example.com")),
        (#"{"first_name":"Ana","last_name":"Horvat","email":"ana@example.com"}"#, Person(name: "Ana Horvat", address: "ana@example.com")),
        (#"{"email":"Ana <ana@example.com>"}"#, Person(name: "Ana", address: "ana@example.com")),
        (#"[{"name":"Ana","email":"ana@example.com"}]"#, Person(name: "Ana", address: "ana@example.com")),
        (#"{"attributes":{"name":"Ana","email":"ana@example.com"}}"#, Person(name: "Ana", address: "ana@example.com")),
        (#"{"from":{"name":"Ana","email":"ana@example.com"},"to":[]}"#, Person(name: "Ana", address: "ana@example.com")),
    ])
    func sender(json: String, expected: Person) throws {
        #expect(try email(from: json).from == expected)
    }

    @Test(arguments: ["null", "{}", "[]", "42", "true", #""""#, #"{"unknown":1}"#, "[null, 3, []]"])
    func senderOfNoKnownShapeIsNobody(json: String) throws {
        #expect(try email(from: json).from == nil)
    }

    @Test func groupedRecipientsKeepToAndCC() throws {
        let decoded = try email(recipients: """
        {"to":[{"name":"Bo","email":"bo@example.com"},"cy@example.com"],"cc":["Di <di@example.com>"],"bcc":["ed@example.com"]}
        """)
        #expect(decoded.to == [Person(name: "Bo", address: "bo@example.com"), Person(address: "cy@example.com")])
        #expect(decoded.cc == [Person(name: "Di", address: "di@example.com")])
    }

    @Test func recipientsAsAListOfStrings() throws {
        let decoded = try email(recipients: #"["bo@example.com", "Cy <cy@example.com>"]"#)
        #expect(decoded.to == [Person(address: "bo@example.com"), Person(name: "Cy", address: "cy@example.com")])
        #expect(decoded.cc.isEmpty)
    }

    @Test func recipientsAsOneCommaSeparatedString() throws {
        let decoded = try email(recipients: #""Bo <bo@example.com>, cy@example.com""#)
        #expect(decoded.to == [Person(name: "Bo", address: "bo@example.com"), Person(address: "cy@example.com")])
    }

    @Test func recipientsAsAnAddressKeyedMap() throws {
        let decoded = try email(recipients: #"{"bo@example.com":"Bo","cy@example.com":null}"#)
        #expect(decoded.to == [Person(name: "Bo", address: "bo@example.com"), Person(address: "cy@example.com")])
    }

    @Test func participantsFlattenGroups() throws {
        let decoded = try email(participants: """
        {"from":"ana@example.com","to":["bo@example.com"],"cc":[{"email_address":"cy@example.com"}]}
        """)
        #expect(decoded.participants.map(\.address) == ["ana@example.com", "bo@example.com", "cy@example.com"])
    }

    @Test(arguments: ["null", "{}", "[]", "7", "false", #""""#, #"[[[]]]"#, #"{"to":null,"cc":7}"#, #"{"data":{"nested":{"deep":[1,2]}}}"#])
    func oddShapesNeverThrow(json: String) throws {
        let decoded = try email(from: json, recipients: json, participants: json)
        #expect(decoded.to.isEmpty && decoded.cc.isEmpty && decoded.participants.isEmpty)
    }

    @Test func snippetAndUnknownAttributesAreRead() throws {
        let body = """
        {"data":{"id":"9","type":"emails","attributes":{"created_at":"2025-07-24T04:05:41Z",
        "snippet":"Hello there","brand_new_attribute":{"x":[1,2,3]},"linked_id":"386","linked_type":"Quote",
        "unread":1,"outgoing":"true","body_truncated":null,"subject":12345}}}
        """
        let email = try DocumentDecoder.email(Data(body.utf8))
        #expect(email.snippet == "Hello there")
        #expect(email.linkedID == "386")
        #expect(email.unread && email.outgoing && !email.bodyTruncated)
        #expect(email.subject == "12345")
    }

    @Test func aNumericIDIsAccepted() throws {
        let body = #"{"data":{"id":9,"type":"emails","attributes":{"created_at":"2025-07-24T04:05:41Z"}}}"#
        #expect(try DocumentDecoder.email(Data(body.utf8)).id == "9")
    }
}

/// An address list as one string: split where a comma or semicolon stands outside quotes and
/// angle brackets, each part read as `Name <a@b>`, `<a@b>`, `a@b` or a bare name.
@Suite struct AddressListTests {
    @Test(arguments: [
        ("Ana Horvat <ana@example.com>", [Person(name: "Ana Horvat", address: "ana@example.com")]),
        (#""Horvat, Ana" <ana@example.com>; bo@example.com"#, [Person(name: "Horvat, Ana", address: "ana@example.com"), Person(address: "bo@example.com")]),
        ("<odd,one;@example.com>, Čedomir Šimić <cedo@example.hr>", [Person(address: "odd,one;@example.com"), Person(name: "Čedomir Šimić", address: "cedo@example.hr")]),
        ("田中 裕子 <yuko@example.jp>,,  ; ", [Person(name: "田中 裕子", address: "yuko@example.jp")]),
        ("\u{00A0}Bo Brown\u{00A0}, bo brown@example.com", [Person(name: "Bo Brown"), Person(name: "bo brown@example.com")]),
        ("Eve <eve@evil.example> <eve@other.example>", [Person(name: "Eve <eve@evil.example>", address: "eve@other.example")]),
        ("Line\nbreak <lb@example.com>", [Person(name: "Line break", address: "lb@example.com")]),
        ("", []),
    ])
    func aListIsSplitOutsideQuotesAndBracketsAndEachPartRead(text: String, people: [Person]) {
        #expect(AddressList.parse(text) == people)
    }
}

/// A sender whose text carries terminal control sequences keeps its name and address once
/// they are cut out (issue 12: `From: �`).
@Suite struct HostileSenderTests {
    @Test(arguments: [
        #""\u001b]0;pwned\u0007Eve Mallory <eve@evil.example>""#,
        #"{"name":"\u001b]0;pwned\u0007Eve Mallory","email":"eve@evil.example"}"#,
        #"{"email":"\u001b]0;pwned\u0007Eve Mallory <eve@evil.example>"}"#,
    ])
    func aTitleSequenceInTheSenderLeavesTheRestReadable(json: String) throws {
        let from = try #require(try PersonShapeTests().email(from: json).from)
        #expect(TerminalText.sanitizeLine(from.displayName).hasSuffix("Eve Mallory"), "\(from)")
        #expect(from.address == "eve@evil.example")
    }
}
