import Foundation
import IntrayCore
import MailText
@testable import IntrayTUI
import Testing

/// Whole screens, as text, for states a user meets: the state goes in, the screen comes out.
@Suite struct ScreenTests {
    static let emails = [
        ScreenFixture.email(3, subject: "Quote for the website relaunch", name: "Anna Müller", address: "anna@acme.example", minutesAgo: 30, unread: true),
        ScreenFixture.email(2, subject: nil, name: nil, address: "noreply@globex.example", minutesAgo: 60 * 24 * 3),
        ScreenFixture.email(1, subject: "見積もりのご依頼について、至急ご確認ください。よろしくお願いいたします", name: "山田太郎", address: "yamada@example.jp", minutesAgo: 60 * 24 * 400),
    ]

    @Test func inboxAt80x24() throws {
        let canvas = try ScreenFixture.render(ScreenFixture.state(Self.emails))
        #expect(canvas.lines == [
            " 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │",
            "●          17:23 Anna Müller      Quote for the website relaunch",
            "          Jun 12 noreply@globex.… (no subject)",
            "     May 11 2024 山田太郎         見積もりのご依頼について、至急ご確認ください…",
            "",
            "",
            "",
            "",
            "",
            "────────────────────────────────────────────────────────────────────────── 1/3 ─",
            " Subject: Quote for the website relaunch",
            " From:    Anna Müller <anna@acme.example>",
            " To:      Sales <sales@ourco.example>",
            " Date:    Sun, Jun 15 2025 17:23",
            " Status:  Unresolved",
            "",
            " Hello,",
            " please find the quote attached.",
            "",
            " Best, Anna",
            "",
            "",
            "",
            " r resolve  a attach  d dismiss  # delete  x select  / search  q quit    ? help",
        ])
        #expect(canvas.role(row: 1, column: 40) == .cursor)
        #expect(canvas.role(row: 2, column: 40) == .normal)
    }

    @Test func wideCharactersNeverPushAColumnOutOfLine() throws {
        let canvas = try ScreenFixture.render(ScreenFixture.state(Self.emails))
        let rows = canvas.lines[1...3]
        for row in rows {
            #expect(DisplayWidthProbe.width(row) <= 80)
        }
        let subjectColumns = rows.map { DisplayWidthProbe.width(String($0.prefix { $0 != "Q" && $0 != "(" && $0 != "見" })) }
        #expect(Set(subjectColumns).count == 1)
    }

    @Test func profileInUseShowsInTheTabsLine() throws {
        let state = ScreenFixture.state([ScreenFixture.email(1, subject: "Quote", name: "Anna", address: "anna@example.com", minutesAgo: 5)])
        let canvas = try ScreenFixture.render(state, profileName: "client")
        #expect(canvas.lines[0] == " 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │                profile client")
    }

    @Test func searchPromptShowsWhatIsTyped() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("quote"))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[0] == " 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │                        /quote")
        #expect(canvas.lines[23] == "/quote▏                                                   enter keep · esc clear")
    }

    @Test func deleteConfirmationKeepsTheAnswerKeysVisible() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.delete))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[23] == " Delete “Quote for the…” from Anna Müller for good? It cannot be undone.  (y/n)")
    }

    @Test func pickerListsDealsWithNumberNameAndCompany() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        _ = Reducer.reduce(&state, .textTyped("ac"))
        let deals = [Deal(id: "1", name: "Acme website", number: "D-1", companyName: "Acme"),
                     Deal(id: "2", name: "Acme app", number: "D-1002", companyName: "Acme Corporation International")]
        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: state.picker!.searchTag, .success(deals)))
        _ = Reducer.reduce(&state, .commandIssued(.pickerDown))
        let canvas = try ScreenFixture.render(state)
        #expect(Array(canvas.lines[2...8]) == [
            " ┌─ Attach to a deal ─────────────────────────────────────────────────────────┐",
            " │ “Quote for the website relaunch”                                           │",
            " │ Search: ac▏                                                                │",
            " │                                                                            │",
            " │ D-1    Acme website                               Acme                     │",
            " │ D-1002 Acme app                                   Acme Corporation Intern… │",
            " │                                                                            │",
        ])
        #expect(canvas.role(row: 7, column: 10) == .cursor)
        #expect(canvas.lines[20] == " │ Type to search · down/up move · enter attach · esc cancel                  │")
    }

    @Test func aTerminalTooSmallSaysWhatItNeeds() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .terminalResized(columns: 70, rows: 20))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[10] == "              Terminal too small: need 80×24 (now 70×20)")
        #expect(canvas.lines[11] == "                Resize the window, or press q to quit.")
        #expect(try ScreenFixture.render(state, glyphs: .ascii).lines[10] == "              Terminal too small: need 80x24 (now 70x20)")
    }

    @Test func aVeryNarrowTerminalStillReadsTheWholeMessage() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .terminalResized(columns: 30, rows: 8))
        let canvas = try ScreenFixture.render(state, keymap: "emacs")
        #expect(canvas.lines == [
            "", "", "", "",
            "Terminal too small: need 80×24",
            "          (now 30×8)",
            " Resize the window, or press",
            "    ctrl-x ctrl-c to quit.",
        ])
        #expect(canvas.role(row: 5, column: 11) == .statusError)
    }

    @Test func aSortedListSaysSoInTheTabsLine() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.sortList))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[0].hasSuffix("│           sorted oldest first"))
        #expect(canvas.lines[1].contains("May 11 2024"), "the oldest email comes first")
    }

    @Test func sideBySideFromOneHundredSixtyColumnsWithSelectionMarks() throws {
        var state = ScreenFixture.state(Self.emails, columns: 160, rows: 24)
        _ = Reducer.reduce(&state, .commandIssued(.toggleSelection))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[1] == "● ✓        17:23 Anna Müller    Quote for the website relaunch          │───────────────────────────────────────────────────────────────────────────────── 2/3 ─")
        #expect(canvas.lines[2] == "          Jun 12 noreply@globe… (no subject)                            │ Subject: (no subject)")
        #expect(canvas.lines[23].hasSuffix("1 selected  ? help"))
    }

    @Test func asciiGlyphsForTerminalsWithoutUTF8() throws {
        let canvas = try ScreenFixture.render(ScreenFixture.state(Self.emails), glyphs: .ascii)
        #expect(canvas.lines[0] == " 1 Unresolved 3 | 2 Resolved 10 | 3 Dismissed 2 |")
        #expect(canvas.lines[1] == "*          17:23 Anna Müller      Quote for the website relaunch")
        #expect(canvas.lines[9] == "-------------------------------------------------------------------------- 1/3 -")
    }

    @Test func anEmailWithASuggestedDealIsMarkedInTheList() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .tabPeeked(.resolved, EmailPage(emails: [
            Email(id: "90", subject: "Old", from: Person(name: "Anna Müller", address: "anna@acme.example"), createdAt: ScreenFixture.now, linkedType: "Quote", linkedID: "386"),
        ], meta: PageMeta(currentPage: 1, totalPages: 1, totalCount: 10, pageSize: 200))))
        let lines = try ScreenFixture.render(state).lines
        #expect(lines[1] == "●  »       17:23 Anna Müller      Quote for the website relaunch")
        #expect(lines[2].hasPrefix("          Jun 12"))
        let ascii = try ScreenFixture.render(state, glyphs: .ascii).lines
        #expect(ascii[1].hasPrefix("*  >       17:23"))
    }

    @Test func theSelectionPatternCountsItsMatchesAsItIsTyped() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.selectByPattern))
        _ = Reducer.reduce(&state, .textTyped("quote"))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[23] == "select: quote▏                             (1 match) · enter select · esc cancel")
    }

    @Test func theReaderGivesTheEmailTheWholeScreenAndTheListComesBack() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.toggleReader))
        #expect(state.isReading && state.focus == .detail && state.detailBodyHeight == 21)
        let reading = try ScreenFixture.render(state).lines
        #expect(reading[0] == " 1 Unresolved 3 │ 2 Resolved 10 │ 3 Dismissed 2 │")
        #expect(reading[1].hasSuffix("─ 1/3 ─"))
        #expect(reading[2] == " Subject: Quote for the website relaunch")
        #expect(!reading.contains { $0.contains("Anna Müller      Quote") }, "no list rows")
        _ = Reducer.reduce(&state, .commandIssued(.cursorDown))
        #expect(state.isReading && state.cursor == 1, "the next email is read on the whole screen too")
        _ = Reducer.reduce(&state, .commandIssued(.focusList))
        #expect(!state.isReading && state.focus == .list)
        #expect(try ScreenFixture.render(state).lines[2].hasPrefix("          Jun 12 noreply"))
    }

    @Test func aHintWhoseCommandCannotRunNowIsDimmed() throws {
        var state = ScreenFixture.state(Self.emails)
        let line = try ScreenFixture.render(state).lines[23]
        #expect(line.hasPrefix(" r resolve  a attach  d dismiss"))
        #expect(try ScreenFixture.render(state).role(row: 23, column: 13) == .status, "a attach")
        _ = Reducer.reduce(&state, .commandIssued(.showDismissed))
        _ = Reducer.reduce(&state, .pageLoaded(.dismissed, generation: state.tab(.dismissed).generation, EmailPage(emails: [], meta: PageMeta(currentPage: 1, totalPages: 1, totalCount: 0, pageSize: 100))))
        let empty = try ScreenFixture.render(state)
        #expect(empty.role(row: 23, column: 1) == .statusDisabled, "r resolve, with no email")
        #expect(empty.role(row: 23, column: 60) == .status, "/ search still runs")
    }

    @Test func searchMatchesAreMarkedInTheListAndTheBody() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.search))
        _ = Reducer.reduce(&state, .textTyped("quote"))
        let canvas = try ScreenFixture.render(state)
        let subjectColumn = canvas.lines[1].distance(from: canvas.lines[1].startIndex, to: canvas.lines[1].range(of: "Quote")!.lowerBound)
        #expect(canvas.role(row: 1, column: subjectColumn) == .match)
        #expect(canvas.role(row: 1, column: subjectColumn + 4) == .match)
        #expect(canvas.role(row: 1, column: subjectColumn + 6) != .match)
        let body = try #require(canvas.lines.firstIndex(of: " please find the quote attached."))
        #expect(canvas.role(row: body, column: 17) == .match)
        #expect(canvas.role(row: body, column: 1) != .match)
        #expect(canvas.role(row: 1, column: 12) != .match, "the date is not searched")
    }

    @Test func helpExplainsTheMarksOfTheList() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.help))
        let lines = try ScreenFixture.render(state).lines
        #expect(lines[1] == "│ Marks in the list                                                            │")
        #expect(lines[2].hasPrefix("│   ●             unread"))
        #expect(lines[3].hasPrefix("│   ✓             selected: the next action applies to every selected email"))
        #expect(lines[4].hasPrefix("│   +             arrived while Intray was open"))
    }
}

