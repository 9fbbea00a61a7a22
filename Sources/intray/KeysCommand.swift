import ArgumentParser
import Foundation
import Keymaps

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the active key bindings, grouped by context."
    )

    @Option(help: "Keymap preset (default, vim, emacs) or path to a keymap file.")
    var keymap: String?

    func run() throws {
        do {
            let loaded = try Keymap.load(selection: keymap, environment: ProcessInfo.processInfo.environment)
            print(loaded.helpTable(), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("intray: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
