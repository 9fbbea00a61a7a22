import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `token_command` with `/bin/sh -c` and takes the first line it prints as the token.
///
/// Its output may hold secrets, so neither stdout nor stderr ever reaches the terminal, a
/// message or the log: failures are described by exit status alone. stdin is /dev/null,
/// because the terminal is not ours to share yet and a prompt there could not be seen.
/// Built on `posix_spawn` rather than Foundation's `Process`, whose waiting needs a run loop.
struct TokenCommand {
    enum Failure: Error, Equatable {
        case couldNotStart(reason: String)
        case exited(status: Int32)
        case killedBySignal(Int32)
        case timedOut(Duration)
        case printedNoToken

        /// One sentence about the command in the file at `displayPath`, without its output.
        func sentence(displayPath: String) -> String {
            let subject = "\(displayPath): token_command"
            switch self {
            case .couldNotStart(let reason):
                return "\(subject) could not be started with /bin/sh (\(reason))."
            case .exited(let status):
                return "\(subject) failed with exit status \(status); run it in a shell to see why."
            case .killedBySignal(let signal):
                return "\(subject) was ended by signal \(signal) (\(String(cString: strsignal(signal))))."
            case .timedOut(let limit):
                return "\(subject) did not finish within \(Self.seconds(limit)), so Intray stopped it; it must print the token without asking for input."
            case .printedNoToken:
                return "\(subject) succeeded but printed no token on its first line."
            }
        }

        private static func seconds(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
            return value == 1 ? "1 second" : "\(text) seconds"
        }
    }

    static let defaultTimeout: Duration = .seconds(10)
    /// More than any token; output past this is read and dropped so the command never blocks.
    static let outputLimit = 64 * 1024

    var command: String
    var environment: [String: String]
    var timeout: Duration = TokenCommand.defaultTimeout

    /// Blocks the calling thread until the command ends or `timeout` passes.
    func run() throws(Failure) -> String {
        let output = try runCapturingOutput()
        let firstLine = output.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let token = String(decoding: firstLine, as: UTF8.self).trimmingWhitespace()
        guard !token.isEmpty else { throw .printedNoToken }
        return token
    }

    private func runCapturingOutput() throws(Failure) -> [UInt8] {
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard Self.makePipe(&stdoutPipe) else { throw .couldNotStart(reason: Self.lastError()) }
        guard Self.makePipe(&stderrPipe) else {
            let reason = Self.lastError()
            stdoutPipe.forEach { close($0) }
            throw .couldNotStart(reason: reason)
        }

        let pid: pid_t
        do {
            pid = try spawn(stdout: stdoutPipe[1], stderr: stderrPipe[1])
        } catch {
            (stdoutPipe + stderrPipe).forEach { close($0) }
            throw error
        }
        close(stdoutPipe[1])
        close(stderrPipe[1])
        var readers = [OutputReader(descriptor: stdoutPipe[0], keeps: true), OutputReader(descriptor: stderrPipe[0], keeps: false)]
        defer { for index in readers.indices { readers[index].close() } }

        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var status: Int32 = 0
        var exited = false
        while !exited {
            exited = Self.reap(pid, status: &status)
            if exited {
                // A daemon the command started (gpg-agent) may hold the pipes open: take
                // what is already written and stop.
                for index in readers.indices { readers[index].drainAvailable() }
                break
            }
            let remaining = deadline - clock.now
            if remaining <= .zero {
                // The command runs in its own process group so a pipeline dies whole.
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                throw .timedOut(timeout)
            }
            // Capped so an exit is noticed even while a daemon keeps the pipes open.
            let wait = min(remaining, .milliseconds(20))
            let milliseconds = Int32(max(1, wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000))
            Self.pollOnce(&readers, timeoutMilliseconds: milliseconds)
        }

        if status & 0x7f != 0 { throw .killedBySignal(status & 0x7f) }
        let code = (status >> 8) & 0xff
        guard code == 0 else { throw .exited(status: code) }
        return readers[0].kept
    }

    private func spawn(stdout: Int32, stderr: Int32) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        var pid: pid_t = 0
        // Own process group (so a timeout can end the whole pipeline).
        let result = ChildProcess.withAttributes(flags: Int32(POSIX_SPAWN_SETPGROUP)) { attributes in
            posix_spawnattr_setpgroup(&attributes, 0)
            return ChildProcess.withCStrings(["/bin/sh", "-c", command]) { arguments in
                ChildProcess.withCStrings(environment.map { "\($0.key)=\($0.value)" }) { variables in
                    posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, variables)
                }
            }
        }
        guard result == 0 else { throw .couldNotStart(reason: String(cString: strerror(result))) }
        return pid
    }

    /// True once `pid` has ended, with its wait status in `status`.
    private static func reap(_ pid: pid_t, status: inout Int32) -> Bool {
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return true }
            if result == -1 && errno == EINTR { continue }
            return false
        }
    }

    private static func pollOnce(_ readers: inout [OutputReader], timeoutMilliseconds: Int32) {
        let open = readers.indices.filter { readers[$0].isOpen }
        guard !open.isEmpty else {
            // Both pipes closed but the command has not exited yet: just wait a little.
            usleep(UInt32(min(timeoutMilliseconds, 5)) * 1000)
            return
        }
        var descriptors = open.map { pollfd(fd: readers[$0].descriptor, events: Int16(POLLIN), revents: 0) }
        guard poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds) > 0 else { return }
        for (slot, index) in open.enumerated() where descriptors[slot].revents != 0 {
            readers[index].readOnce()
        }
    }

    /// A pipe whose ends are not inherited by the command (the dup2'ed copies are).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// One end of a pipe from the command: kept (stdout, up to the limit) or read and dropped.
private struct OutputReader {
    private(set) var descriptor: Int32
    let keeps: Bool
    private(set) var kept: [UInt8] = []

    init(descriptor: Int32, keeps: Bool) {
        self.descriptor = descriptor
        self.keeps = keeps
    }

    var isOpen: Bool { descriptor >= 0 }

    /// Reads what one `read` returns; closes the descriptor at end of file.
    mutating func readOnce() {
        guard isOpen else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            if keeps && kept.count < TokenCommand.outputLimit {
                kept.append(contentsOf: buffer[..<min(count, TokenCommand.outputLimit - kept.count)])
            }
        } else if count == 0 || errno != EINTR {
            close()
        }
    }

    /// Reads whatever is already in the pipe without waiting for more.
    mutating func drainAvailable() {
        while isOpen {
            var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { return }
            readOnce()
        }
    }

    mutating func close() {
        guard isOpen else { return }
        _ = systemClose(descriptor)
        descriptor = -1
    }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
