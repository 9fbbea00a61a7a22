import Foundation

/// A real terminal for end-to-end tests: the built `intray` runs inside a detached tmux
/// session on a private socket; tests type with `send-keys` and read the screen with
/// `capture-pane`, exactly what a user would see.
final class TmuxScreen: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let socket: String
    private let session = "intray"

    /// Starts `command` in a `columns`×`rows` terminal. The pane stays open after the command
    /// exits and shows `[exited N]`, so tests can read what was printed after the UI left.
    /// With `rawOutput`, every byte the command writes to the terminal is also appended to that file.
    init(command: [String], environment: [String: String], columns: Int = 120, rows: Int = 40, term: String = "xterm-256color", rawOutput: String? = nil) throws {
        socket = "intray-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        let assignments = environment.merging(["TERM": term], uniquingKeysWith: { _, new in new })
            .map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let start = rawOutput == nil ? "" : "sleep 0.5; "
        let line = start + "env -i PATH=/usr/bin:/bin HOME=\(Self.quote(NSTemporaryDirectory())) \(assignments) \(command.map(Self.quote).joined(separator: " ")); echo \"[exited $?]\"; sleep 30"
        // The server this starts outlives the call and would hold a captured pipe open forever.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", line], captureOutput: false)
        try? tmux(["set-option", "-t", session, "status", "off"])
        if let rawOutput {
            try tmux(["pipe-pane", "-o", "-t", session, "cat >> \(Self.quote(rawOutput))"])
        }
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Quits with `q` and waits for a clean exit.
    func quit() async throws {
        try press("q")
        try await waitFor("[exited 0]")
    }

    /// Key names as tmux knows them (`Enter`, `Escape`, `C-n`, `Down`) or literal text.
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", session] + keys)
    }

    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    /// Bytes as a terminal writes them to the app, such as a mouse report.
    func send(bytes text: String) throws {
        try tmux(["send-keys", "-t", session, "-H"] + text.utf8.map { String($0, radix: 16) })
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(columns)", "-y", "\(rows)"])
    }

    var screen: String {
        (try? tmux(["capture-pane", "-p", "-t", session])) ?? ""
    }

    /// The pane's terminal device, to read its modes with `stty -F`.
    var paneTTY: String { pane("#{pane_tty}") }

    /// The pane's shell.
    var shellPID: pid_t { pid_t(pane("#{pane_pid}")) ?? 0 }

    /// The mouse reporting the app has asked for, as tmux's flags for modes 1000 (clicks),
    /// 1006 (SGR form), 1002 (drags) and 1003 (all motion): "1100" is clicks in SGR form.
    var mouseModes: String {
        pane("#{mouse_standard_flag}#{mouse_sgr_flag}#{mouse_button_flag}#{mouse_all_flag}")
    }

    /// A tmux format read for the pane, e.g. `#{pane_tty}`; "" when tmux cannot answer.
    private func pane(_ format: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", session, format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The app the pane's shell started, to send it signals.
    var appPID: pid_t {
        let children = (try? Subprocess.run(["/usr/bin/pgrep", "-P", "\(shellPID)", "-x", "intray"]).output) ?? ""
        return pid_t(children.split(separator: "\n").first.map(String.init) ?? "") ?? 0
    }

    /// Waits until the screen contains `text`; fails with the screen as it was.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(60)) async throws -> String {
        try await waitUntil("“\(text)” on screen", timeout: timeout) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = .seconds(60), _ condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while ContinuousClock.now < deadline {
            last = screen
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "timed out waiting for \(what); the screen was:\n\(last)")
    }

    @discardableResult
    private func tmux(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        let result = try Subprocess.run(["/usr/bin/env", "tmux", "-L", socket] + arguments, captureOutput: captureOutput)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.output)")
        }
        return result.output
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The `intray` executable SwiftPM built next to the test bundle.
enum IntrayBinary {
    static var path: String {
        get throws {
            var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
            for _ in 0..<6 {
                let candidate = directory.appendingPathComponent("intray")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return candidate.path
                }
                directory.deleteLastPathComponent()
            }
            throw TmuxScreen.Failure(description: "the intray executable was not found near \(CommandLine.arguments.first ?? "?"); run `swift build` first")
        }
    }
}
