import Foundation
import IntrayCore
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

    @Test func theCacheLivesUnderXDGCacheHome() {
        #expect(BodyArchive.defaultURL(environment: ["XDG_CACHE_HOME": "/tmp/c", "HOME": "/home/a"]).path == "/tmp/c/intray/bodies.sqlite")
        #expect(BodyArchive.defaultURL(environment: ["HOME": "/home/a"]).path == "/home/a/.cache/intray/bodies.sqlite")
    }
}
