import Foundation

/// The links of the email in the detail pane, numbered as the pane shows them (`[1]` after
/// the link's text, and a list under the body), and the number being typed to open one. A
/// child of the store: it keeps the links and the number, and answers the number chosen.
///
/// The store cannot read HTML, so the pane tells it the links it numbered (`linksShown`);
/// they belong to `emailID`, and mean nothing once the cursor is on another email.
public struct LinkState: Sendable, Equatable {
    /// The email the links were shown for.
    public private(set) var emailID: String?
    /// Link n's address at index n - 1, sanitised as drawn.
    public private(set) var addresses: [String] = []
    /// The number typed after the open-link key; nil while no number is asked for.
    public private(set) var typed: String?
    /// `typed` was filled in, not typed: the first digit typed replaces it.
    private(set) var typedIsSuggested = false

    public init() {}

    enum Action: Sendable, Equatable {
        /// The detail pane numbered these links of this email.
        case shown([String], of: String)
        case numberAsked
        case textTyped(String)
        case erased
        case submitted
        case cancelled
    }

    enum Outcome: Sendable, Equatable {
        /// Enter was pressed on this number (perhaps empty): open that link, if there is one.
        case chosen(number: String)
    }

    mutating func reduce(_ action: Action) -> [Outcome] {
        switch action {
        case .shown(let links, let emailID):
            self.emailID = emailID
            addresses = links
        case .numberAsked:
            // With one link, its number is already typed, so Enter opens it: the key does the
            // same for every email, and no browser starts from one stray key.
            typed = addresses.count == 1 ? "1" : ""
            typedIsSuggested = typed == "1"
        case .textTyped(let text):
            typeDigits(text)
        case .erased:
            guard typed != nil else { return [] }
            if typed?.isEmpty == false { typed!.removeLast() }
            typedIsSuggested = false
        case .submitted:
            guard let number = typed else { return [] }
            typed = nil
            return [.chosen(number: number)]
        case .cancelled:
            typed = nil
        }
        return []
    }

    /// The links of `emailID`, or nil when the pane has not shown that email's yet.
    func addresses(of emailID: String) -> [String]? {
        self.emailID == emailID ? addresses : nil
    }

    /// Digits only: a link has a number, and nothing else could open one.
    private mutating func typeDigits(_ text: String) {
        guard var number = typed, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return }
        if typedIsSuggested { number = "" }
        typedIsSuggested = false
        guard number.count + text.count <= 4 else { return }
        typed = number + text
    }
}
