import Foundation

/// Runs a command to completion with `posix_spawn` and `waitpid`. Foundation's `Process`
/// waits on a run loop that Swift Testing's threads do not turn, and a daemonising child
/// (the tmux server) would hold a pipe open forever; output goes to a temporary file instead.
enum Subprocess {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], environment: [String: String]? = nil, captureOutput: Bool = true) throws -> Result {
        let outputPath = captureOutput ? NSTemporaryDirectory() + "intray-e2e-\(UUID().uuidString).out" : "/dev/null"
        defer { if captureOutput { unlink(outputPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, env)
        guard spawned == 0 else {
            throw TmuxScreen.Failure(description: "could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = captureOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitCode, output: output)
    }
}
