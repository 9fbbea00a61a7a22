import Foundation
import Testing
@testable import IntrayApp

@Suite("Configuration: token_command")
struct ConfigurationTokenCommandTests {
    static let path = ConfigurationHome.displayPath

    /// A home whose config.toml runs `command` for the token.
    private func home(command: String) throws -> ConfigurationHome {
        let home = try ConfigurationHome()
        let escaped = command.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try home.write("organization_id = 1\ntoken_command = \"\(escaped)\"\n", mode: 0o644)
        return home
    }

    @Test func firstLineOfOutputIsTheToken() throws {
        let home = try home(command: "printf 'abc\\n'")
        defer { home.remove() }
        #expect(try home.resolve().token == "abc")
    }

    @Test func laterLinesAndSurroundingSpaceAreIgnored() throws {
        let home = try home(command: "printf '  abc  \\nsecond line\\n'; echo noise >&2")
        defer { home.remove() }
        #expect(try home.resolve().token == "abc")
    }

    @Test func commandSeesTheEnvironment() throws {
        let home = try home(command: "printf '%s\\n' \"$INTRAY_TEST_SECRET\"")
        defer { home.remove() }
        #expect(try home.resolve(adding: ["INTRAY_TEST_SECRET": "from-env"]).token == "from-env")
    }

    @Test func failureNamesTheExitStatusButNotTheOutput() throws {
        let home = try home(command: "echo leaked-stdout; echo leaked-stderr >&2; exit 3")
        defer { home.remove() }
        let message = configurationProblem { try home.resolve() }
        #expect(message == "\(Self.path): token_command failed with exit status 3; run it in a shell to see why.")
        #expect(message?.contains("leaked") == false)
    }

    @Test func commandKilledBySignal() throws {
        let home = try home(command: "echo leaked; kill -9 $$")
        defer { home.remove() }
        #expect(configurationProblem { try home.resolve() } == "\(Self.path): token_command was ended by signal 9 (Killed).")
    }

    @Test func emptyOutputIsRefused() throws {
        let home = try home(command: "printf '\\nabc\\n'")
        defer { home.remove() }
        #expect(configurationProblem { try home.resolve() }
            == "\(Self.path): token_command succeeded but printed no token on its first line.")
    }

    @Test func slowCommandIsStoppedAtTheTimeout() throws {
        let home = try home(command: "echo leaked; sleep 5")
        defer { home.remove() }
        let clock = ContinuousClock()
        var message: String?
        let elapsed = clock.measure {
            message = configurationProblem { try home.resolve(timeout: .milliseconds(300)) }
        }
        #expect(message == "\(Self.path): token_command did not finish within 0.3 seconds, so Intray stopped it; it must print the token without asking for input.")
        #expect(elapsed >= .milliseconds(300))
        #expect(elapsed < .seconds(3))
    }

    @Test func timeoutStopsEveryProcessTheCommandStarted() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("intray-orphan-\(UUID().uuidString)")
        let home = try home(command: "(sleep 1; touch '\(marker.path)') & sleep 5")
        defer { home.remove(); try? FileManager.default.removeItem(at: marker) }
        #expect(configurationProblem { try home.resolve(timeout: .milliseconds(200)) }?.contains("did not finish") == true)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test func daemonHoldingTheOutputOpenDoesNotDelayTheToken() throws {
        // Like gpg-agent started by `pass`: a child that outlives the command and keeps stdout.
        let home = try home(command: "sleep 3 & printf 'abc\\n'")
        defer { home.remove() }
        let clock = ContinuousClock()
        var token: String?
        let elapsed = clock.measure { token = try? home.resolve().token }
        #expect(token == "abc")
        #expect(elapsed < .seconds(2))
    }

    @Test func largeOutputDoesNotBlockTheCommand() throws {
        // 1 MB on stdout and stderr, past any pipe buffer: the command must still finish.
        let home = try home(command: "printf 'abc\\n'; head -c 1000000 /dev/zero; head -c 1000000 /dev/zero >&2")
        defer { home.remove() }
        #expect(try home.resolve(timeout: .seconds(5)).token == "abc")
    }

    @Test func commandCannotReadTheTerminal() throws {
        let home = try home(command: "read line; printf 'got:%s\\n' \"$line\"")
        defer { home.remove() }
        #expect(try home.resolve(timeout: .seconds(2)).token == "got:")
    }
}
