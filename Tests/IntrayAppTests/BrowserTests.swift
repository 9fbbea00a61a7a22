import Foundation
import IntrayCore
@testable import IntrayApp
import Logging
import Synchronization
import Testing

/// Choosing between a browser and the terminal's clipboard, with the environment and the
/// spawning injected: no test starts a browser.
@Suite struct BrowserTests {
    /// Records what would have been started, and answers as told.
    final class Spawner: Sendable {
        private let started = Mutex<[[String]]>([])
        let failure: String?

        init(failing failure: String? = nil) { self.failure = failure }

        var calls: [[String]] { started.withLock { $0 } }

        var spawn: Browser.Spawn {
            { path, arguments in
                self.started.withLock { $0.append([path] + arguments) }
                return self.failure
            }
        }
    }

    static let programs: Set = ["/usr/bin/xdg-open", "/usr/bin/firefox", "/opt/chromium/chrome", "/usr/local/bin/chromium"]
    static let address = "https://acme.example/q/7?a=1&b=$(rm -rf ~);x"

    static func browser(_ environment: [String: String], _ spawner: Spawner) -> Browser {
        Browser(environment: ["PATH": "/usr/local/bin:/usr/bin"].merging(environment) { $1 }, spawn: spawner.spawn, isExecutable: { programs.contains($0) })
    }

    @Test func withoutADisplayNothingIsStartedAndTheClipboardTakesIt() {
        let spawner = Spawner()
        #expect(Self.browser(["BROWSER": "firefox", "DISPLAY": ""], spawner).open(Self.address) == .noDisplay)
        #expect(spawner.calls.isEmpty)
    }

    @Test func withADisplayXDGOpenGetsTheAddressAsOneArgument() {
        let spawner = Spawner()
        #expect(Self.browser(["DISPLAY": ":0"], spawner).open(Self.address) == .openedInBrowser("xdg-open"))
        #expect(spawner.calls == [["/usr/bin/xdg-open", "xdg-open", Self.address]])
    }

    @Test func browserWinsAndItsFirstEntryThatExistsIsStarted() {
        let spawner = Spawner()
        let browser = Self.browser(["WAYLAND_DISPLAY": "wayland-0", "BROWSER": "nothere:chromium --new-window %s:firefox"], spawner)
        #expect(browser.open(Self.address) == .openedInBrowser("chromium"))
        #expect(spawner.calls == [["/usr/local/bin/chromium", "chromium", "--new-window", Self.address]])
    }

    @Test func aBrowserNamedByPathIsStartedThere() {
        let spawner = Spawner()
        #expect(Self.browser(["DISPLAY": ":1", "BROWSER": "/opt/chromium/chrome"], spawner).open("mailto:a@b.example") == .openedInBrowser("chrome"))
        #expect(spawner.calls == [["/opt/chromium/chrome", "/opt/chromium/chrome", "mailto:a@b.example"]])
    }

    @Test func aBrowserThatCannotStartIsNamedWithTheReason() {
        let spawner = Spawner(failing: "Permission denied")
        #expect(Self.browser(["DISPLAY": ":0", "BROWSER": "firefox"], spawner).open(Self.address) == .browserFailed(browser: "firefox", reason: "Permission denied"))
    }

    @Test func aDisplayWithoutAnyBrowserFallsBackToTheClipboard() {
        let spawner = Spawner()
        let browser = Browser(environment: ["DISPLAY": ":0", "PATH": "/nowhere", "BROWSER": "nothere"], spawn: spawner.spawn, isExecutable: { _ in false })
        #expect(browser.open(Self.address) == .noBrowser)
        #expect(spawner.calls.isEmpty)
    }

    @Test func theRunnerAnswersWhatBecameOfTheLink() async throws {
        let inbox = EffectRunnerTests.Inbox()
        let spawner = Spawner()
        let runner = EffectRunner(api: NoServer(), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), browser: Self.browser(["DISPLAY": ":0"], spawner)) { inbox.post($0) }
        runner.perform(.openLink("https://acme.example/q/7"))
        let actions = try await inbox.wait { !$0.isEmpty }
        #expect(actions == [.linkOpened("https://acme.example/q/7", .openedInBrowser("xdg-open"))])
    }

}
