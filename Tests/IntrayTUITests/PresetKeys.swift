import IntrayCore
@testable import IntrayTUI

/// What a person types in each preset to do the same thing, so one script reads for all three.
struct PresetKeys: Sendable, CustomStringConvertible {
    var name: String
    var down: String
    var up: String
    var select: String
    var selectAll: String
    var dismiss: String
    var undo: String
    var delete: String
    var attach: String
    var search: String
    var help: String
    var focusDetail: String
    /// Closes help, the detail pane or a prompt.
    var back: String
    var pickerDown: String
    var openLink = "L"

    var description: String { name }

    static let `default` = PresetKeys(name: "default", down: "j", up: "k", select: "x", selectAll: "*", dismiss: "d", undo: "u", delete: "#", attach: "a", search: "/", help: "?", focusDetail: "enter", back: "esc", pickerDown: "down")
    static let vim = PresetKeys(name: "vim", down: "j", up: "k", select: "x", selectAll: "*", dismiss: "d d", undo: "u", delete: "D", attach: "a", search: "/", help: "?", focusDetail: "l", back: "esc", pickerDown: "ctrl-n", openLink: "g x")
    static let emacs = PresetKeys(name: "emacs", down: "ctrl-n", up: "ctrl-p", select: "m", selectAll: "ctrl-x h", dismiss: "d", undo: "ctrl-_", delete: "D", attach: "a", search: "ctrl-s", help: "?", focusDetail: "ctrl-x o", back: "ctrl-g", pickerDown: "ctrl-n")
    static let all = [`default`, vim, emacs]
}

/// Every screen a user meets, reached by keys in each preset: the views' tests render them all.
enum ScreenMode: String, CaseIterable, Sendable {
    case list, detail, help, helpScrolled, picker, pickerWithDeals, search, filter, selectionPattern
    case deleteQuestion, bulkQuestion, messages, unboundKey, undoable, tooSmall, linkPrompt

    static let emails = [
        ScreenFixture.email(3, subject: "Quote for the website relaunch", name: "Anna Müller", address: "anna@acme.example", minutesAgo: 30, unread: true),
        ScreenFixture.email(2, subject: "Invoice 2025-06 for the second round of revisions, with the corrected VAT number", name: "Ben Ortiz", address: "ben.ortiz@globex.example", minutesAgo: 90),
        ScreenFixture.email(1, subject: "見積もりのご依頼について、至急ご確認ください。よろしくお願いいたします", name: "山田太郎", address: "yamada@example.jp", minutesAgo: 60 * 24 * 400),
    ]

    static let deals = [
        Deal(id: "1", name: "Acme website", number: "D-1", companyName: "Acme"),
        Deal(id: "2", name: "Acme app with a name long enough to be cut in the picker's column", number: "D-1002", companyName: "Acme Corporation International"),
    ]

    /// A key script in this mode, typed with `keys`, on a terminal of the given size.
    func script(_ keys: PresetKeys, columns: Int = 80, rows: Int = 24) throws -> KeyScript {
        if self == .bulkQuestion {
            let many = (1...150).map { ScreenFixture.email($0, subject: "Subject \($0)", name: "Anna", address: "anna@acme.example", minutesAgo: Double($0)) }
            var script = try KeyScript(keys.name, emails: many, columns: columns, rows: rows, counts: (150, 0, 0))
            try script.press(keys.selectAll)
            try script.press(keys.dismiss)
            return script
        }
        var script = try KeyScript(keys.name, emails: Self.emails, columns: columns, rows: rows)
        switch self {
        case .list, .bulkQuestion: break
        case .detail: try script.press("\(keys.down) \(keys.focusDetail)")
        case .help: try script.press(keys.help)
        case .helpScrolled: try script.press("\(keys.help) \(keys.down) \(keys.down) \(keys.down)")
        case .picker: try script.press("\(keys.attach) a c")
        case .pickerWithDeals:
            try script.press("\(keys.attach) a c")
            script.dispatch(.dealSearchAnswered(tag: script.state.picker!.searchTag, .success(Self.deals)))
            try script.press(keys.pickerDown)
        case .search: try script.press("\(keys.search) q u o")
        case .filter: try script.press("f f r o m : 1")
        case .selectionPattern: try script.press("T q u o")
        case .deleteQuestion: try script.press("\(keys.down) \(keys.delete)")
        case .messages:
            try script.press("z \(keys.dismiss)")
            try script.press("M")
        case .unboundKey: try script.press("Y")
        case .undoable: try script.press("\(keys.select) \(keys.down) \(keys.dismiss)")
        case .tooSmall: script.dispatch(.terminalResized(columns: min(columns, 60), rows: min(rows, 20)))
        case .linkPrompt:
            script.dispatch(.linksShown(emailID: script.state.cursorRow!.id, links: ["https://acme.example/q/7", "https://acme.example/terms"]))
            try script.press("\(keys.openLink) 2")
        }
        return script
    }
}
