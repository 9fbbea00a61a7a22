import Foundation
import IntrayCore
import MailText

/// The list's lines as last cut to their columns, kept between frames: moving the cursor
/// measures and cuts only the rows that came into view, not every row in view again. A line
/// is found by everything it shows, so a row that changes in any way is cut anew. Owned by
/// the UI thread.
public final class ListLines {
    /// What one line of the list shows: the texts it is cut from, and how.
    struct Shown: Hashable {
        var id: String
        var sender: String
        var subject: String
        var date: String
        var marks: String
        var columns: ListPane.Columns
        var deal: String

        /// Lines are told apart by everything shown (`==`, where the texts of a row drawn
        /// before are the same strings and compare at once) but found by the email's id and
        /// the marks alone.
        func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(marks)
        }
    }

    /// More than any screen holds; past it the lines kept are dropped at once.
    static let capacity = 1_024

    private var lines: [Shown: String] = [:]
    /// Each sender's suggested deal (by `SenderNumber`), as suggestions of `suggestionsSeen`
    /// answered: every row in view asks every frame.
    private var suggestedDeals: [Int: String?] = [:]
    private var suggestionsSeen: Int?
    /// Each date's label and its width as `DateLabel.short` gives them on the day of
    /// `labelsDay`: a label depends on the date and on which day is today, nothing else.
    private var dateLabels: [Date: (text: String, width: Int)] = [:]
    private var labelsDay: (year: Int, month: Int, day: Int, zone: DateLabel.Zone)?

    /// The marks column for each of the sixteen sets of marks, made from the glyphs in
    /// `markGlyphs` (unread, new, selected, suggested): every row asks every frame.
    private var markTexts: [String] = []
    private var markGlyphs: [String] = []

    public init() {}

    /// Unread, new, selected and suggested, each its glyph or a space, then a space.
    func marks(unread: Bool, new: Bool, selected: Bool, suggested: Bool, glyphs: Glyphs) -> String {
        if markGlyphs.count != 4 || markGlyphs[0] != glyphs.unread || markGlyphs[1] != glyphs.new
            || markGlyphs[2] != glyphs.selected || markGlyphs[3] != glyphs.suggested {
            markGlyphs = [glyphs.unread, glyphs.new, glyphs.selected, glyphs.suggested]
            markTexts = (0..<16).map { bits in
                (0..<4).map { bits & 1 << $0 != 0 ? markGlyphs[$0] : " " }.joined() + " "
            }
        }
        return markTexts[(unread ? 1 : 0) | (new ? 2 : 0) | (selected ? 4 : 0) | (suggested ? 8 : 0)]
    }

    func line(for shown: Shown, cut: () -> String) -> String {
        if let line = lines[shown] { return line }
        if lines.count >= Self.capacity { lines.removeAll(keepingCapacity: true) }
        let line = cut()
        lines[shown] = line
        return line
    }

    var count: Int { lines.count }

    /// `DateLabel.short(date, today: today, zone: zone)` and its width.
    func dateLabel(_ date: Date, today: DateLabel.Parts, zone: DateLabel.Zone) -> (text: String, width: Int) {
        if let day = labelsDay, day != (today.year, today.month, today.day, zone) || dateLabels.count >= Self.capacity {
            dateLabels.removeAll(keepingCapacity: true)
        }
        labelsDay = (today.year, today.month, today.day, zone)
        if let label = dateLabels[date] { return label }
        let text = DateLabel.short(date, today: today, zone: zone)
        let label = (text, DisplayWidth.of(text))
        dateLabels[date] = label
        return label
    }

    /// `suggestions.dealID(for: email.from)`, asked once per sender.
    func suggestedDeal(for email: EmailRow, in suggestions: DealSuggestions) -> String? {
        guard let sender = email.sender.number else { return suggestions.dealID(for: email.from) }
        if suggestionsSeen != suggestions.generation {
            suggestedDeals.removeAll(keepingCapacity: true)
            suggestionsSeen = suggestions.generation
        }
        if let known = suggestedDeals[sender] { return known }
        let deal = suggestions.dealID(for: email.from)
        suggestedDeals[sender] = deal
        return deal
    }
}
