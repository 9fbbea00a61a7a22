import Foundation

/// Everything that can happen to the app: keys the user pressed (as commands or typed text),
/// answers from the server, and changes of the terminal. Named for what happened.
public enum Action: Sendable, Equatable {
    /// The app opened: start loading.
    case appStarted
    case commandIssued(Command)
    /// The wall clock, observed as keys arrive: the reducer reads no clock of its own.
    case timePassed(now: Date)
    /// A printable character typed into the search prompt or the deal picker.
    case textTyped(String)
    /// A key sequence is half typed (`g…`), or no longer (nil).
    case keySequencePending(String?)
    /// A key (or sequence) that means nothing where it was typed.
    case keyUnbound(String)
    case terminalResized(columns: Int, rows: Int)
    /// The detail pane laid out this email's headers and body into this many lines.
    case detailLaidOut(emailID: String, lineCount: Int)
    /// The help or messages overlay laid out this many lines, so scrolling can stop at the end.
    case overlayLaidOut(lineCount: Int)
    /// The left mouse button went down over a cell (`mouse = true`), counted from zero at the top left.
    case clicked(row: Int, column: Int)
    /// The mouse wheel turned over a cell: `notches` down, or up when negative.
    case wheelTurned(row: Int, column: Int, notches: Int)
    /// The detail pane numbered this email's links so (link n at index n - 1).
    case linksShown(emailID: String, links: [String])
    /// The runtime did this with a link the user chose.
    case linkOpened(String, LinkOpening)

    case pageLoaded(EmailStatus, generation: Int, EmailPage)
    /// The first page of a tab that is not listed yet: its count, and deals to learn from.
    case tabPeeked(EmailStatus, EmailPage)
    /// `GET /emails/{id}` for the detail pane answered.
    case detailLoaded(id: String, tag: Int, Result<Email, APIError>)
    /// A page asked for by `listDetails` answered (or failed: no emails): the whole emails on
    /// it, and the ids expected on it that it did not hold and that are not fetched by id.
    case detailsListed(ListedPage, tag: Int, [Email], unanswered: [String])
    case pageFailed(EmailStatus, generation: Int, APIError)
    case tabLoadFinished(EmailStatus, generation: Int)

    /// A page of a body search was read: the ids on it whose body matches.
    case bodiesSearched(tag: Int, matches: [String], pagesRead: Int, totalPages: Int)
    /// A body search read its last page, or failed.
    case bodySearchEnded(tag: Int, error: APIError?)

    case dealsLoaded([Deal])
    case dealSearchAnswered(tag: Int, Result<[Deal], APIError>)

    /// The server answered a triage action: the email as it now is (nil after delete), or why not.
    case triageAnswered(actionID: Int, Result<Email?, APIError>)

    /// The undo window of a batch of actions passed: send them.
    case undoWindowElapsed(batch: Int)
    /// Time to look for new mail in the tab on screen.
    case pollDue
    /// Page 1 of the emails created since a day, for the tab of this generation.
    case polled(EmailStatus, generation: Int, EmailPage)
    /// A failed action's backoff passed: try it again.
    case retryDue(actionID: Int)
    /// Something the user should know from the start, such as a journal that could not open.
    case noticed(StatusMessage)
    /// The journal held actions an earlier session never had confirmed.
    case earlierSessionFound(EarlierSession)

    /// SIGTERM or SIGHUP: finish what is in flight, then leave.
    case terminationRequested
}
