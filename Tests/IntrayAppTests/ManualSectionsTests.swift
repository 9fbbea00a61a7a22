import Foundation
import Testing
@testable import IntrayApp

/// The man page's hand-written part (docs/intray.1.sections) keeps up with the code.
@Suite("Manual: every config key and variable is documented")
struct ManualSectionsTests {
    static let sections: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/intray.1.sections"), encoding: .utf8)) ?? ""
    }()

    @Test(arguments: ConfigFileParser.keys + ConfigProfile.keys)
    func everyConfigKeyIsDocumented(_ key: String) {
        #expect(Self.sections.contains("\\fB\(key)\\fR"), "intray.1.sections does not document \(key)")
    }

    @Test(arguments: ["PRODUCTIVE_API_TOKEN", "PRODUCTIVE_ORG_ID", "INTRAY_API_URL", "INTRAY_PROFILE", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "TERM", "NO_COLOR"])
    func everyVariableIsDocumented(_ name: String) {
        #expect(Self.sections.contains(".B \(name)") || Self.sections.contains(name))
    }

    @Test func theSectionsAreThere() {
        for heading in ["CONFIGURATION", "ENVIRONMENT", "FILES", "EXIT STATUS"] {
            #expect(Self.sections.contains(".SH \(heading)"))
        }
    }
}
