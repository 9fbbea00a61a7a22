/// What the sanitiser does with one Unicode scalar met outside an escape sequence.
enum ScalarKind: Equatable {
    /// Drawn as is.
    case text
    /// Expanded to spaces up to the next tab stop.
    case tab
    /// LF, VT, FF, NEL, U+2028, U+2029.
    case lineBreak
    /// CR: a line break, merged with an LF right after it.
    case carriageReturn
    /// ESC: starts a sequence, removed as a whole.
    case escape
    /// 8-bit CSI (U+009B), the one-scalar form of `ESC [`.
    case controlSequenceIntroducer
    /// 8-bit OSC, DCS, SOS, PM, APC: a control string runs until its terminator.
    case stringIntroducer
    /// Another C0 or C1 control, or DEL: shown as the placeholder.
    case control
    /// Invisible: removed without a trace (zero-width, bidi controls, skin tones...).
    case invisible

    init(_ value: UInt32) {
        if value < 0x20 {
            switch value {
            case 0x09: self = .tab
            case 0x0A, 0x0B, 0x0C: self = .lineBreak
            case 0x0D: self = .carriageReturn
            case 0x1B: self = .escape
            default: self = .control
            }
        } else if value < 0x7F {
            self = .text
        } else if value <= 0x9F {
            switch value {
            case 0x85: self = .lineBreak
            case 0x9B: self = .controlSequenceIntroducer
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: self = .stringIntroducer
            default: self = .control
            }
        } else if value == 0x2028 || value == 0x2029 {
            self = .lineBreak
        } else if Scalars.isInvisible(value) {
            self = .invisible
        } else {
            self = .text
        }
    }
}

/// Sets of scalars the text layer treats specially.
enum Scalars {
    /// Scalars that draw nothing yet change how text reads or measures, removed by the
    /// sanitiser: soft hyphen, Arabic letter mark, Mongolian vowel separator,
    /// U+200B–U+200F (zero-width space/non-joiner/joiner, LRM, RLM), U+202A–U+202E
    /// (bidi embeddings and overrides), U+2060–U+206F (word joiner, invisible operators,
    /// bidi isolates, deprecated format controls, reserved), VS16, BOM, U+FFF0–U+FFFB
    /// (reserved, interlinear annotation), shorthand and musical format controls, emoji
    /// skin-tone modifiers, and the tag block and the reserved ignorables around the
    /// variation selectors supplement (U+E0000–U+E00FF, U+E01F0–U+E0FFF).
    @inline(__always)
    static func isInvisible(_ value: UInt32) -> Bool {
        if value < 0xAD { return false }
        switch value {
        case 0xAD, 0x061C, 0x180E,
             0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F,
             0xFE0F, 0xFEFF, 0xFFF0...0xFFFB,
             0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0x1F3FB...0x1F3FF, 0xE0000...0xE00FF, 0xE01F0...0xE0FFF:
            return true
        default:
            return false
        }
    }

    /// Emoji modifiers (Fitzpatrick skin tones).
    @inline(__always)
    static func isEmojiModifier(_ value: UInt32) -> Bool {
        value >= 0x1F3FB && value <= 0x1F3FF
    }

    /// True when a scalar needs the sanitiser's slow path: anything not `.text`, except a
    /// bare LF when `keepNewlines` and a tab when `keepTabs`.
    @inline(__always)
    static func needsSanitizing(_ value: UInt32, keepNewlines: Bool, keepTabs: Bool = false) -> Bool {
        if value < 0x20 { return !(keepNewlines && value == 0x0A || keepTabs && value == 0x09) }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        return value == 0x2028 || value == 0x2029 || isInvisible(value)
    }
}
