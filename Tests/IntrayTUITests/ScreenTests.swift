import Foundation
import IntrayCore
@testable import IntrayTUI
import Testing

@Suite struct ScreenTests {
    let emails = [
        ScreenFixture.email(3, subject: "Quote for the website relaunch", name: "Anna Müller", address: "anna@acme.example", minutesAgo: 30, unread: true),
        ScreenFixture.email(2, subject: nil, name: nil, address: "noreply@globex.example", minutesAgo: 60 * 24 * 3),
        ScreenFixture.email(1, subject: "見積もりのご依頼について、至急ご確認ください。よろしくお願いいたします", name: "山田太郎", address: "yamada@example.jp", minutesAgo: 60 * 24 * 400),
    ]

    @Test func inboxAt80x24() throws {
        let canvas = try ScreenFixture.render(ScreenFixture.state(emails))
        #expect(canvas.text == """
         1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │
        ● ▸ 17:23       Anna Müller      Quote for the website relaunch
        """)
    }
}
