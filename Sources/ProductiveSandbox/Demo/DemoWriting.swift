/// What the demo emails say: subjects and paragraphs about quotes, invoices, projects and
/// meetings, in the sender's language where it matters for testing (umlauts, CJK).
enum DemoWriting {
    /// The words a message is written from.
    struct Topic: Sendable {
        var company: String
        var project: String
        var dealNumber: String
        var invoiceNumber: String
        var weekday: String
        var amount: String
        var language: DemoDirectory.Language
    }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

    static func subject(_ topic: Topic, random: inout DemoRandom) -> String? {
        let roll = random.nextUnitInterval()
        if roll < 0.03 { return nil }
        if roll < 0.07 {
            return "Re: Fwd: Re: \(topic.project.capitalizedFirst) – consolidated feedback from the marketing, legal and "
                + "product teams on the second round of designs, plus open questions about hosting, budget and the launch date"
        }
        let prefix = random.chance(0.25) ? "Re: " : (random.chance(0.08) ? "Fwd: " : "")
        let templates = subjects[topic.language] ?? []
        return prefix + random.pick(templates)(topic)
    }

    // Templates are closures so only the chosen one is written out: seeding 100,000 emails
    // must not format every candidate for every email.
    private typealias Template = @Sendable (Topic) -> String

    private static let subjects: [DemoDirectory.Language: [Template]] = [
        .german: [
            { "Angebot für \($0.company)" }, { "Rechnung \($0.invoiceNumber)" },
            { _ in "Besprechung am Donnerstag" }, { "Quote \($0.dealNumber) – Änderungen am Umfang" },
            { "\($0.project.capitalizedFirst): nächste Schritte" },
        ],
        .croatian: [
            { "Ponuda za \($0.project)" }, { "Račun \($0.invoiceNumber) – pitanje" }, { "Sastanak u \($0.weekday.lowercased())?" },
            { "Quote \($0.dealNumber) for \($0.project)" }, { "\($0.project.capitalizedFirst) – povratne informacije" },
        ],
        .japanese: [
            { _ in "見積書の送付について" }, { "\($0.project)のスケジュール確認" }, { "請求書 \($0.invoiceNumber) について" },
            { "Meeting request: \($0.project)" },
        ],
        .chinese: [
            { "关于\($0.project)的会议安排" }, { "请确认发票 \($0.invoiceNumber)" }, { "报价单 \($0.dealNumber)" },
            { "Invoice \($0.invoiceNumber) – payment scheduled" },
        ],
        .english: [
            { "Quote \($0.dealNumber) – updated scope" }, { "Quote request: \($0.project)" },
            { "Invoice \($0.invoiceNumber) for last month" }, { "Payment reminder: invoice \($0.invoiceNumber)" },
            { "\($0.project.capitalizedFirst) kickoff notes" }, { "\($0.project.capitalizedFirst) timeline" },
            { _ in "Feedback on the second draft" }, { "Meeting on \($0.weekday) at 10:00?" },
            { "Agenda for \($0.weekday)'s workshop" }, { _ in "Rescheduling our call" },
            { "Assets for the \($0.project)" }, { "Question about the hours on \($0.invoiceNumber)" },
        ],
    ]

    /// The paragraphs of a message, greeting and signature excluded: two to four different ones.
    static func paragraphs(_ topic: Topic, random: inout DemoRandom) -> [String] {
        let local = localParagraphs[topic.language]
        let poolSize = paragraphs.count + (local == nil ? 0 : 1)
        let count = random.int(in: 2...4)
        var chosen: [Int] = []
        while chosen.count < count {
            let index = random.int(in: 0...(poolSize - 1))
            if !chosen.contains(index) { chosen.append(index) }
        }
        return chosen.map { index in index < paragraphs.count ? paragraphs[index](topic) : local!(topic) }
    }

    static func greeting(_ firstName: String, language: DemoDirectory.Language) -> String {
        switch language {
        case .german: "Hallo \(firstName),"
        case .croatian: "Bok \(firstName),"
        case .japanese: "\(firstName)様"
        case .chinese: "\(firstName)，你好！"
        case .english: "Hi \(firstName),"
        }
    }

    static func signOff(_ language: DemoDirectory.Language) -> String {
        switch language {
        case .german: "Viele Grüße"
        case .croatian: "Lijep pozdrav"
        case .japanese: "よろしくお願いいたします。"
        case .chinese: "此致敬礼"
        case .english: "Best regards"
        }
    }

    private static let paragraphs: [Template] = [
        { "Thanks for sending over the proposal for the \($0.project). We went through it with the team yesterday and "
            + "overall it looks good, but we would like to understand the estimate for the second phase a bit better." },
        { "Could you update quote \($0.dealNumber) so that it includes the extra round of revisions we talked about? "
            + "If that changes the total, please send the new figure before we take it to the board." },
        { _ in "Attached you will find the signed order. Our accounting department asked me to mention that invoices need to "
            + "reference our purchase order number, otherwise they cannot be processed." },
        { "We received invoice \($0.invoiceNumber) for \($0.amount). The hours for the design review look higher than "
            + "what we agreed on; could you send a breakdown per task so we can approve it?" },
        { "Payment for \($0.invoiceNumber) is scheduled for the end of the month. Let me know if the bank details have "
            + "changed since the last transfer." },
        { "Would \($0.weekday) at 10:00 work for a short call? I would like to walk through the timeline for the "
            + "\($0.project) and agree on who signs off on the final designs." },
        { _ in "Here are my notes from the workshop: the navigation stays as it is, the product pages get the new layout, and "
            + "the launch moves by one week because the translations are not ready yet." },
        { _ in "Our new marketing lead, who joins next month, will be your main contact from then on. I will stay in copy "
            + "until the handover is done." },
        { _ in "The staging site is slow again this morning, and two of the forms return an error when a field contains an "
            + "apostrophe. Could someone from your side have a look before the demo?" },
        { _ in "Great work on the last sprint! The team was especially happy with the search, which finally finds products "
            + "by their old article numbers too." },
        { _ in "Before we confirm the budget for next year we need a rough estimate for maintenance and hosting. A range is "
            + "fine for now; we only need the final number in November." },
        { "I am out of the office until \($0.weekday). For anything urgent about the \($0.project), please contact "
            + "my colleague in the project team." },
    ]

    private static let localParagraphs: [DemoDirectory.Language: Template] = [
        .german: { "Anbei das überarbeitete Angebot für \($0.company). Bitte prüfen Sie die Positionen zur "
            + "Schulung und Wartung, die wir nach unserem Gespräch ergänzt haben." },
        .croatian: { "U privitku šaljem ažuriranu ponudu za \($0.project). Javite nam se ako imate pitanja oko "
            + "rokova ili cijene održavanja." },
        .japanese: { "お世話になっております。\($0.project)の見積書を添付いたしましたので、ご確認のほどよろしくお願いいたします。" },
        .chinese: { "您好，附件是\($0.project)的最新报价，请在周五之前确认，以便我们安排下一阶段的工作。" },
    ]
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
