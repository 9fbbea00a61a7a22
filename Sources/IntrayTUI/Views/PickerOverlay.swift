import IntrayCore
import Keymaps
import MailText

/// The deal picker: what is being attached, the typed query, and the matching open deals.
enum PickerOverlay {
    static let width = 84
    static let height = 20

    static func draw(_ picker: DealPicker, state: AppState, on canvas: some Canvas, context: RenderContext) {
        let g = context.glyphs
        let rect = Box.centered(width: width, height: height, in: state.layout)
        Box.draw(title: "Attach to a deal", rect: rect, on: canvas, glyphs: g)
        let inner = rect.width - 4
        let left = rect.column + 2
        var row = rect.row + 1

        let what = picker.onlyEmail.map { "“\($0.displaySubject)”" } ?? "\(RequestCost.grouped(picker.emailCount)) emails"
        canvas.put(cell(what, width: inner, ellipsis: g.ellipsis), row: row, column: left, role: .muted)
        row += 1
        let query = "Search: " + TerminalText.sanitizeLine(picker.query)
        canvas.put(tail(query, width: inner - 1, ellipsis: g.ellipsis) + "▏", row: row, column: left, role: .header)
        row += 2

        let listHeight = rect.row + rect.height - 2 - row
        if let error = picker.error {
            canvas.put(cell("Could not search deals: \(error.message)", width: inner, ellipsis: g.ellipsis), row: row, column: left, role: .statusError)
        } else if picker.deals.isEmpty || picker.isLoading {
            let text = picker.isLoading ? "Searching open deals…" : "No open deal matches “\(TerminalText.sanitizeLine(picker.query))”."
            canvas.put(fitted(text, width: inner, ellipsis: g.ellipsis), row: row, column: left, role: .muted)
        } else {
            let top = max(min(picker.cursor - listHeight / 2, picker.deals.count - listHeight), 0)
            let numberWidth = min(picker.deals.map { DisplayWidth.of(TerminalText.sanitizeLine($0.number ?? "")) }.max() ?? 0, 12)
            let companyWidth = min(24, inner / 3)
            let nameWidth = max(inner - numberWidth - companyWidth - 2, 4)
            for (offset, index) in picker.deals.indices.dropFirst(top).prefix(listHeight).enumerated() {
                let deal = picker.deals[index]
                let role: Role = index == picker.cursor ? .cursor : .normal
                let name = deal.id == picker.suggestedID ? "\(deal.name) (suggested)" : deal.name
                let line = cell(deal.number, width: numberWidth, ellipsis: g.ellipsis) + " " + cell(name, width: nameWidth, ellipsis: g.ellipsis) + " " + cell(deal.companyName, width: companyWidth, ellipsis: g.ellipsis)
                canvas.fill(row: row + offset, column: left - 1, width: inner + 2, role: role)
                canvas.put(line, row: row + offset, column: left, role: role)
            }
        }
        let footer = footerText(picker, keys: context.keys)
        canvas.put(fitted(footer, width: inner, ellipsis: g.ellipsis), row: rect.row + rect.height - 2, column: left, role: .muted)
    }

    static func footerText(_ picker: DealPicker, keys: KeyNames) -> String {
        let cancel = keys.list([(.pickerCancel, "cancel")], in: .picker)
        if picker.choosesWhenAnswered {
            return ["Searching… the top result is attached when it comes", cancel].filter { !$0.isEmpty }.joined(separator: " · ")
        }
        var parts = ["Type to search"]
        if let down = keys.name(.pickerDown, in: .picker), let up = keys.name(.pickerUp, in: .picker) { parts.append("\(down)/\(up) move") }
        parts.append(keys.list([(.pickerChoose, "attach"), (.pickerCancel, "cancel")], in: .picker))
        return parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
