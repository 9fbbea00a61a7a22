import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of the config file and its permission bits, taken from one open descriptor so
/// the mode checked is the mode of the file actually read.
struct ConfigFileContents {
    struct ReadError: Error {
        /// Why, from `strerror`, for the user sentence.
        var reason: String
    }

    /// Larger than any sensible config file; stops a mistaken path (a device, a log) early.
    static let sizeLimit = 1 << 20

    var data: Data
    var mode: mode_t

    /// nil when there is no file at `url`.
    static func read(_ url: URL) throws(ReadError) -> ConfigFileContents? {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw ReadError(reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ReadError(reason: "it is not a regular file") }
        guard Int(info.st_size) <= sizeLimit else { throw ReadError(reason: "it is larger than 1 MiB") }

        let data: Data
        do {
            data = try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data()
        } catch {
            throw ReadError(reason: error.localizedDescription)
        }
        // st_size can lie (files in /proc, a file growing while read).
        guard data.count <= sizeLimit else { throw ReadError(reason: "it is larger than 1 MiB") }
        return ConfigFileContents(data: data, mode: info.st_mode & 0o7777)
    }
}
