import Foundation
import Testing
@testable import IntrayCore

/// Rows share one copy of each sender, numbered, so a search tests each sender once.
@Suite struct SharedTextTests {
    static func email(_ id: Int, _ name: String?, _ address: String?) -> Email {
        Email(id: String(id), subject: "Subject", from: Person(name: name, address: address), createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test func eachSenderIsNumberedOnceAndRowsNameTheirs() {
        var shared = SharedText()
        let rows = [
            shared.row(for: Self.email(1, "Anna", "anna@acme.example")),
            shared.row(for: Self.email(2, "Ivana Kovač", "ivana@kvarner.hr")),
            shared.row(for: Self.email(3, "Anna", "anna@acme.example")),
            shared.row(for: Self.email(4, "Anna", "anna@other.example")),
            shared.row(for: Email(id: "5", createdAt: Date(timeIntervalSince1970: 0))),
        ]
        #expect(shared.senders == [
            Person(name: "Anna", address: "anna@acme.example"), Person(name: "Ivana Kovač", address: "ivana@kvarner.hr"),
            Person(name: "Anna", address: "anna@other.example"),
        ])
        #expect(rows.map(\.sender.value) == [0, 1, 0, 2, SenderNumber.none.value])
        for row in rows.prefix(4) { #expect(shared.senders[Int(row.sender.value)] == row.from) }
    }

    @Test func aRowWhoseSenderChangesIsNoLongerNumbered() {
        var shared = SharedText()
        var row = shared.row(for: Self.email(1, "Anna", "anna@acme.example"))
        row.from?.name = "Ana"
        #expect(row.sender.value == SenderNumber.none.value)
        #expect(EmailRow(Self.email(2, "Anna", "anna@acme.example")).sender.value == SenderNumber.none.value)
    }

    @Test func theNumberIsNotPartOfTheRow() {
        var shared = SharedText()
        _ = shared.row(for: Self.email(9, "Someone", "someone@else.example"))
        let email = Self.email(1, "Anna", "anna@acme.example")
        #expect(shared.row(for: email) == EmailRow(email))
        #expect(shared.row(for: email).hashValue == EmailRow(email).hashValue)
    }
}
