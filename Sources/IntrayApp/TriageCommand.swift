import Foundation
import IntrayCore
import IntrayTUI
import Keymaps
import Logging
import MailText
import ProductiveAPI
import ProductiveSandbox

/// `intray` and `intray --demo`: checks everything that can be checked before the terminal
/// is touched (keymap, configuration), then runs the interactive app and reports how it ended.
public struct TriageCommand: Sendable {
    public var demo: Bool
    public var demoEmails: Int
    public var keymap: String?
    public var apiURL: String?
    /// `--profile`; `INTRAY_PROFILE` when nil.
    public var profile: String?

    public init(demo: Bool, demoEmails: Int, keymap: String?, apiURL: String?, profile: String? = nil) {
        self.demo = demo
        self.demoEmails = demoEmails
        self.keymap = keymap
        self.apiURL = apiURL
        self.profile = profile
    }

    /// Returns the process exit code: 0, or 2 when something must be fixed before starting.
    public func run() async -> Int32 {
        MemoryRelease.configureAllocator()
        let environment = ProcessInfo.processInfo.environment
        let file: ConfigFile
        do {
            file = try ConfigFile.load(environment: environment, profile: profile)
        } catch {
            return fail(error.description)
        }
        let keys: Keymap
        do {
            keys = try Keymap.load(selection: keymap ?? file.keymap, environment: environment)
        } catch {
            return fail("\(error)")
        }

        var sandbox: Sandbox?
        let configuration: AppConfiguration
        if demo {
            do {
                var options = SandboxConfiguration()
                options.emailCount = min(max(demoEmails, 10), 100_000)
                let started = try await Sandbox.start(options)
                sandbox = started
                configuration = AppConfiguration(apiURL: started.baseURL, token: started.token, organizationID: started.organizationID)
            } catch {
                return fail("Could not start the demo sandbox: \(error)")
            }
        } else {
            do {
                configuration = try AppConfiguration.resolve(environment: environment, apiURL: apiURL, file: file)
            } catch {
                return fail(error.description)
            }
        }

        let logURL = FileLogHandler.defaultURL(environment: environment)
        let logger = Logger(label: "intray") { label in
            FileLogHandler(label: label, url: logURL, secrets: [configuration.token])
        }
        let api: HTTPEmailsAPI
        do {
            // Scripts on the same token share its rate limit with the app (the demo's sandbox is private).
            let productive = try ProductiveConfiguration(
                baseURL: configuration.apiURL, token: configuration.token, organizationID: configuration.organizationID,
                sharedBudgetDirectory: demo ? nil : SharedBudgetFile.defaultDirectory(environment: environment)
            )
            api = HTTPEmailsAPI(configuration: productive, logger: logger)
        } catch {
            await sandbox?.stop()
            return fail(APIError.wrapping(error).message)
        }
        logger.info("starting on \(configuration.apiURL.absoluteString)\(demo ? " (demo)" : "")")

        var archive: BodyArchive?
        if file.cacheBodies && !demo {
            do {
                archive = try BodyArchive(url: BodyArchive.defaultURL(environment: environment), apiURL: configuration.apiURL, organizationID: configuration.organizationID)
            } catch {
                logger.warning("body cache unavailable: \(error)")
            }
        }
        var startupActions: [Action] = []
        var journal: Journal?
        if !demo {
            do {
                let opened = try Journal(url: Journal.defaultURL(environment: environment), apiURL: configuration.apiURL, organizationID: configuration.organizationID)
                journal = opened
                let adoption = try opened.adopt(firstActionID: Self.firstAdoptedActionID)
                let earlier = EarlierSession(
                    entries: adoption.entries.map { EarlierSession.Entry(action: $0.action, isOwnAccount: opened.isOwnAccount($0), recordedAt: $0.recordedAt) },
                    heldByOthers: adoption.heldByOthers.map { EarlierSession.HeldEntries(pid: $0.pid, count: $0.count) },
                    now: Date()
                )
                if !earlier.isEmpty {
                    logger.info("journal: \(earlier.summary)")
                    startupActions.append(.earlierSessionFound(earlier))
                }
            } catch {
                logger.error("journal: \(error)")
                startupActions.append(.noticed(StatusMessage("The journal could not be opened, so actions are not kept safe against a crash: \(error)", kind: .error)))
            }
        }
        let mailbox = ActionMailbox()
        let runner = EffectRunner(api: api, logger: logger, archive: archive, journal: journal, browser: Browser(environment: environment)) { mailbox.post($0) }
        var options = TerminalApp.Options(environment: environment, sequenceTimeout: file.sequenceTimeout, pageSize: file.pageSize, undoWindow: .seconds(file.undoSeconds), profileName: file.profile?.name)
        options.startupActions = startupActions
        options.refreshInterval = file.refreshSeconds > 0 ? .seconds(file.refreshSeconds) : nil
        options.mouse = file.mouse
        // The sandbox has no web app, and the organization's would not know its emails.
        options.emailWebAddress = sandbox == nil ? file.emailWebAddressInUse : nil
        options.keepsShownEmails = archive != nil
        let outcome: Result<TerminalApp.Outcome, any Error> = await MainActor.run {
            let app = TerminalApp(keymap: keys, mailbox: mailbox, options: options) { runner.perform($0) }
            return Result { try app.run() }
        }
        runner.cancelBackgroundWork()
        try? await api.shutdown()
        await sandbox?.stop()

        switch outcome {
        case .failure(let error):
            logger.error("terminal: \(error)")
            return fail("\(error)")
        case .success(let outcome):
            var report: [String] = []
            if let failure = outcome.state.startFailure {
                logger.error("could not open the inbox: \(failure.detail.isEmpty ? failure.message : failure.detail)")
                report.append(Self.startFailureReport(failure))
            }
            if !outcome.refusals.isEmpty {
                logger.error("quit after refusals: \(outcome.refusals.map { "email \($0.action.email.id) (\($0.action.kind.logName)): \($0.reason)" }.joined(separator: ", "))")
                report.append(Self.refusalReport(outcome.refusals))
            }
            if !outcome.unfinished.isEmpty {
                logger.error("quit with unconfirmed actions: \(outcome.unfinished.map { "email \($0.email.id) (\($0.kind.logName))" }.joined(separator: ", "))")
                report.append(Self.unconfirmedReport(outcome.unfinished, journaled: journal != nil))
            }
            guard report.isEmpty else {
                FileHandle.standardError.write(Data(report.map { "intray: \($0)\n" }.joined().utf8))
                if let failure = outcome.state.startFailure { return failure.kind == .unauthorized || failure.kind == .forbidden ? 3 : 4 }
                return outcome.unfinished.isEmpty ? 1 : 2
            }
            logger.info("quit cleanly")
            return 0
        }
    }

