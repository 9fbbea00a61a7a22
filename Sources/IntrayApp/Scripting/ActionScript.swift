import Foundation
import IntrayCore
import Logging
import MailText
import ProductiveAPI

/// `intray dismiss|attach|resolve|delete ID…`: one request per email (resolve reads the email
/// first), several at a time, paced by the shared rate-limit budget. Failures are listed on
/// stderr as `ID: reason` and give status 1; a refused token or an unreachable server stops
/// the run at once (3, 4), since every other email would fail the same way.
public struct ActionScript: Sendable {
    public enum Kind: Sendable, Equatable {
        case dismiss
        case attach(dealID: String)
        /// The deal suggested for the sender, learned from the resolved emails.
        case resolve
        case delete
    }

    public var kind: Kind
    public var ids: [String]
    /// Print what would be sent instead of sending it.
    public var dryRun = false
    /// `--yes`: delete without asking.
    public var confirmed = false
    /// Requests in flight at once; the pacer decides when each may start.
    public var concurrency = 4
    /// Where each email's outcome is recorded (the app's log file), so a cron job's work can be traced.
    public var logger: Logger?

    public init(kind: Kind, ids: [String]) {
        self.kind = kind
        self.ids = ids
    }

    /// Reads the ids from `arguments` (and stdin for `-`), then runs.
    public func run(arguments: [String], api: any EmailsAPI, io: ScriptIO, limits: [RateLimit] = RateLimit.productive) async -> ScriptExit {
        var script = self
        do {
            script.ids = try EmailIDs.read(arguments, stdin: io.readInput)
        } catch {
            return report(error, io: io)
        }
        return await script.run(api: api, io: io, limits: limits)
    }

    public func run(api: any EmailsAPI, io: ScriptIO, limits: [RateLimit] = RateLimit.productive) async -> ScriptExit {
        guard !ids.isEmpty else { return .ok }
        if kind == .delete, !dryRun, !confirmed {
            if let refusal = askToDelete(io: io) { return refusal }
        }
        let display = ProgressDisplay(io: io)
        var suggestions = DealSuggestions()
        if kind == .resolve {
            do {
                suggestions = try await Self.learnSuggestions(api: api) { page, pages in
                    display.show("reading resolved emails for suggestions: page \(page)/\(pages)")
                }
            } catch {
                display.clear()
                return report(ScriptFailure(APIError.wrapping(error)), io: io)
            }
        }

        var progress = ProgressLine(verb: verb, total: ids.count, requestsPerItem: kind == .resolve ? 2 : 1)
        let rates = limits.map { (requests: $0.requests, seconds: Double($0.window.components.seconds)) }
        display.show(progress.text(limits: rates))
        var fatal: ScriptFailure?
        let work = self, learned = suggestions
        await withTaskGroup(of: (String, Result<String?, APIError>).self) { group in
            var pending = ids[...]
            // A dry run prints its lines in the order the ids came.
            for _ in 0..<(dryRun ? 1 : max(concurrency, 1)) {
                guard let id = pending.popFirst() else { break }
                group.addTask { (id, await work.perform(id, api: api, suggestions: learned)) }
            }
            for await (id, result) in group {
                progress.done += 1
                log(id, result)
                switch result {
                case .success(let dryRunLine):
                    if let dryRunLine { io.output.write(dryRunLine + "\n") }
                case .failure(let error) where ScriptExit.stopsEverything(error):
                    progress.failed += 1
                    if fatal == nil { fatal = ScriptFailure(error) }
                    pending = []
                case .failure(let error):
                    progress.failed += 1
                    display.clear()
                    io.errors.write("\(id): \(TerminalText.sanitizeLine(error.message))\n")
                }
                if fatal == nil, let next = pending.popFirst() {
                    group.addTask { (next, await work.perform(next, api: api, suggestions: learned)) }
                }
                display.show(progress.text(limits: rates))
            }
        }
        display.finish()
        if let fatal {
            let untried = ids.count - progress.done
            let exit = report(fatal, io: io)
            if untried > 0 { io.errors.write("intray: \(untried) of \(ids.count) emails were not tried.\n") }
            return exit
        }
        return progress.failed > 0 ? .someFailed : .ok
    }

