import Foundation
import Synchronization

/// Where a scripting command writes and reads, and what kind of file each end is. The real
/// one is `standard`; tests capture into memory.
public struct ScriptIO: Sendable {
    /// Rows and records. Writing answers false once the reader has gone (a closed pipe).
    public var output: TextSink
    /// Errors, `ID: reason` lines and the progress line.
    public var errors: TextSink
    /// Everything on stdin (ids after `-`, or the answer to a question).
    public var readInput: @Sendable () -> String
    /// One line from stdin, for a y/n question; nil at end of input.
    public var readLine: @Sendable () -> String?
    public var inputIsTerminal: Bool
    public var outputIsTerminal: Bool
    public var errorsAreTerminal: Bool
    /// The width of the terminal the table is drawn for.
    public var columns: Int

    public init(
        output: TextSink, errors: TextSink, readInput: @escaping @Sendable () -> String = { "" },
        readLine: @escaping @Sendable () -> String? = { nil }, inputIsTerminal: Bool = false,
        outputIsTerminal: Bool = false, errorsAreTerminal: Bool = false, columns: Int = 100
    ) {
        self.output = output
        self.errors = errors
        self.readInput = readInput
        self.readLine = readLine
        self.inputIsTerminal = inputIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.errorsAreTerminal = errorsAreTerminal
        self.columns = columns
    }

    /// The process's stdin, stdout and stderr. Ignores SIGPIPE, so a reader that goes away
    /// (`| head`) shows up as a failed write, which ends the command quietly.
    public static func standard() -> ScriptIO {
        signal(SIGPIPE, SIG_IGN)
        var size = winsize()
        let asked = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        let columns = asked == 0 && size.ws_col > 0 ? Int(size.ws_col) : 100
        return ScriptIO(
            output: TextSink(descriptor: STDOUT_FILENO),
            errors: TextSink(descriptor: STDERR_FILENO),
            readInput: { String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) },
            readLine: { Swift.readLine() },
            inputIsTerminal: isatty(STDIN_FILENO) == 1,
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            errorsAreTerminal: isatty(STDERR_FILENO) == 1,
            columns: columns
        )
    }
}

/// A place text is written to: a file descriptor, or memory in tests. Once a write fails
/// (the reader closed the pipe) every later write is dropped and `isClosed` is true.
public final class TextSink: Sendable {
    private let state: Mutex<(closed: Bool, captured: String)>
    private let descriptor: Int32?

    public init(descriptor: Int32) {
        self.descriptor = descriptor
        state = Mutex((closed: false, captured: ""))
    }

    /// Keeps what is written, for `text`.
    public init() {
        descriptor = nil
        state = Mutex((closed: false, captured: ""))
    }

    /// What was written to a memory sink.
    public var text: String { state.withLock { $0.captured } }
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// Answers false when the text could not be written (and nothing more will be).
    @discardableResult
    public func write(_ text: String) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            guard let descriptor else {
                state.captured += text
                return true
            }
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    state.closed = true
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Marks a memory sink closed, as a reader that went away.
    public func close() {
        state.withLock { $0.closed = true }
    }
}

/// `write(2)`, named apart from `TextSink.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
