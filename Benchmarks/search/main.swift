import Foundation

// The reducer's answer to each letter typed after `/`, and to Esc, over a tab of N emails
// shaped like the sandbox's demo data (a few hundred senders, subjects from its templates in
// five languages): the thread's CPU time per key, p50 and p95 of 25 rounds. Built by `run`
// into one module with IntrayCore, optimized, so the store is measured without the terminal.
// Figures only, not a test: compare two builds on the same machine.
struct Rand { var s: UInt64; mutating func next() -> UInt64 { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s }
    mutating func unit() -> Double { Double(next() % 1_000_000) / 1_000_000 }
    mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] } }

let people: [(String?, String)] = [
    ("Emily Carter", "emily.carter"), ("James O'Neill", "james.oneill"), ("Olivia Bennett", "olivia"),
    ("Michael Chen", "m.chen"), ("Sophie Turner", "sophie.turner"), ("Daniel Brooks", "dbrooks"),
    ("Jürgen Müller", "j.mueller"), ("Katrin Schäfer", "katrin.schaefer"), ("Stefan Weiß", "stefan.weiss"),
    ("Ana Horvat", "ana.horvat"), ("Ivan Kovačević", "ivan.kovacevic"), ("Petra Marić", "petra.maric"),
    ("田中 裕子", "yuko.tanaka"), ("佐藤 健", "ken.sato"), ("Hiroshi Yamamoto", "h.yamamoto"),
    ("王 芳", "fang.wang"), ("Chen Jing", "jing.chen"), ("Zhao Lei", "lei.zhao"), (nil, "billing"), (nil, "noreply"),
]
let domains = ["kvarner-hotels.hr", "mueller-gmbh.de", "acme.com", "adriatic-ventures.com", "sakura-trading.co.jp",
    "greenfield-organics.com", "blueharbor.io", "pixelpartners.co.uk", "lotusgarden.cn", "northwind.example",
    "quantumleap.dev", "evergreen-pg.com", "clearwaterlegal.com", "summithealth.com", "pacificrim-imports.com",
    "oakridge-mfg.com", "starlightcinemas.com", "meridian.travel", "helvetia-uhren.ch", "brac-stone.hr"]
let projects = ["website relaunch", "brand refresh", "mobile app", "Q3 campaign", "intranet", "online shop",
    "trade fair stand", "annual report", "newsletter redesign", "booking platform", "SEO audit"]
let senderCount = Int(ProcessInfo.processInfo.environment["SENDERS"] ?? "200")!
var r = Rand(s: 88172645463325252)
let senders: [Person] = (0..<senderCount).map { i in
    let p = people[i % people.count]; let d = domains[(i / people.count + i) % domains.count]
    let suffix = i >= people.count * domains.count ? "\(i)" : ""
    return Person(name: p.0, address: "\(p.1)\(suffix)@\(d)")
}
func subject(_ r: inout Rand) -> String? {
    let roll = r.unit()
    if roll < 0.03 { return nil }
    let proj = r.pick(projects); let inv = "INV-\(2400 + r.next() % 2600)"
    let t: [String] = ["Angebot für Müller GmbH", "Rechnung \(inv)", "Besprechung am Donnerstag", "Quote D-\(1000 + r.next() % 999) – Änderungen am Umfang",
        "Ponuda za \(proj)", "Račun \(inv) – pitanje", "見積書の送付について", "\(proj)のスケジュール確認", "请确认发票 \(inv)",
        "Quote D-1234 – updated scope", "Quote request: \(proj)", "Invoice \(inv) for last month", "Payment reminder: invoice \(inv)",
        "\(proj) kickoff notes", "\(proj) timeline", "Feedback on the second draft", "Meeting on Tuesday at 10:00?",
        "Agenda for Friday's workshop", "Rescheduling our call", "Assets for the \(proj)", "Question about the hours on \(inv)"]
    return (r.chance(0.25) ? "Re: " : "") + r.pick(t)
}
extension Rand { mutating func chance(_ p: Double) -> Bool { unit() < p } }

let count = Int(CommandLine.arguments.dropFirst().first ?? "70000")!
let base = Date(timeIntervalSince1970: 1_750_000_000)
var state = AppState()
_ = Reducer.reduce(&state, .terminalResized(columns: 120, rows: 40))
_ = Reducer.reduce(&state, .appStarted)
let pageSize = 200
let pages = (count + pageSize - 1) / pageSize
var id = count
for p in 0..<pages {
    var emails: [Email] = []
    for _ in 0..<min(pageSize, id) {
        let draw = r.unit()
        let sender = senders[min(Int(draw * draw * Double(senders.count)), senders.count - 1)]
        emails.append(Email(id: String(id), subject: subject(&r), snippet: "Dear team, thank you for the notes on \(id)…",
            body: String(repeating: "Body text \(id) ", count: 20), from: sender, createdAt: base.addingTimeInterval(Double(id) * 60)))
        id -= 1
    }
    let page = EmailPage(emails: emails, meta: PageMeta(currentPage: p + 1, totalPages: pages, totalCount: count, pageSize: pageSize, maxPageSize: 200))
    _ = Reducer.reduce(&state, .pageLoaded(.unresolved, generation: 1, page))
}
_ = Reducer.reduce(&state, .tabLoadFinished(.unresolved, generation: 1))
print("rows", state.current.count, "senders", state.sharedText.distinctPeople, "row stride", MemoryLayout<EmailRow>.stride)

let text = CommandLine.arguments.dropFirst(2).first ?? "mar"
var times: [[Double]] = Array(repeating: [], count: text.count + 1)
var counts: [Int] = []
func cpuMS(_ body: () -> Void) -> Double {
    var a = timespec(), b = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a); body(); clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
    return Double(b.tv_sec - a.tv_sec) * 1000 + Double(b.tv_nsec - a.tv_nsec) / 1e6
}
for _ in 0..<25 {
    _ = Reducer.reduce(&state, .commandIssued(.search))
    counts = []
    for (i, letter) in text.enumerated() {
        times[i].append(cpuMS { _ = Reducer.reduce(&state, .textTyped(String(letter))) })
        counts.append(state.visible.count)
    }
    times[text.count].append(cpuMS { _ = Reducer.reduce(&state, .commandIssued(.promptCancel)) })
}
for (i, ts) in times.enumerated() {
    let s = ts.sorted()
    let name = i < text.count ? String(Array(text)[0...i]) : "Esc"
    print(String(format: "%-6@ p50 %6.2f ms  p95 %6.2f ms  min %6.2f", name as NSString, s[s.count / 2], s[Int(Double(s.count) * 0.95)], s[0]),
          i < counts.count ? "kept \(counts[i])" : "")
}
