import Foundation
import Testing
@testable import IntrayCore

@Suite struct DisplaySubjectTests {
    @Test(arguments: [
        (nil, "(no subject)"), ("", "(no subject)"), ("  \t\n", "(no subject)"), ("\u{3000}\u{A0}", "(no subject)"),
        ("Quote", "Quote"), ("  Quote", "  Quote"), ("\u{A0}Quote", "\u{A0}Quote"), ("Überweisung", "Überweisung"), ("-", "-"),
    ] as [(String?, String)])
    func aSubjectOfOnlyWhiteSpaceIsShownAsNoSubject(_ subject: String?, _ shown: String) {
        #expect(EmailRow(id: "1", subject: subject, createdAt: Date(timeIntervalSince1970: 0)).displaySubject == shown)
    }
}