/// Long headers wrap whole and scroll away with the body (issue 12: `Cc: Chen Jing <jing.che…`).
@Suite struct DetailHeaderScreenTests {
    static func longEmail() -> Email {
        var email = ScreenFixture.email(1, subject: "Feedback on the second round of the booking platform designs, with notes from legal", name: "Anna Müller", address: "anna@acme.example", minutesAgo: 5)
        email.to = [Person(name: "Sales", address: "sales@ourco.example"), Person(name: "Filip Marković", address: "filip.markovic@ourco.example")]
        email.cc = [Person(name: "Chen Jing", address: "jing.chen@ourco.example"), Person(name: "Olivia Bennett", address: "olivia.bennett@ourco.example")]
        return email
    }

    @Test func longHeadersWrapWholeAndCcHasItsOwnLine() throws {
        let state = ScreenFixture.state([Self.longEmail()], counts: (1, 0, 0))
        let canvas = try ScreenFixture.render(state)
        #expect(Array(canvas.lines[10...19]) == [
            " Subject: Feedback on the second round of the booking platform designs, with",
            "          notes from legal",
            " From:    Anna Müller <anna@acme.example>",
            " To:      Sales <sales@ourco.example>, Filip Marković",
            "          <filip.markovic@ourco.example>",
            " Cc:      Chen Jing <jing.chen@ourco.example>, Olivia Bennett",
            "          <olivia.bennett@ourco.example>",
            " Date:    Sun, Jun 15 2025 17:48",
            " Status:  Unresolved",
            "",
        ])
    }

    @Test func scrollingTakesTheHeadersAwayToShowMoreBody() throws {
        var state = ScreenFixture.state([Self.longEmail()], counts: (1, 0, 0))
        _ = Reducer.reduce(&state, .detailLaidOut(emailID: "1", lineCount: 14))
        _ = Reducer.reduce(&state, .commandIssued(.focusDetail))
        _ = Reducer.reduce(&state, .commandIssued(.scrollBottom))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[9].contains(" lines 2–14 of 14 "))
        #expect(canvas.lines[10] == "          notes from legal")
        #expect(canvas.lines[22] == " Best, Anna")
    }

    @Test func aPageDownPastTheHeadersShowsTheBodyFromWhereItIs() throws {
        var email = Self.longEmail()
        email.body = (1...40).map { "Line \($0)" }.joined(separator: "\n")
        var state = ScreenFixture.state([email], counts: (1, 0, 0))
        _ = Reducer.reduce(&state, .detailLaidOut(emailID: "1", lineCount: 50))
        _ = Reducer.reduce(&state, .commandIssued(.focusDetail))
        _ = Reducer.reduce(&state, .commandIssued(.scrollPageDown))
        _ = Reducer.reduce(&state, .commandIssued(.scrollPageDown))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[9].contains(" lines 25–37 of 50 "), "\(canvas.lines[9])")
        #expect(canvas.lines[10] == " Line 15")
        #expect(canvas.lines[22] == " Line 27")
    }
}

