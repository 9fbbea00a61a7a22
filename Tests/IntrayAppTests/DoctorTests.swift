import Foundation
import ProductiveSandbox
import Testing
@testable import IntrayApp

@Suite("intray doctor")
struct DoctorTests {
    static let goodTerminal = TerminalFacts(terminfo: .found(colors: 256, canAddressCursor: true), size: (100, 30), codeset: "UTF-8")

    private func doctor(_ home: ConfigurationHome, adding variables: [String: String], apiURL: String? = nil, terminal: TerminalFacts = goodTerminal) -> Doctor {
        var environment = home.environment.merging(["TERM": "xterm-256color", "LANG": "C.UTF-8"]) { $1 }
        environment.merge(variables) { $1 }
        var doctor = Doctor(environment: environment, apiURL: apiURL, profile: nil, terminal: terminal)
        doctor.requestTimeout = .seconds(20)
        // A loaded CI machine can take seconds to answer; slowness is not what these tests check.
        doctor.slowAnswer = .seconds(60)
        return doctor
    }

    private func check(_ subject: String, in checks: [DoctorCheck]) -> DoctorCheck? {
        checks.first { $0.subject == subject }
    }

    @Test func everythingOkAgainstTheSandbox() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 20, seed: 3))
        let home = try ConfigurationHome()
        defer { home.remove() }
        let checks = await doctor(home, adding: ["PRODUCTIVE_API_TOKEN": sandbox.token, "PRODUCTIVE_ORG_ID": sandbox.organizationID],
                                  apiURL: sandbox.baseURL.absoluteString).run()
        await sandbox.stop()
        #expect(checks.map(\.subject) == ["terminal", "locale", "size", "escape", "config", "token", "api", "rate limit", "log", "cache"])
        #expect(checks.allSatisfy { $0.level == .ok }, "\(checks.map(\.line))")
        #expect(checks.exitCode == 0)
        #expect(check("token", in: checks)?.finding == "from PRODUCTIVE_API_TOKEN (not shown)")
        let api = try #require(check("api", in: checks))
        #expect(api.finding.contains("answered 200"))
        #expect(api.finding.contains("token accepted for organization \(sandbox.organizationID), 20 emails"))
        #expect(!checks.map(\.line).joined().contains(sandbox.token))
    }

    @Test func aBadTokenFailsWithAdvice() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 20, seed: 3))
        let home = try ConfigurationHome()
        defer { home.remove() }
        let checks = await doctor(home, adding: ["PRODUCTIVE_API_TOKEN": "wrong-secret", "PRODUCTIVE_ORG_ID": sandbox.organizationID],
                                  apiURL: sandbox.baseURL.absoluteString).run()
        await sandbox.stop()
        let api = try #require(check("api", in: checks))
        #expect(api.level == .fail)
        #expect(api.finding.contains("answered 401"))
        #expect(api.advice?.contains("create a new token") == true)
        #expect(checks.exitCode == 1)
        #expect(!checks.map(\.line).joined().contains("wrong-secret"))
    }

    @Test func aServerThatIsDownFails() async throws {
        let sandbox = try await Sandbox.start(SandboxConfiguration(emailCount: 20, seed: 3))
        let url = sandbox.baseURL.absoluteString
        let token = sandbox.token
        let organization = sandbox.organizationID
        await sandbox.stop()
        let home = try ConfigurationHome()
        defer { home.remove() }
        let checks = await doctor(home, adding: ["PRODUCTIVE_API_TOKEN": token, "PRODUCTIVE_ORG_ID": organization], apiURL: url).run()
        let api = try #require(check("api", in: checks))
        #expect(api.level == .fail)
        #expect(api.finding.contains("got no answer"), "\(api.line)")
        #expect(checks.exitCode == 1)
    }

    @Test func aBrokenConfigFileFailsAndSkipsTheAPI() async throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("pagesize = 3")
        let checks = await doctor(home, adding: [:]).run()
        #expect(check("config", in: checks)?.level == .fail)
        #expect(check("config", in: checks)?.finding == "\(ConfigurationHome.displayPath): unknown key “pagesize”; did you mean page_size?")
        #expect(check("api", in: checks)?.level == .warn)
        #expect(checks.exitCode == 1)
    }

    @Test func aMissingTokenFailsTheTokenLine() async throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        let checks = await doctor(home, adding: [:]).run()
        let token = try #require(check("token", in: checks))
        #expect(token.level == .fail)
        #expect(token.finding.hasPrefix("none set: Set PRODUCTIVE_API_TOKEN"))
    }

    @Test func aWorldWritableConfigIsAWarning() async throws {
        let home = try ConfigurationHome()
        defer { home.remove() }
        try home.write("organization_id = 1", mode: 0o666)
        let config = Doctor.configCheck(try home.load())
        #expect(config.level == .warn)
        #expect(config.advice == "run `chmod 600 ~/.config/intray/config.toml`.")
    }

    @Test func terminalProblemsAreNamed() {
        let missing = TerminalChecks.checks(
            TerminalFacts(terminfo: .missing, size: (70, 20), codeset: "ANSI_X3.4-1968"),
            environment: ["TERM": "foot", "LANG": "C", "ESCDELAY": "500"])
        #expect(missing.map(\.line) == [
            "fail  terminal    TERM=foot has no terminfo entry here: install ncurses-term, or set TERM=xterm-256color if your terminal is xterm-compatible.",
            "warn  locale      LANG=C is ANSI_X3.4-1968, not UTF-8, so Intray draws ASCII and shows other letters as ?: set LANG=C.UTF-8 (or your language's .UTF-8 locale).",
            "warn  size        70×20 is smaller than 80×24: enlarge the window; Intray shows only a notice below that size.",
            "ok    escape      Esc is read at once; what follows it in the same burst makes an arrow or alt- key (Intray sets its own delay, so ESCDELAY=500 is not used)",
        ])
        #expect(TerminalChecks.term(Self.goodTerminal, environment: [:]).level == .fail)
        #expect(TerminalChecks.term(TerminalFacts(terminfo: .found(colors: -1, canAddressCursor: true), size: nil, codeset: nil), environment: ["TERM": "vt100"]).level == .warn)
        #expect(TerminalChecks.locale(TerminalFacts(terminfo: .missing, size: nil, codeset: nil), environment: ["LANG": "xx_YY.UTF-8"]).level == .warn)
    }

    @Test func aSlowAnswerIsAWarning() {
        let check = Doctor.apiCheck(.init(latency: .milliseconds(2500), status: 200, totalCount: 3), url: "https://x.example/api/v2", organization: "7", slow: .seconds(2))
        #expect(check.level == .warn)
        #expect(check.line == "warn  api         GET https://x.example/api/v2/emails?page[size]=1 answered 200 in 2500 ms: token accepted for organization 7, 3 emails: that is slow; expect each page of the list to take as long.")
    }

    @Test func rateLimitHeadersAreRead() {
        #expect(Doctor.rateLimitCheck(.init(latency: .zero, status: 200, rateLimit: ["X-RateLimit-Remaining": "97", "X-RateLimit-Limit": "100"])).finding == "97 of 100 requests left")
        #expect(Doctor.rateLimitCheck(.init(latency: .zero, status: 200, rateLimit: ["X-RateLimit-Remaining": "3", "X-RateLimit-Limit": "100"])).level == .warn)
        #expect(Doctor.rateLimitCheck(.init(latency: .zero, status: 200, rateLimit: [:])).level == .ok)
    }
}
