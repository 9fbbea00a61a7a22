import Foundation

/// Runs `intray` (or a shell pipeline around it) as a script would: stdin from given text,
/// stdout and stderr captured apart, no terminal anywhere.
enum ScriptProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts the command; `wait` collects it. Several may run at once.
    final class Running: @unchecked Sendable {
        let pid: pid_t
        let outputPath: String
        let errorPath: String
        let inputPath: String

        init(pid: pid_t, outputPath: String, errorPath: String, inputPath: String) {
            self.pid = pid
            self.outputPath = outputPath
            self.errorPath = errorPath
            self.inputPath = inputPath
        }

        func wait() -> Result {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            defer { for path in [outputPath, errorPath, inputPath] { unlink(path) } }
            let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            return Result(
                status: exitCode,
                stdout: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            )
        }
    }

    static func start(_ arguments: [String], environment: [String: String], input: String = "") throws -> Running {
        let base = NSTemporaryDirectory() + "intray-script-\(UUID().uuidString)"
        let (inputPath, outputPath, errorPath) = (base + ".in", base + ".out", base + ".err")
        try input.write(toFile: inputPath, atomically: true, encoding: .utf8)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, env)
        guard spawned == 0 else {
            throw TmuxScreen.Failure(description: "could not start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        return Running(pid: pid, outputPath: outputPath, errorPath: errorPath, inputPath: inputPath)
    }

    /// `intray ARGUMENTS` to completion.
    static func intray(_ arguments: [String], environment: [String: String], input: String = "") throws -> Result {
        try start([try IntrayBinary.path] + arguments, environment: environment, input: input).wait()
    }

    /// A `/bin/sh -c` line in which `$INTRAY` is the built binary.
    static func shell(_ line: String, environment: [String: String], input: String = "") throws -> Result {
        var environment = environment
        environment["INTRAY"] = try IntrayBinary.path
        environment["PATH"] = "/usr/bin:/bin"
        return try start(["/bin/sh", "-c", line], environment: environment, input: input).wait()
    }
}
