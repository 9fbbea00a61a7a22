@testable import IntrayCore
import Testing

@Suite struct PersonTests {
    /// The domain as found among the address's characters, which the ASCII shortcut must match.
    private static func characterDomain(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        return domain.isEmpty ? nil : domain
    }

    @Test(arguments: [
        ("anna@acme.example", "acme.example"), ("Anna@ACME.Example", "acme.example"),
        ("a@b@c.example", "c.example"), ("anna", nil), ("anna@", nil), ("@acme.example", "acme.example"),
        ("a@b\r\n@c.example", "c.example"), ("jörg@Müller.example", "müller.example"),
        ("x@\u{301}acme.example", nil), ("x@acme.example@\u{301}", "acme.example@\u{301}"),
    ] as [(String, String?)])
    func domain(_ address: String, _ expected: String?) {
        let person = Person(address: address)
        #expect(person.domain == expected)
        #expect(person.domain == Self.characterDomain(address))
    }
}