enum DisplayWidthProbe {
    static func width(_ text: String) -> Int { DisplayWidth.of(text) }
}

/// The detail pane while the whole email is fetched, and when it could not be.
@Suite struct DetailLoadingScreenTests {
    static let emails = (1...8).map { ScreenFixture.email($0, subject: "Subject \($0)", name: "Anna Müller", address: "anna@acme.example", minutesAgo: Double($0)) }

    @Test func aRowNotYetFetchedShowsItsHeadersAndSaysTheBodyIsLoading() throws {
        var state = ScreenFixture.state(Self.emails, counts: (8, 0, 0))
        state.details = EmailDetails()
        for _ in 0..<5 { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let canvas = try ScreenFixture.render(state)
        #expect(Array(canvas.lines[10...16]) == [
            " Subject: Subject 6",
            " From:    Anna Müller <anna@acme.example>",
            " To:      …",
            " Date:    Sun, Jun 15 2025 17:47",
            " Status:  Unresolved",
            "",
            " Loading the email…",
        ])
    }

    @Test func aFetchThatFailedSaysWhyAndHowToRetry() throws {
        var state = ScreenFixture.state(Self.emails, counts: (8, 0, 0))
        state.details = EmailDetails()
        for _ in 0..<5 { _ = Reducer.reduce(&state, .commandIssued(.cursorDown)) }
        let error = APIError(.timeout, message: "Productive did not answer in time.")
        _ = Reducer.reduce(&state, .detailLoaded(id: "6", tag: state.details.tag, .failure(error)))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[16] == " Could not load this email: Productive did not answer in time. Move to it again")
        #expect(canvas.lines[17] == " to retry.")
    }

    @Test func aLargeBulkActionAsksWithItsCostInTheStatusBar() throws {
        let many = (1...150).map { ScreenFixture.email($0, subject: "Subject \($0)", name: "Anna", address: "anna@acme.example", minutesAgo: Double($0)) }
        var state = ScreenFixture.state(many, columns: 120, counts: (150, 0, 0))
        _ = Reducer.reduce(&state, .commandIssued(.selectAll))
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[23] == " Dismiss 150 emails? That is 150 requests, about 15 s at Productive's limit of 100 per 10 s.                      (y/n)")
    }

    @Test func thePickerShowsNoOldRowsWhileTheTypedQueryIsSearched() throws {
        var state = ScreenFixture.state(Self.emails, counts: (8, 0, 0))
        _ = Reducer.reduce(&state, .commandIssued(.attach))
        _ = Reducer.reduce(&state, .dealSearchAnswered(tag: state.picker!.searchTag, .success([Deal(id: "1", name: "Intranet portal", number: "D-1")])))
        _ = Reducer.reduce(&state, .textTyped("Harb"))
        _ = Reducer.reduce(&state, .commandIssued(.pickerChoose))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[6] == " │ Searching open deals…                                                      │")
        #expect(!canvas.lines.joined().contains("Intranet portal"))
    }
}