    /// Adopted journal entries get ids from here, above any id the store hands out first.
    static let firstAdoptedActionID = 1_000_000_000

    /// Names what Productive did not confirm, by subject and id, the first 20 of them.
    /// One sentence for an inbox that could not be opened, pointing to the command that checks why.
    static func startFailureReport(_ failure: APIError) -> String {
        let reason = TerminalText.sanitizeLine(failure.message)
        let ended = reason.last.map { ".!?".contains($0) } == true ? reason : reason + "."
        return "Could not open the inbox: \(ended) Run `intray doctor` to check the token and the connection."
    }

    static func unconfirmedReport(_ actions: [TriageRequest], journaled: Bool) -> String {
        let count = actions.count == 1 ? "1 action was" : "\(actions.count) actions were"
        let next = journaled ? "they stay in the journal and are sent at the next start" : "check them in Productive"
        return (["\(count) not confirmed by Productive before quitting; \(next):"] + listed(actions.map { ($0, nil) })).joined(separator: "\n")
    }

    /// Names what Productive refused during the session, with its reasons.
    static func refusalReport(_ refusals: [Refusal]) -> String {
        let count = refusals.count == 1 ? "1 action was" : "\(refusals.count) actions were"
        return (["\(count) refused by Productive and not done:"] + listed(refusals.map { ($0.action, $0.reason) })).joined(separator: "\n")
    }

    private static func listed(_ items: [(TriageRequest, String?)]) -> [String] {
        let shown = items.prefix(20).map { action, reason in
            let subject = action.fromEarlierSession && action.email.subject == nil ? "" : "“\(TerminalText.sanitizeLine(action.email.displaySubject))” "
            return "  \(action.kind.logName): \(subject)(email \(action.email.id))\(reason.map { ": \(TerminalText.sanitizeLine($0))" } ?? "")"
        }
        return shown + (items.count > shown.count ? ["  … and \(items.count - shown.count) more (all listed in the log)"] : [])
    }

    private func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("intray: \(message)\n".utf8))
        return 2
    }
}
