import Foundation
import IntrayCore
import IntrayTUI
import Keymaps
import Logging
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
            api = try HTTPEmailsAPI(configuration: ProductiveConfiguration(baseURL: configuration.apiURL, token: configuration.token, organizationID: configuration.organizationID), logger: logger)
        } catch {
            await sandbox?.stop()
            return fail(APIError.wrapping(error).message)
        }
        logger.info("starting on \(configuration.apiURL.absoluteString)\(demo ? " (demo)" : "")")

        let mailbox = ActionMailbox()
        let runner = EffectRunner(api: api, logger: logger) { mailbox.post($0) }
        let options = TerminalApp.Options(environment: environment, sequenceTimeout: file.sequenceTimeout, pageSize: file.pageSize, undoWindow: .seconds(file.undoSeconds), profileName: file.profile?.name)
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
            if !outcome.unfinished.isEmpty {
                let list = outcome.unfinished.map { "email \($0.email.id) (\($0.kind.logName))" }.joined(separator: ", ")
                logger.error("quit with unconfirmed actions: \(list)")
                return fail("\(outcome.unfinished.count) actions were not confirmed by Productive before quitting: \(list). Check them in Productive.")
            }
            logger.info("quit cleanly")
            return 0
        }
    }

    private func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("intray: \(message)\n".utf8))
        return 2
    }
}
