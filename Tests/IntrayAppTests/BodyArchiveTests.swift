import Foundation
import IntrayCore
import Logging
import Synchronization
import Testing
@testable import IntrayApp

/// The on-disk body cache: private files, kept per server and organization, cleared whole.
@Suite struct BodyArchiveTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("intray-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func keepsWholeEmailsInAFileOnlyItsOwnerCanRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("intray/bodies.sqlite")
        let archive = try BodyArchive(url: url, apiURL: URL(string: "https://api.productive.io/api/v2")!, organizationID: "1")
        let email = Email(id: "42", subject: "Quote", body: "Hello", bodyHTML: "<p>Hello</p>", from: Person(name: "Anna", address: "anna@acme.example"),
                          to: [Person(name: "Sales", address: "sales@ourco.example")], createdAt: Date(timeIntervalSince1970: 1_750_000_000))
        archive.keep(email)
        #expect(archive.email(id: "42") == email)
        #expect(archive.email(id: "43") == nil)

        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: url.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)

        let otherOrganization = try BodyArchive(url: url, apiURL: URL(string: "https://api.productive.io/api/v2")!, organizationID: "2")
        #expect(otherOrganization.email(id: "42") == nil)

        #expect(try BodyArchive.clear(at: url))
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try !BodyArchive.clear(at: url))
    }

    @Test func anEmailShownIsKeptAndAFetchByIDIsAnsweredFromDiskWithoutARequest() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try BodyArchive(url: folder.appendingPathComponent("bodies.sqlite"), apiURL: URL(string: "https://api.productive.io/api/v2")!, organizationID: "1")
        let posted = Mutex<[Action]>([])
        let runner = EffectRunner(api: NoServer(), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), archive: archive) { action in
            posted.withLock { $0.append(action) }
        }
        let email = Email(id: "42", subject: "Quote", body: "Hello", createdAt: Date(timeIntervalSince1970: 1_750_000_000))
        runner.perform(.keepEmail(email))
        for _ in 0..<250 where archive.email(id: "42") == nil { try await Task.sleep(for: .milliseconds(20)) }
        #expect(archive.email(id: "42") == email)

        runner.perform(.loadDetails(ids: ["42"], tag: 3, debounce: .zero))
        for _ in 0..<250 where posted.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(20)) }
        #expect(posted.withLock { $0 } == [.detailLoaded(id: "42", tag: 3, .success(email))])
    }

    @Test func theCacheLivesUnderXDGCacheHome() {
        #expect(BodyArchive.defaultURL(environment: ["XDG_CACHE_HOME": "/tmp/c", "HOME": "/home/a"]).path == "/tmp/c/intray/bodies.sqlite")
        #expect(BodyArchive.defaultURL(environment: ["HOME": "/home/a"]).path == "/home/a/.cache/intray/bodies.sqlite")
    }
}

/// Several processes write one log: the app, a cron job, both ends of a pipeline.
@Suite struct SharedLogTests {
    @Test func twoWritersOnOneNewLogFileKeepEveryLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intray-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("intray/intray.log")
        var first = FileLogHandler(label: "list", url: url, secrets: [])
        var second = FileLogHandler(label: "dismiss", url: url, secrets: ["secret-token"])
        first.logLevel = .info
        second.logLevel = .info
        second.log(event: LogEvent(level: .info, message: "dismissed 60 with secret-token", metadata: nil, source: "", file: "", function: "", line: 0))
        first.log(event: LogEvent(level: .info, message: "listed 2", metadata: nil, source: "", file: "", function: "", line: 0))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("dismiss: dismissed 60 with [redacted]") && text.contains("list: listed 2"))
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func aLineStaysOneLineAndASecretIsBlankedWhateverFollowsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intray-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("intray.log")
        let handler = FileLogHandler(label: "app", url: url, secrets: ["secret-token"])
        handler.log(event: LogEvent(level: .error, message: "refused: secret-token\u{301} and secret-tokensecret-token\r\nnext\nlast", metadata: nil, source: "", file: "", function: "", line: 0))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasSuffix("app: refused: [redacted]\u{301} and [redacted][redacted]\r\\nnext\\nlast\n"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 2)
    }
}

