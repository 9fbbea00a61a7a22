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
        var shared = SharedText()
        let rows = (0..<300).map { i in
            shared.row(for: Email(
                id: String(i), subject: i % 5 == 0 ? "Račun \(i)" : "Invoice \(i)",
                from: Person(name: i % 3 == 0 ? "Ivana Kovač" : "Chen Jing", address: "x@y.example"), createdAt: Date(timeIntervalSince1970: 0)
            ))
        }
        for query in ["kovac", "KOVAČ invoice", "racun", "jing račun", "zz"] {
            let matcher = SearchMatcher(query)
            #expect(matcher.matching(rows.indices, in: rows, senders: shared.senders) == rows.indices.filter { matcher.matches(rows[$0]) }, "\(query)")
        }
        let byBody = SearchMatcher("zz").matching(rows.indices, in: rows, senders: shared.senders, orIn: ["1"])
        #expect(byBody == rows.indices.filter { rows[$0].id == "1" })
    }

    /// Every query over every row of a varied inbox, scanned with the senders numbered, without,
    /// and row by row, against the search as it was before senders were numbered and subjects
    /// sketched: each word found by `Word.isFound` in the name, the address or the subject.
    @Test func aScanFindsWhatTheSearchFoundBeforeItsShortcuts() {
        let matchers = Self.queries.map { SearchMatcher($0) }
        var shared = SharedText()
        var rows: [EmailRow] = []
        var random = Xorshift(state: 0x5EED)
        for i in 0..<1_500 {
            let name = Self.names[random.below(Self.names.count)]
            let address = Self.addresses[random.below(Self.addresses.count)]
            let email = Email(
                id: String(i), subject: Self.subjects[random.below(Self.subjects.count)], from: name == nil && address == nil ? nil : Person(name: name, address: address),
                createdAt: Date(timeIntervalSince1970: 0)
            )
            var row = i % 10 == 0 ? EmailRow(email) : shared.row(for: email)
            // A row whose sender changed after it was built is no longer that sender's.
            if i % 10 == 1 { row.from = Person(name: Self.names[random.below(Self.names.count)], address: row.from?.address) }
            rows.append(row)
        }
        #expect(rows.filter { $0.sender.value != SenderNumber.none.value }.count > 1_000, "most rows are numbered")
        var tested = 0
        for (query, matcher) in zip(Self.queries, matchers) {
            let expected = rows.indices.filter { Self.foundBefore(query, in: rows[$0]) }
            #expect(matcher.matching(rows.indices, in: rows, senders: shared.senders) == expected, "\(query)")
            #expect(matcher.matching(rows.indices, in: rows, senders: []) == expected, "\(query), senders not numbered")
            #expect(rows.indices.filter { matcher.matches(rows[$0]) } == expected, "\(query), row by row")
            // Narrowing: the rows of a shorter query, tested again.
            if let shorter = Self.queries.first(where: { $0 != query && query.hasPrefix($0) }) {
                let kept = SearchMatcher(shorter).matching(rows.indices, in: rows, senders: shared.senders)
                #expect(matcher.matching(kept, in: rows, senders: shared.senders) == kept.filter(expected.contains), "\(shorter) then \(query)")
            }
            if !expected.isEmpty && expected.count < rows.count { tested += 1 }
        }
        #expect(tested > Self.queries.count / 2, "most queries keep some rows and drop others")
    }

    /// The search before numbered senders and sketched subjects.
    static func foundBefore(_ query: String, in row: EmailRow) -> Bool {
        var folds = SearchMatcher.Folds()
        return query.split(whereSeparator: \.isWhitespace).map { SearchMatcher.Word(String($0)) }.allSatisfy { word in
            [row.from?.name, row.from?.address, row.subject].contains { word.isFound(in: $0, folds: &folds) }
        }
    }

    static let names: [String?] = [
        "Anna Müller", "Ivana Kovač", "Chen Jing", "田中 裕子", "Пётр Иванов", "José Ñúñez", "Œdipe Lefèvre", "Zoë Marić",
        "ǅemal Hodžić", nil, "Cafe\u{301} Owner", "Maria", "MARIO ROSSI", "ﬁnn", "Marta Šimić", "Ⅻ Kelvin \u{212A}",
    ]
    static let addresses: [String?] = [
        "anna@acme.com", "ivana.kovac@kvarner-hotels.hr", nil, "пётр@почта.рф", "jose@ñu.es", "x@y.example", "MARK@MAIL.COM",
        "billing@mueller-gmbh.de", "m@ma.io",
    ]
    static let subjects: [String?] = [
        "Invoice 2025-06", "Rechnung für März", "Račun INV-4924 – pitanje", "見積書の送付について", "請求書 INV-4924 について",
        "Привет, мир", "Re: Fwd: ORDER #12 — ok", "Cafe\u{301} au lait", "Œuvre complète", "ǅemal's ﬁle", nil, "", "a", "MAR",
        "Résumé", "Meeting\ton Tuesday", "mari\u{301}a", "Kelvin \u{212A} and Å", "Quote D-1234 – Änderungen am Umfang",
        "Ärger mit der Rechnung", "Maße und Straße", "Re: Fwd: Re: Mobile app – consolidated feedback from the marketing, legal and product teams",
        "マーケティング", "Ｍａｒｋｅｔ fullwidth", "ıi İI", "zz top", "x",
    ]
    static let queries = [
        "m", "ma", "mar", "mari", "maria", "mü", "mu", "mul", "muller", "cafe", "café", "kovac", "KOVAČ invoice", "racun", "inv", "inv 49",
        "inv 4924", "見積", "привет", "пётр", "ǆ", "dz", "dzemal", "oe", "œ", "fi", "ﬁ", "file", "k", "kelvin k", "re: fwd", "#12", "—",
        "e\u{301}", "zz", "zz t", "a", "a b", "-", "ä", "ärger", "ß", "ss", "masse", "i", "ı", "q", "x", "Ｍ", "ma ma ma",
        String(repeating: "a ", count: 64) + "m", String(repeating: "a ", count: 70) + "zz",
    ]

    @Test func theSketchOfASubjectPassesOverRowsWithoutTheWordAndKeepsTheOnesWithIt() {
        let subject = LetterSketch("Re: Rechnung für März – Ärger")
        #expect(subject.mayHold(LetterSketch(word: Array("rechnung".utf8))))
        #expect(subject.mayHold(LetterSketch(word: Array("marz".utf8))), "folded as the search folds")
        #expect(subject.mayHold(LetterSketch(word: Array("arger".utf8))))
        #expect(subject.mayHold(LetterSketch(word: Array("z".utf8))), "a letter it holds")
        #expect(!subject.mayHold(LetterSketch(word: Array("q".utf8))), "a letter it lacks")
        #expect(!subject.mayHold(LetterSketch(word: Array("zr".utf8))), "a pair it lacks")
        #expect(!subject.mayHold(LetterSketch(word: Array("e:r".utf8))), "pairs across a space are not kept")
        #expect(LetterSketch(nil).mayHold(.none) && subject.mayHold(.none))
    }

    @Test func aRowKeepsItsSubjectsSketchWhenTheSubjectChanges() {
        var row = Self.row(name: "Anna", subject: "Invoice")
        row.subject = "Quote"
        #expect(SearchMatcher("quote").matches(row))
        #expect(!SearchMatcher("invoice").matches(row))
    }

    /// 100,000 rows must fit in the memory the list is given: what search keeps per row fills
    /// the padding between the row's fields.
    @Test func whatSearchKeepsTakesNoRoomInARow() {
        #expect(MemoryLayout<EmailRow>.stride == 152)
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

/// A fixed sequence of numbers, so a varied inbox is the same on every run.
struct Xorshift {
    var state: UInt64

    mutating func below(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }
}
