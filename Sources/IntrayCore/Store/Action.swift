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

    case pageLoaded(EmailStatus, generation: Int, EmailPage)
    /// The first page of a tab that is not listed yet: its count, and deals to learn from.
    case tabPeeked(EmailStatus, EmailPage)
    /// `GET /emails/{id}` for the detail pane answered.
    case detailLoaded(id: String, tag: Int, Result<Email, APIError>)
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

/// Work for the runtime: the reducer's only way to touch the world. The runtime answers with actions.
public enum Effect: Sendable, Equatable {
    /// Load every page of a tab, first page first, answering `pageLoaded`/`pageFailed` and
    /// `tabLoadFinished` with this generation. Replaces any load of the same tab. The first
    /// page has `pageSize` emails so the list paints soon; later ones the API's largest size.
    case loadTab(EmailStatus, generation: Int, pageSize: Int, filter: EmailFilter = EmailFilter())
    /// One page of a tab that is not listed, for its count; answers `tabPeeked`.
    case peekTab(EmailStatus, pageSize: Int, filter: EmailFilter = EmailFilter())
    /// Fetch whole emails for the detail pane after a pause; a newer fetch replaces this one.
    /// Answers `detailLoaded` for each id.
    case loadDetails(ids: [String], tag: Int, debounce: Duration)
    /// Load deals to name linked emails; answers `dealsLoaded`.
    case loadDeals
    /// Search open deals after a pause; a newer search replaces this one. Answers `dealSearchAnswered`.
    case searchDeals(query: String, tag: Int, debounce: Duration)
    case cancelDealSearch
    /// Read every page of a tab again and answer `bodiesSearched` with the ids whose sender,
    /// subject or body contain every word of `text`, then `bodySearchEnded`. Replaces any
    /// body search under way.
    case searchBodies(EmailStatus, text: String, tag: Int, filter: EmailFilter = EmailFilter())
    case cancelBodySearch
    /// Answer `undoWindowElapsed` after `duration`, unless cancelled.
    case startUndoWindow(batch: Int, duration: Duration)
    case cancelUndoWindow(batch: Int)
    /// Send a triage action (re-reading the email first when it says so); answers
    /// `triageAnswered`.
    case send(PendingAction)
    /// Fetch page 1 of a tab's emails created after a day (`filter[after]`) in the background
    /// share of the rate limit; answers `polled`.
    case pollTab(EmailStatus, after: String, generation: Int, filter: EmailFilter = EmailFilter())
    /// Answer `retryDue` after `delay`.
    case scheduleRetry(actionID: Int, after: Duration)
    /// Write actions shown as done to the journal, before the frame that shows them.
    case journalRecord([PendingAction])
    /// The server confirmed these actions, or the user took them back: strike them.
    case journalForget([Int])
    /// Leave the app (after everything in flight has answered).
    case exit
}
