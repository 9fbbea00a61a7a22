import Testing
@testable import IntrayCore

/// Opening the email in Productive's web app, at the address the user gave as email_web_url.
@Suite struct OpenInProductiveTests {
    @Test func theEmailUnderTheCursorOpensAtTheAddressTheUserGave() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        state.emailWebAddress = EmailWebAddress(template: "https://app.example/acme/mail/{id}")
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(Reducer.reduce(&state, .commandIssued(.openInProductive)) == [.openLink("https://app.example/acme/mail/2")])
        #expect(Reducer.reduce(&state, .linkOpened("https://app.example/acme/mail/2", .noDisplay)) == [.copyToClipboard("https://app.example/acme/mail/2")])
        #expect(state.status?.text == "No display: sent https://app.example/acme/mail/2 to the clipboard, if the terminal allows OSC 52.")
    }

    @Test func withoutAnAddressTheKeySaysWhatToSetAndOpensNothing() {
        var state = Fixture.loaded(Fixture.emails(1...3))
        #expect(Reducer.unavailable(.openInProductive, in: state) == Reducer.noWebAddress)
        #expect(Reducer.reduce(&state, .commandIssued(.openInProductive)) == [])
        #expect(state.status == StatusMessage(Reducer.noWebAddress, kind: .error))
        #expect(Reducer.noWebAddress.contains("email_web_url"))
    }

    @Test func withNoEmailThereIsNothingToOpen() {
        var state = Fixture.loaded([])
        state.emailWebAddress = EmailWebAddress(template: "https://app.example/{id}")
        #expect(Reducer.reduce(&state, .commandIssued(.openInProductive)) == [])
        #expect(state.status?.text == "No email here.")
    }

    @Test(arguments: [
        ("https://app.example/{id}", "42", "https://app.example/42"),
        ("HTTP://app.example/m/{id}/x?{id}", "7", "HTTP://app.example/m/7/x?7"),
        ("https://app.example/{id}", "../../x?y=1#z", "https://app.example/..%2F..%2Fx%3Fy%3D1%23z"),
        ("https://app.example/m/{id}", "..", "https://app.example/m/%2E%2E"),
    ])
    func anIDCannotChangeWhereTheAddressGoes(template: String, id: String, address: String) throws {
        #expect(try #require(EmailWebAddress(template: template)).address(of: id) == address)
    }

    @Test(arguments: ["https://app.example/emails", "ftp://app.example/{id}", "https://app.example/{id} x", "https://app.example/\u{1B}]0;x\u{07}/{id}", "app.example/{id}"])
    func onlyAnHTTPAddressWithTheIDIsTaken(template: String) {
        #expect(EmailWebAddress(template: template) == nil)
    }
}
