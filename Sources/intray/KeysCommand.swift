import ArgumentParser
import Foundation
import IntrayApp
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
            let environment = ProcessInfo.processInfo.environment
            let file = try ConfigFile.load(environment: environment)
            let loaded = try Keymap.load(selection: keymap ?? file.keymap, environment: environment)
            print(loaded.helpTable(), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("intray: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
