import ArgumentParser
import Foundation
import IntrayApp

/// `intray cache clear`: empties the body cache that `cache_bodies = true` fills.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Manage the on-disk cache of email bodies (kept only with cache_bodies = true).",
        subcommands: [Clear.self]
    )

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete every cached email body ($XDG_CACHE_HOME/intray/bodies.sqlite)."
        )

        func run() throws {
            let url = BodyArchive.defaultURL(environment: ProcessInfo.processInfo.environment)
            do {
                let removed = try BodyArchive.clear(at: url)
                print(removed ? "Cleared the body cache at \(url.path)." : "The body cache at \(url.path) is already empty.")
            } catch {
                FileHandle.standardError.write(Data("intray: could not clear the body cache at \(url.path): \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