@Suite struct FilterLineScreenTests {
    static let emails = (1...3).map { ScreenFixture.email($0, subject: "Subject \($0)", name: "Anna", address: "anna@acme.example", minutesAgo: Double($0)) }

    @Test func theLineIsTypedInTheStatusBarAndAnErrorReplacesItsHint() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.filter))
        _ = Reducer.reduce(&state, .textTyped("from:x"))
        var wide = state
        _ = Reducer.reduce(&wide, .terminalResized(columns: 120, rows: 24))
        let typing = try ScreenFixture.render(wide).lines[23]
        #expect(typing == "filter: from:x▏  after:DATE before:DATE from:ID to:ID with:ID · enter apply · esc close", "the keys come from the keymap")
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        let canvas = try ScreenFixture.render(state)
        #expect(canvas.lines[23] == "filter: from:x▏  “x” is not a person id: from: takes numeric ids such as 123, s…")
        #expect(canvas.role(row: 23, column: 2) == .statusError)
    }

    @Test func theAppliedFilterShowsInTheTabsLine() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.filter))
        _ = Reducer.reduce(&state, .textTyped("with:12"))
        _ = Reducer.reduce(&state, .commandIssued(.promptSubmit))
        #expect(try ScreenFixture.render(state).lines[0].hasSuffix("filter: with:12  ⠋ loading"))
    }
}