    private func log(_ id: String, _ result: Result<String?, APIError>) {
        guard let logger, !dryRun else { return }
        switch result {
        case .success: logger.info("script: \(verb) email \(id): done")
        case .failure(let error): logger.error("script: \(verb) email \(id) failed: \(error.message) \(error.detail)")
        }
    }

    /// Sends (or, dry, describes) the action for one email; the dry-run line on success.
    func perform(_ id: String, api: any EmailsAPI, suggestions: DealSuggestions) async -> Result<String?, APIError> {
        do {
            switch kind {
            case .dismiss:
                if dryRun { return .success("PATCH /emails/\(id)/dismiss") }
                _ = try await api.dismiss(emailID: id)
            case .attach(let dealID):
                if dryRun { return .success("PATCH /emails/\(id)/attach deal \(dealID)") }
                _ = try await api.attach(emailID: id, toDeal: dealID)
            case .resolve:
                let email = try await api.email(id: id)
                guard let dealID = suggestions.dealID(for: email.from) else {
                    let sender = email.from?.address ?? "no sender"
                    return .failure(APIError(.invalid(detail: "no suggestion", pointer: nil), message: "no suggested deal: no resolved email from \(sender) or its domain; use attach --deal."))
                }
                if dryRun { return .success("PATCH /emails/\(id)/attach deal \(dealID)") }
                _ = try await api.attach(emailID: id, toDeal: dealID)
            case .delete:
                if dryRun { return .success("DELETE /emails/\(id)") }
                try await api.delete(emailID: id)
            }
            return .success(nil)
        } catch {
            return .failure(APIError.wrapping(error))
        }
    }

    /// What the app would suggest: the deal of the most recent resolved email per sender
    /// address, else per domain, read from every resolved email on the server.
    static func learnSuggestions(
        api: any EmailsAPI, progress: (_ page: Int, _ pages: Int) -> Void = { _, _ in }
    ) async throws -> DealSuggestions {
        var suggestions = DealSuggestions()
        for try await page in EmailPages(api: api, filter: EmailFilter(status: .resolved), pageSize: 200, concurrency: 2) {
            for email in page.emails { suggestions.learn(from: email) }
            progress(page.meta.currentPage, page.meta.totalPages)
        }
        return suggestions
    }

    private var verb: String {
        switch kind {
        case .dismiss: "dismiss"
        case .attach: "attach"
        case .resolve: "resolve"
        case .delete: "delete"
        }
    }

    /// Nil when the user said yes; otherwise the status to exit with.
    private func askToDelete(io: ScriptIO) -> ScriptExit? {
        guard io.inputIsTerminal else {
            return report(ScriptFailure(.usage, "Refusing to delete without --yes: stdin is not a terminal to ask on. Deleting cannot be undone."), io: io)
        }
        io.errors.write("Delete \(ids.count) email\(ids.count == 1 ? "" : "s") for good? Productive cannot undo it. [y/N] ")
        let answer = io.readLine()?.trimmingWhitespace().lowercased()
        guard answer == "y" || answer == "yes" else {
            io.errors.write("Nothing deleted.\n")
            return .usage
        }
        return nil
    }
}

/// The progress line on stderr, redrawn in place; nothing at all when stderr is not a terminal.
struct ProgressDisplay {
    let io: ScriptIO

    func show(_ text: String) {
        guard io.errorsAreTerminal else { return }
        io.errors.write("\r\u{1B}[K" + text)
    }

    func clear() {
        guard io.errorsAreTerminal else { return }
        io.errors.write("\r\u{1B}[K")
    }

    func finish() {
        guard io.errorsAreTerminal else { return }
        io.errors.write("\n")
    }
}
