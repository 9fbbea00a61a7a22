import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Display widths come from `wcwidth`, which follows the C locale; the app sets it with
/// `setlocale(LC_ALL, "")` at start-up, the tests use C.UTF-8 (present on every glibc).
enum UTF8Locale {
    static let installed: Bool = setlocale(LC_ALL, "C.UTF-8") != nil
}

/// Scalars the sanitiser must never let through (besides C0 controls).
enum Forbidden {
    static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x7F...0x9F, 0x00AD, 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E,
             0x2060...0x206F, 0xFE0F, 0xFEFF, 0xFFF0...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A,
             0x1F3FB...0x1F3FF, 0xE0000...0xE00FF, 0xE01F0...0xE0FFF:
            return true
        default:
            return false
        }
    }

    /// Nil when `text` is safe to draw; else the offending scalar, for the failure message.
    static func violation(in text: String, allowNewline: Bool) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 && !(allowNewline && value == 0x0A) || contains(value) {
                return String(format: "U+%04X", value)
            }
        }
        return nil
    }
}
