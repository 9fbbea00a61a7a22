import Foundation

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
    /// Fetch one page of a tab's listing for the whole emails on it, so the detail pane holds
    /// the emails around the cursor before it gets there: one request for a page of them, not
    /// one each. After a pause; replaces any detail fetch under way, like `loadDetails`.
    /// Answers `detailsListed`, then `detailLoaded` for each of `needed` the page did not
    /// hold, fetched by id.
    case listDetails(ListedPage, filter: EmailFilter, expected: [String], needed: [String], tag: Int, debounce: Duration)
    /// Keep an email the detail pane shows in the body archive on disk.
    case keepEmail(Email)
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
    case send(TriageRequest)
    /// Fetch page 1 of a tab's emails created after a day (`filter[after]`) in the background
    /// share of the rate limit; answers `polled`.
    case pollTab(EmailStatus, after: String, generation: Int, filter: EmailFilter = EmailFilter())
    /// Answer `retryDue` after `delay`.
    case scheduleRetry(actionID: Int, after: Duration)
    /// Write actions shown as done to the journal, before the frame that shows them.
    case journalRecord([TriageRequest])
    /// The server confirmed these actions, or the user took them back: strike them.
    case journalForget([Int])
    /// Leave the app (after everything in flight has answered).
    case exit
    /// Put this text on the clipboard through the terminal (the terminal app does it).
    case copyToClipboard(String)
    /// Start a browser on this http, https or mailto address where there is a display;
    /// answers `linkOpened`.
    case openLink(String)
}
