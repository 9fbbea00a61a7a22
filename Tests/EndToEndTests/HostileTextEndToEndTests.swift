import Foundation
import Testing

/// Text written by strangers reaches a real terminal: no escape sequence the app did not write
/// itself may reach the terminal, and the screen shows visible placeholders instead.
@Suite(.serialized) struct HostileTextEndToEndTests {
    @Test func noForeignEscapeSequenceReachesTheTerminal() async throws {
        let server = try await HostileServer.start()
        let home = try temporaryDirectory()
        let raw = home + "/raw.out"
        let environment = server.environment(home: home)
        let screen = try TmuxScreen(command: [try IntrayBinary.path], environment: environment, rawOutput: raw)
        try await screen.waitFor("Invoice � due")
        for _ in HostileServer.subjects { try screen.press("j") }
        try screen.press("Enter", "J", "J", "q", "q")
        try await screen.waitFor("[exited 0]")

        let bytes = try Data(contentsOf: URL(fileURLWithPath: raw))
        let output = String(decoding: bytes, as: UTF8.self)
        #expect(output.contains("\u{1B}["), "the capture holds the app's own drawing")
        for (name, introducer) in [("OSC", "\u{1B}]"), ("DCS", "\u{1B}P"), ("APC", "\u{1B}_"), ("PM", "\u{1B}^"), ("SOS", "\u{1B}X")] {
            #expect(!output.contains(introducer), "\(name) reached the terminal")
        }
        #expect(!output.contains("pwned-title") || !output.contains("\u{1B}]0;"))
        let forbidden = output.unicodeScalars.filter { (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) || $0.value == 0x7F || $0.value == 0x07 }
        #expect(forbidden.isEmpty, "C1, DEL, BEL or bidi controls written: \(forbidden.map { String($0.value, radix: 16) })")
    }

    @Test func hostileRowsKeepTheirColumnsAligned() async throws {
        let server = try await HostileServer.start()
        let environment = server.environment(home: try temporaryDirectory())
        let screen = try TmuxScreen(command: [try IntrayBinary.path], environment: environment)
        let text = try await screen.waitFor("Invoice � due")
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix(HostileServer.subjects.count)
        let firstWords = ["Invoice", "Clipboard", "Clear", "C1", "DCS", "Bidi", "Zero", "見積"]
        let subjectColumns = zip(rows, firstWords).map { row, word in row.range(of: word).map { row[..<$0.lowerBound].count } }
        #expect(Set(subjectColumns).count == 1 && subjectColumns.allSatisfy { $0 != nil }, "subject column moved:\n\(rows.joined(separator: "\n"))")
        #expect(text.contains("Bidi gnp.exe file"))
        #expect(text.contains("Zerowidthjoin"))
        try await screen.quit()
    }

}