/// Refused actions and long sentences can be read whole after they left the status bar.
@Suite struct MessagesScreenTests {
    static let emails = (1...3).map { ScreenFixture.email($0, subject: "Subject \($0)", name: "Anna", address: "anna@acme.example", minutesAgo: Double($0)) }

    @Test func everyRefusalAndTheLastMessagesReadWhole() throws {
        var state = ScreenFixture.state(Self.emails)
        _ = Reducer.reduce(&state, .commandIssued(.dismiss))
        let id = try #require(state.inFlight.keys.first)
        let refusal = APIError(.invalid(detail: "is locked by an integration that keeps a very long explanation of why", pointer: nil),
                               message: "Productive refused it: the email is locked by an integration that keeps a very long explanation of why.")
        _ = Reducer.reduce(&state, .triageAnswered(actionID: id, .failure(refusal)))
        _ = Reducer.reduce(&state, .commandIssued(.messages))
        let canvas = try ScreenFixture.render(state)
        #expect(Array(canvas.lines[1...5]) == [
            "│ Refused by Productive (1), each back where it was                            │",
            "│   dismiss “Subject 1” (email 1): Productive refused it: the email is locked  │",
            "│   by an integration that keeps a very long explanation of why.               │",
            "│                                                                              │",
            "│ Messages, newest first                                                       │",
        ])
        _ = Reducer.reduce(&state, .commandIssued(.quit))
        #expect(state.overlay == nil && !state.isQuitting, "any other key closes the list")
    }

    @Test func theHistoryKeepsTheLastFifty() {
        var state = AppState()
        for index in 0..<60 { state.status = StatusMessage("Message \(index)") }
        #expect(state.history.count == 50 && state.history.first?.text == "Message 10")
    }
}
