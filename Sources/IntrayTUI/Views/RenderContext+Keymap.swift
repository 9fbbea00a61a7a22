import Foundation
import IntrayCore
import Keymaps

extension RenderContext {
    /// A context whose key names (help, hints, the undo and help keys, the filter line's keys)
    /// all come from `keymap`. Worked out once: the run loop copies it for each frame and sets
    /// the clock and the spinner; the screen tests render with it for each preset.
    public init(keymap: Keymap, now: Date, glyphs: Glyphs, profileName: String? = nil) {
        self.init(now: now, glyphs: glyphs, help: keymap.helpSections(),
                  helpKey: keymap.sequences(for: .help, in: .list).first?.description ?? "?",
                  hints: RenderContext.hints(from: keymap), detailHints: RenderContext.hints(from: keymap, in: .detail),
                  undoKey: keymap.sequences(for: .undo, in: .list).first?.description, profileName: profileName)
        filterKeys = RenderContext.keys([(.promptSubmit, "apply"), (.promptCancel, "close")], in: .prompt, of: keymap)
    }
}
