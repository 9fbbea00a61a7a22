import Foundation
import IntrayCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a link in a browser where there is a display to show one on; over SSH there is
/// none, and the store sends the address to the terminal's clipboard instead.
///
/// The browser is the first entry of `$BROWSER` (entries separated by `:`, as `man` and
/// `xdg-open` read it) that names a program, else `xdg-open`. An entry is words: `%s` stands
/// for the address, else the address comes last, always as one argument and never through
/// a shell, so no address can run a command. The environment, the program lookup and the
/// spawning are injected, so tests never start a browser.
public struct Browser: Sendable {
    /// Starts `path` with `arguments` (the first is the program's name) and leaves it running;
    /// answers why not, in `strerror`'s words.
    public typealias Spawn = @Sendable (_ path: String, _ arguments: [String]) -> String?

    private let environment: [String: String]
    private let spawn: Spawn
    private let isExecutable: @Sendable (String) -> Bool

    public init(environment: [String: String], spawn: @escaping Spawn = Browser.detached, isExecutable: @escaping @Sendable (String) -> Bool = { access($0, X_OK) == 0 }) {
        self.environment = environment
        self.spawn = spawn
        self.isExecutable = isExecutable
    }

    /// What became of `address`.
    public func open(_ address: String) -> LinkOpening {
        guard hasDisplay else { return .noDisplay }
        guard let (path, arguments) = command(for: address) else { return .noBrowser }
        let name = (arguments[0] as NSString).lastPathComponent
        if let reason = spawn(path, arguments) { return .browserFailed(browser: name, reason: reason) }
        return .openedInBrowser(name)
    }

    /// An X11 or Wayland display; an SSH session without forwarding has neither.
    var hasDisplay: Bool {
        ["DISPLAY", "WAYLAND_DISPLAY"].contains { environment[$0]?.isEmpty == false }
    }

    /// The program to start and its arguments (its name first), or nil when there is none.
    func command(for address: String) -> (path: String, arguments: [String])? {
        let entries = (environment["BROWSER"] ?? "").split(separator: ":").map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        for words in entries + [["xdg-open"]] {
            guard let program = words.first, let path = find(program) else { continue }
            let withAddress = words.map { $0.replacingOccurrences(of: "%s", with: address) }
            let arguments = words.contains { $0.contains("%s") } ? withAddress : words + [address]
            return (path, arguments)
        }
        return nil
    }

    /// `program`'s path: as written when it names a path, else the first match on `$PATH`.
    private func find(_ program: String) -> String? {
        if program.contains("/") { return isExecutable(program) ? program : nil }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(program)" }.first(where: isExecutable)
    }

    /// Starts the browser in a session of its own (Ctrl-C, a lost SSH connection or quitting
    /// Intray does not reach it) with stdin, stdout and stderr on /dev/null, so it cannot
    /// write over the screen. A thread of its own waits for it, so it leaves no zombie.
    public static let detached: Spawn = { path, arguments in
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let result = ChildProcess.withAttributes(flags: ChildProcess.newSession) { attributes in
            ChildProcess.withCStrings(arguments) { argv in
                posix_spawn(&pid, path, &actions, &attributes, argv, environ)
            }
        }
        guard result == 0 else { return String(cString: strerror(result)) }
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        }
        return nil
    }
}
