import Foundation
import Testing
@testable import IntrayCore

/// The search's byte paths give what Foundation's folding search gives.
@Suite struct SearchMatcherTests {
    static func row(name: String?, address: String? = "x@y.example", subject: String?) -> EmailRow {
        EmailRow(Email(id: "1", subject: subject, from: Person(name: name, address: address), createdAt: Date(timeIntervalSince1970: 0)))
    }

    @Test(arguments: [
        ("invoice", "Invoice 2025-06", true),
        ("INVOICE", "invoice", true),
        ("voice 20", "Invoice 2025-06", true),
        ("cafe", "Café Central", true),
        ("resume", "Résumé attached", true),
        ("Müller", "MÜLLER GmbH", true),
        ("muller", "Müller GmbH", true),
        ("quote", "Angebot", false),
        ("見積", "見積もりのご依頼", true),
        ("order", "Re: Fwd: ORDER #12 — ok", true),
        ("zz", "Café", false),
        ("[", "Re: [ext] hello", true),
        ("inv", "請求書 INV-4924 について", true),
        ("zz", "請求書 INV-4924 について", false),
        ("privet", "Привет, мир", false),
        ("ärger", "ÄRGER mit der Rechnung", true),
        ("cafe", "Cafe\u{301} au lait", true),
        ("oe", "Œuvre", false),
        ("dz", "ǅemal", false),
    ])
    func findsWhatAFoldingSearchFinds(query: String, subject: String, expected: Bool) {
        let matcher = SearchMatcher(query)
        #expect(matcher.matches(Self.row(name: "Anna", subject: subject)) == expected)
        let folding = query.split(separator: " ").allSatisfy { subject.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        #expect(folding == expected, "the expectation itself is Foundation's answer")
    }

    @Test func everyWordMustBeFoundInSomeField() {
        let row = Self.row(name: "Anna Müller", address: "anna@acme.example", subject: "Quote")
        #expect(SearchMatcher("anna quote").matches(row))
        #expect(SearchMatcher("acme quote").matches(row))
        #expect(!SearchMatcher("anna invoice").matches(row))
        #expect(SearchMatcher("").isEmpty)
    }

    @Test func aScanOfATabFindsWhatEachRowFindsAndWhatTheBodiesFound() {
        let rows = (0..<300).map { i in
            Self.row(name: i % 3 == 0 ? "Ivana Kovač" : "Chen Jing", subject: i % 5 == 0 ? "Račun \(i)" : "Invoice \(i)")
        }
        for query in ["kovac", "KOVAČ invoice", "racun", "jing račun", "zz"] {
            let matcher = SearchMatcher(query)
            #expect(matcher.matching(rows.indices, in: rows) == rows.indices.filter { matcher.matches(rows[$0]) }, "\(query)")
        }
        let byBody = SearchMatcher("zz").matching(rows.indices, in: rows, orIn: ["1"])
        #expect(byBody == rows.indices.filter { rows[$0].id == "1" })
    }

    @Test func latinFoldingFoldsEveryLetterOfItsBlocksAsFoundationDoes() {
        var buffer: [UInt8] = []
        var differ: [String] = []
        for block in LatinFolding.blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "Ab" + String(scalar) + "Yz"
                LatinFolding.fold(text, into: &buffer)
                let foundation = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                if buffer != Array(foundation.utf8) { differ.append(String(value, radix: 16)) }
            }
        }
        #expect(differ.isEmpty, "scalars folded otherwise: \(differ.prefix(40))")
    }
}
