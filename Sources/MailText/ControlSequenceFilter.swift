/// The sanitiser's parser: reads scalars one by one, swallows terminal control sequences
/// whole and hands everything else to a ``SanitizedOutput``.
///
/// It follows the shape of the DEC/ECMA-48 parser terminals run (ground, escape, CSI,
/// control string), so a sequence is removed exactly as far as a terminal would have
/// read it. Differences, all on the side of showing more text: a control string (OSC,
/// DCS, SOS, PM, APC) also ends at a line break, so an unterminated one hides at most the
/// rest of its line, and any malformed byte ends a sequence and is read as text again.
struct ControlSequenceFilter {
    private enum State {
        case ground
        /// After ESC.
        case escape
        /// After ESC and one or more intermediate bytes (0x20–0x2F), as in `ESC ( B`.
        case escapeIntermediate
        /// Inside `ESC [` or 8-bit CSI: parameters and intermediates until a final byte.
        case controlSequence
        /// Inside OSC/DCS/SOS/PM/APC: anything until BEL or ST.
        case controlString
        /// ESC inside a control string: `ESC \` (ST) ends it, anything else starts anew.
        case controlStringEscape
    }

    private var state = State.ground
    private var afterCarriageReturn = false

    /// True when a `.text` scalar would just be appended, so the caller may copy a run of
    /// them without feeding each one.
    var passesPlainText: Bool {
        state == .ground && !afterCarriageReturn
    }

    mutating func feed(_ scalar: Unicode.Scalar, into output: inout SanitizedOutput) {
        let value = scalar.value
        while true {
            switch state {
            case .ground:
                if afterCarriageReturn {
                    afterCarriageReturn = false
                    if value == 0x0A { return }
                }
                switch ScalarKind(value) {
                case .text: output.append(scalar)
                case .tab: output.appendTab()
                case .lineBreak: output.appendLineBreak()
                case .carriageReturn:
                    output.appendLineBreak()
                    afterCarriageReturn = true
                case .escape:
                    output.appendPlaceholder()
                    state = .escape
                case .controlSequenceIntroducer:
                    output.appendPlaceholder()
                    state = .controlSequence
                case .stringIntroducer:
                    output.appendPlaceholder()
                    state = .controlString
                case .control: output.appendPlaceholder()
                case .invisible: break
                }
                return
            case .escape:
                switch value {
                case 0x5B: state = .controlSequence  // [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString  // ] P X ^ _
                case 0x20...0x2F: state = .escapeIntermediate
                case 0x30...0x7E: state = .ground
                default:
                    state = .ground
                    continue
                }
                return
            case .escapeIntermediate:
                switch value {
                case 0x20...0x2F: break
                case 0x30...0x7E: state = .ground
                default:
                    state = .ground
                    continue
                }
                return
            case .controlSequence:
                switch value {
                case 0x20...0x3F: break
                case 0x40...0x7E: state = .ground
                default:
                    state = .ground
                    continue
                }
                return
            case .controlString:
                switch value {
                case 0x07, 0x9C, 0x18, 0x1A: state = .ground  // BEL, ST, CAN, SUB
                case 0x1B: state = .controlStringEscape
                case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                    state = .ground
                    continue
                default: break
                }
                return
            case .controlStringEscape:
                if value == 0x5C {  // backslash: ESC \ is ST
                    state = .ground
                    return
                }
                state = .escape
                continue
            }
        }
    }
}
