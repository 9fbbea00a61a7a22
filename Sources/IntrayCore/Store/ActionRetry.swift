/// What to do after a triage request failed, and after re-reading an email before sending it
/// again: pure decisions, with no clock; the runner only waits and sends.
///
/// Dismiss, attach and delete leave the same state when repeated, so any failure whose outcome
/// is unknown is retried, the email re-read first so nothing is sent that already took effect.
/// Only a definite refusal (4xx other than 408 and 429) puts the email back.
public enum ActionRetry {
    public enum Decision: Sendable, Equatable {
        /// The action took effect after all (a repeated delete answered 404).
        case done
        /// The email no longer exists.
        case gone
        /// A definite refusal: the email goes back with the server's sentence.
        case refused
        /// Try again after `delay`; re-read the email first when the last try may have landed.
        case retry(after: Duration, rereadFirst: Bool)
    }

    /// Waits between tries: 1 s, 2 s, 4 s, 8 s, 15 s, then every 30 s.
    public static let delays: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(15), .seconds(30)]

    public static func delay(afterAttempt attempt: Int) -> Duration {
        delays[min(max(attempt - 1, 0), delays.count - 1)]
    }

    /// `attempt` counts the tries made so far, the failed one included.
    public static func decide(_ error: APIError, kind: TriageRequest.Kind, attempt: Int) -> Decision {
        let wait = delay(afterAttempt: attempt)
        switch error.kind {
        case .notFound:
            return kind == .delete ? .done : .gone
        case .rateLimited(let retryAfter):
            // Refused before it was carried out: nothing to re-read.
            let asked = retryAfter.map { Duration.milliseconds(Int64(($0 * 1000).rounded(.up))) } ?? .zero
            return .retry(after: max(asked, wait), rereadFirst: false)
        case .unexpectedStatus(408):
            return .retry(after: wait, rereadFirst: true)
        case .server, .timeout, .connectionFailed, .malformed, .tooLarge, .cancelled:
            return .retry(after: wait, rereadFirst: true)
        case .badRequest, .unauthorized, .forbidden, .unsupportedMediaType, .invalid, .unexpectedStatus, .tls, .insecureURL:
            return .refused
        }
    }

    public enum Reread: Sendable, Equatable {
        /// Still where the action found it: send the action.
        case send
        /// Already as the action would leave it: nothing to send.
        case alreadyDone
        /// Someone else moved it elsewhere: do not send; show it where it now is.
        case movedElsewhere(EmailStatus)
        /// It no longer exists (for a delete, that is the action done).
        case gone
    }

    /// What a re-read email says about an action not known to have landed.
    public static func afterRereading(_ email: Email?, for action: TriageRequest) -> Reread {
        guard let email else { return action.kind == .delete ? .alreadyDone : .gone }
        switch action.kind {
        case .dismiss where email.dismissedAt != nil:
            return .alreadyDone
        case .attach(let deal) where email.linkedID == deal.id && email.dismissedAt == nil:
            return .alreadyDone
        default:
            return email.status == action.from ? .send : .movedElsewhere(email.status)
        }
    }
}
