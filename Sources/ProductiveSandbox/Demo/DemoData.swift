import Foundation

/// The demo organization, a pure function of the seed, the email count and the reference
/// instant: the same inputs give the same companies, people, deals and emails.
///
/// Emails are made one at a time (`email(_:)`) from their own random stream, so seeding 100,000
/// never holds them all in memory and one email's content does not depend on the others.
struct DemoData: Sendable {
    struct Company: Sendable {
        var id: Int64
        var name: String
        var domain: String
        var language: DemoDirectory.Language
    }

    static let day: Int64 = 86_400_000
    static let span = 90 * day

    let seed: UInt64
    let emailCount: Int
    /// The newest email is just before this instant (milliseconds since 1970).
    let reference: Int64
    let companies: [Company]
    let team: [Person]
    /// Client contacts in the order of how often they write: the first ones send the most.
    let contacts: [Person]
    let deals: [DealRecord]
    private let dealsByCompany: [Int64: [DealRecord]]
    private let namedContactsByCompany: [Int64: [Person]]

    init(seed: UInt64, emailCount: Int, reference: Int64) {
        self.seed = seed
        self.emailCount = emailCount
        self.reference = reference
        companies = DemoDirectory.companies.enumerated().map { index, company in
            Company(id: Int64(index + 1), name: company.name, domain: company.domain, language: company.language)
        }
        team = DemoDirectory.team.enumerated().map { index, member in
            Person(id: Int64(index + 1), name: member.name, address: "\(member.local)@\(DemoDirectory.organizationDomain)")
        }
        contacts = Self.makeContacts(companies, seed: seed)
        deals = Self.makeDeals(companies, seed: seed, reference: reference)
        dealsByCompany = Dictionary(grouping: deals, by: \.companyID)
        namedContactsByCompany = Dictionary(grouping: contacts.filter { $0.name != nil }, by: { $0.companyID ?? 0 })
    }

    func company(_ id: Int64) -> Company { companies[Int(id) - 1] }

    /// Email `index` (1...emailCount); ids grow with `created_at`.
    func email(_ index: Int) -> SandboxEmail {
        var random = DemoRandom(seed: seed, index: index, stream: 2)
        let spacing = Double(Self.span) / Double(max(emailCount, 1))
        let jitter = (random.nextUnitInterval() - 0.5) * 0.8 * spacing
        let createdAt = reference - Self.span + Int64((Double(index) - 0.5) * spacing + jitter)
        if random.chance(0.02) { return bareEmail(index, createdAt: createdAt, random: &random) }

        // Squaring a uniform draw favours the first contacts: a few people write most of the mail.
        let draw = random.nextUnitInterval()
        let sender = contacts[min(Int(draw * draw * Double(contacts.count)), contacts.count - 1)]
        let company = company(sender.companyID!)
        let to = pickTeam(random.int(in: 1...(random.chance(0.7) ? 1 : 2)), random: &random)
        var cc: [Person] = []
        for _ in 0..<(random.chance(0.6) ? 0 : random.int(in: 1...2)) {
            let candidates = random.chance(0.5) ? namedContactsByCompany[company.id] ?? [] : team
            guard !candidates.isEmpty else { continue }
            let colleague = random.pick(candidates)
            if colleague.id != sender.id, !(to + cc).contains(where: { $0.id == colleague.id }) { cc.append(colleague) }
        }
        let companyDeals = dealsByCompany[company.id] ?? []
        let topic = DemoWriting.Topic(
            company: company.name, project: random.pick(DemoDirectory.projects),
            dealNumber: companyDeals.first?.number ?? "D-\(random.int(in: 1000...1999))",
            invoiceNumber: "INV-\(random.int(in: 2400...4999))", weekday: random.pick(DemoWriting.weekdays),
            amount: "€\(random.int(in: 8...480) * 50).00", language: company.language
        )
        let subject = DemoWriting.subject(topic, random: &random)
        let message = DemoMessage(
            greeting: DemoWriting.greeting(String(to[0].name!.split(separator: " ")[0]), language: company.language),
            paragraphs: DemoWriting.paragraphs(topic, random: &random),
            signOff: DemoWriting.signOff(company.language),
            signature: [sender.name, company.name].compactMap { $0 },
            link: "https://\(company.domain)/proposals/\(topic.dealNumber.lowercased())",
            website: "https://\(company.domain)",
            // Chosen by index, not drawn: another draw would change every email after it.
            linksInText: index % 3 == 0
        )
        let htmlOnly = random.chance(0.2)
        let emptyBody = random.chance(0.5)
        let alsoHTML = random.chance(0.25)

        var email = SandboxEmail(
            id: String(index), subject: subject,
            body: htmlOnly ? (emptyBody ? "" : nil) : message.plainText,
            bodyHTML: htmlOnly ? message.richHTML : (alsoHTML ? message.simpleHTML : nil),
            snippet: message.snippet, createdAt: Date(milliseconds: createdAt),
            receivedAt: Date(milliseconds: createdAt - Int64(random.int(in: 1_000...120_000))),
            from: sender, to: to, cc: cc, companyID: Int(company.id), unread: false,
            outgoing: false, autoLinked: false, bodyTruncated: false,
            externalID: "<\(String(random.next(), radix: 16))@mail.\(company.domain)>"
        )
        let status = random.nextUnitInterval()
        if status < 0.70 {
            email.unread = random.chance(0.4)
        } else if status < 0.90, !companyDeals.isEmpty {
            let open = companyDeals.filter { $0.stageStatusID == 1 }
            email.attach(toDeal: Int((random.chance(0.8) && !open.isEmpty ? random.pick(open) : random.pick(companyDeals)).id))
            email.autoLinked = random.chance(0.25)
            email.unread = random.chance(0.1)
        } else {
            email.dismiss(at: dismissal(after: createdAt, random: &random))
            email.unread = random.chance(0.1)
        }
        return email
    }

    /// Shaped like the reference's examples: no sender, no recipients, no subject.
    private func bareEmail(_ index: Int, createdAt: Int64, random: inout DemoRandom) -> SandboxEmail {
        SandboxEmail(
            id: String(index), subject: nil, body: "Email text body", bodyHTML: nil, snippet: "Email text body",
            createdAt: Date(milliseconds: createdAt),
            dismissedAt: random.chance(0.2) ? dismissal(after: createdAt, random: &random) : nil,
            to: [], cc: [], unread: false, autoLinked: false
        )
    }

    /// Some minutes to two days after arrival, never after the reference, to the whole second.
    private func dismissal(after createdAt: Int64, random: inout DemoRandom) -> Date {
        let at = min(createdAt + Int64(random.int(in: 300...172_800)) * 1000, reference - 1000)
        return Date(milliseconds: (max(at, createdAt) + 999) / 1000 * 1000)
    }

    private func pickTeam(_ count: Int, random: inout DemoRandom) -> [Person] {
        var chosen: [Person] = []
        while chosen.count < count {
            let member = random.pick(team)
            if !chosen.contains(where: { $0.id == member.id }) { chosen.append(member) }
        }
        return chosen
    }

    private static func makeContacts(_ companies: [Company], seed: UInt64) -> [Person] {
        var contacts: [Person] = []
        var nextID: Int64 = 101
        for company in companies {
            var random = DemoRandom(seed: seed, index: Int(company.id), stream: 1)
            var pool = DemoDirectory.people(company.language)
            for _ in 0..<random.int(in: 2...5) {
                let person = pool.remove(at: random.int(in: 0...(pool.count - 1)))
                contacts.append(Person(id: nextID, name: person.name, address: "\(person.local)@\(company.domain)", companyID: company.id))
                nextID += 1
            }
            if random.chance(0.3) {
                let mailbox = random.pick(DemoDirectory.namelessMailboxes)
                contacts.append(Person(id: nextID, name: nil, address: "\(mailbox)@\(company.domain)", companyID: company.id))
                nextID += 1
            }
        }
        // Fisher-Yates with our own generator: the busiest senders spread over many companies.
        var random = DemoRandom(seed: seed, index: 0, stream: 3)
        for index in stride(from: contacts.count - 1, to: 0, by: -1) {
            contacts.swapAt(index, random.int(in: 0...index))
        }
        return contacts
    }

    /// Every company has at least one deal: 40 open deals, then won, lost and budgets.
    private static func makeDeals(_ companies: [Company], seed: UInt64, reference: Int64) -> [DealRecord] {
        var deals: [DealRecord] = []
        func add(_ company: Company, stage: Int, type: Int, _ random: inout DemoRandom) {
            let id = Int64(301 + deals.count)
            let createdAt = reference - Int64(random.int(in: 10...300)) * day - Int64(random.int(in: 0...86_399)) * 1000
            let closedAt = stage == 1 ? nil : min(createdAt + Int64(random.int(in: 10...60)) * day, reference - day)
            let project = random.pick(DemoDirectory.projects)
            let shortName = DemoDirectory.shortName(of: company.name)
            deals.append(DealRecord(
                id: id, name: type == 2 ? "\(shortName) – \(project) (budget)" : "\(shortName) \(project)",
                number: "D-\(700 + id)", companyID: company.id, companyName: company.name,
                stageStatusID: stage, dealTypeID: type, createdAt: createdAt, closedAt: closedAt
            ))
        }
        for company in companies {
            var random = DemoRandom(seed: seed, index: Int(company.id), stream: 4)
            switch company.id {
            case 1...40: add(company, stage: 1, type: 1, &random)
            case 41...50: add(company, stage: 2, type: 1, &random)
            case 51...56: add(company, stage: 3, type: 1, &random)
            default: add(company, stage: 2, type: 2, &random)
            }
            switch company.id {
            case 1...10: add(company, stage: 2, type: 1, &random)
            case 11...16: add(company, stage: 2, type: 2, &random)
            case 21...24: add(company, stage: 3, type: 1, &random)
            default: break
            }
        }
        return deals
    }
}
